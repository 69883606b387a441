import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { invalidParameter, parseJsonValue } from './validation';

/*
 * Pre-send steps shared by several resources: string-map JSON fields (HTTP headers) and the guard that stops an
 * update which would change nothing. Both stop the item before any request.
 */

/**
 * Validates a JSON parameter that must be an object of string values (HTTP headers) and puts it in the body.
 * Numbers and booleans are sent as their text; nested objects, arrays and null are rejected.
 */
export function sendStringMapParameter(target: { parameter: string; label: string; property: string }): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const parsed = parseJsonValue(this, this.getNodeParameter(target.parameter, ''), target.label, 'object') as
			| IDataObject
			| undefined;
		if (parsed === undefined) return requestOptions;
		const map: Record<string, string> = {};
		for (const [key, value] of Object.entries(parsed)) {
			if (typeof value === 'string') map[key] = value;
			else if (typeof value === 'number' || typeof value === 'boolean') map[key] = String(value);
			else {
				throw invalidParameter(
					this,
					target.label,
					`must map each name to a text value, like {"X-Api-Version": "2"}; "${key}" is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
				);
			}
		}
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), [target.property]: map };
		return requestOptions;
	};
}

/**
 * Stops an update whose body is empty (no Update Field set, or only empty ones): Releval would have nothing to
 * change. List it after every other pre-send step that adds to the body.
 */
export function requireSomeUpdate(label = 'Update Fields'): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const body = requestOptions.body;
		if (!body || typeof body !== 'object' || Object.keys(body).length === 0) {
			throw invalidParameter(this, label, 'has no field set: add at least one field to change');
		}
		return requestOptions;
	};
}
