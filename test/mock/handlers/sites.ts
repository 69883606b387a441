import type { MockReleval } from '../server';
import { ProblemError, newId, pageOf, type Resource } from '../state';

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
	if (Object.keys(errors).length > 0) {
		throw new ProblemError(400, 'One or more validation errors occurred.', undefined, errors);
	}
}

/** The registered site whose public site_id is `siteId`, if any. */
export function siteByPublicId(mock: MockReleval, siteId: unknown): Resource | undefined {
	return mock.state.sites.all().find((site) => site.site_id === siteId);
}

export function registerSiteHandlers(mock: MockReleval): void {
	const { sites } = mock.state;

	mock.handle('listSites', 'Member', ({ query }) => ({
		status: 200,
		body: pageOf(sites.all(), query, mock.options.envelope),
	}));

	mock.handle('createSite', 'Member', ({ body }) => {
		const fields = body as Record<string, unknown>;
		checkOrigins(fields.allowed_origins);
		return { status: 201, body: sites.insert({ ...fields, site_id: newId() }) };
	});

	mock.handle('getSite', 'Member', ({ params }) => ({ status: 200, body: sites.get(params.siteId) }));

	mock.handle('updateSite', 'Member', ({ params, body }) => {
		const fields = body as Record<string, unknown>;
		sites.get(params.siteId);
		checkOrigins(fields.allowed_origins);
		const { site_id: _ignored, ...changes } = fields;
		return { status: 200, body: sites.update(params.siteId, changes) };
	});

	mock.handle('deleteSite', 'Member', ({ params }) => {
		sites.remove(params.siteId);
		return { status: 204 };
	});
}
