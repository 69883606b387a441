import type { MockReleval } from '../server';
import { invalidFields, newId, type Resource } from '../state';
import { registerCrud } from './crud';

/*
 * Sites: registrations for browser UBI tracking. Each has an internal id (the path parameter) and a separate
 * public site_id that events carry (INFERRED: the two may be the same value in Releval). Allowed origins must be
 * origins (scheme://host[:port]); Releval's own check is INFERRED.
 */

const ORIGIN = /^https?:\/\/[^\s/?#:]+(?::\d{1,5})?$/;

function checkOrigins(origins: unknown): void {
	if (!Array.isArray(origins)) return;
	const errors: Record<string, string[]> = {};
	origins.forEach((origin, index) => {
		if (typeof origin !== 'string' || !ORIGIN.test(origin)) {
			errors[`allowed_origins[${index}]`] = [`${JSON.stringify(origin)} is not a valid origin.`];
		}
	});
	if (Object.keys(errors).length > 0) throw invalidFields(errors);
}

/** The registered site whose public site_id is `siteId`, if any. */
export function siteByPublicId(mock: MockReleval, siteId: unknown): Resource | undefined {
	return mock.state.sites.all().find((site) => site.site_id === siteId);
}

export function registerSiteHandlers(mock: MockReleval): void {
	registerCrud(mock, {
		collection: mock.state.sites,
		idParam: 'siteId',
		roles: { read: 'Member', write: 'Member' },
		operations: { list: 'listSites', create: 'createSite', get: 'getSite', update: 'updateSite', delete: 'deleteSite' },
		create: (fields) => {
			checkOrigins(fields.allowed_origins);
			return { ...fields, site_id: newId() };
		},
		update: (_site, fields) => {
			checkOrigins(fields.allowed_origins);
			// the public site_id is fixed at creation
			const { site_id: _ignored, ...changes } = fields;
			return changes;
		},
	});
}
