import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import { invalidParameter, normalizeOrigin, textList } from '../../shared/validation';

export const ALLOWED_ORIGINS_LABEL = 'Allowed Origins';

/** The Allowed Origins parameter (a list); `required` on create. */
export function allowedOriginsField(required: boolean, show?: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: ALLOWED_ORIGINS_LABEL,
		name: 'allowedOrigins',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Origin' },
		required,
		default: [],
		placeholder: 'e.g. https://shop.example.com',
		description:
			'The web origins (scheme://host[:port], no path) whose pages may send events for this site. Releval silently drops browser events from any other origin.',
		...(show ? { displayOptions: { show } } : {}),
	};
}

/**
 * Checks every origin (scheme://host[:port], like the Origin header browsers send) and puts the list in the
 * body in canonical form, without duplicates.
 */
export function sendAllowedOrigins(parameter: string, required: boolean): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const entries = textList(this.getNodeParameter(parameter, []));
		if (entries.length === 0) {
			if (required) throw invalidParameter(this, ALLOWED_ORIGINS_LABEL, 'needs at least one origin, like https://shop.example.com');
			return requestOptions;
		}
		const origins: string[] = [];
		for (const entry of entries) {
			const origin = typeof entry === 'string' ? normalizeOrigin(entry) : undefined;
			if (!origin) {
				throw invalidParameter(
					this,
					ALLOWED_ORIGINS_LABEL,
					`has ${JSON.stringify(entry)}, which is not an origin: use scheme://host[:port] with http or https and no path, like https://shop.example.com`,
				);
			}
			if (!origins.includes(origin)) origins.push(origin);
		}
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), allowed_origins: origins };
		return requestOptions;
	};
}
