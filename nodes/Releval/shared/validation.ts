import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';

/*
 * Checks of user input that must happen before anything is sent: every failure names the parameter and says
 * that no request was made.
 */

export type JsonShape = 'object' | 'array' | 'any';

/** Stops the item with an error that names the parameter; nothing has been sent. */
export function invalidParameter(
	context: IExecuteSingleFunctions,
	label: string,
	problem: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `"${label}" ${problem}`, {
		itemIndex: context.getItemIndex(),
		description: `Fix the "${label}" parameter; nothing was sent to Releval.`,
	});
}

/** Turns a problem into the node error, saying where it is (a parameter, an event of an input item…). */
export type Fail = (problem: string) => NodeOperationError;

/** The `Fail` of a parameter: its errors name the parameter (see `invalidParameter`). */
export function failForParameter(context: IExecuteSingleFunctions, label: string): Fail {
	return (problem: string) => invalidParameter(context, label, problem);
}

/**
 * The JSON of a JSON-typed value: parsed text, or the object/array an expression produced; undefined for blank
 * text. Anything else, or the wrong shape, fails.
 */
export function parseJsonValue(value: unknown, fail: Fail, shape: JsonShape = 'any'): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw fail(`is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (shape === 'object' && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
		throw fail('must be a JSON object, like {"key": "value"}');
	}
	if (shape === 'array' && !Array.isArray(parsed)) {
		throw fail('must be a JSON array, like ["a", "b"]');
	}
	return parsed;
}

export interface JsonParameterTarget {
	/** Parameter path, e.g. `headers` or `additionalFields.headers`. */
	parameter: string;
	label: string;
	/** Where the parsed value goes in the JSON body (dot paths are not expanded). */
	property: string;
	shape?: JsonShape;
}

/** A pre-send step that validates a JSON parameter and puts the parsed value in the request body. */
export function sendJsonParameter(target: JsonParameterTarget): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const parsed = parseJsonValue(this.getNodeParameter(target.parameter), failForParameter(this, target.label), target.shape);
		if (parsed !== undefined) {
			requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), [target.property]: parsed } as IDataObject;
		}
		return requestOptions;
	};
}

/*
 * Pre-send steps shared by several resources: string-map JSON fields (HTTP headers) and the guard that stops an
 * update which would change nothing. Both stop the item before any request.
 */

/**
 * Validates a JSON parameter that must be an object of string values (HTTP headers) and puts it in the body.
 * The one policy for header maps: text as is, numbers and booleans as their text (`3` → `"3"`, as an HTTP header
 * carries them); nested objects, arrays and null are rejected.
 */
export function sendStringMapParameter(target: { parameter: string; label: string; property: string }): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const parsed = parseJsonValue(this.getNodeParameter(target.parameter, ''), failForParameter(this, target.label), 'object') as
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

/** The `headers` JSON of a collection (Additional Fields, Update Fields…), checked as a header map and sent as `headers`. */
export function sendHeaders(collection: string, label = 'Headers'): PreSendAction {
	return sendStringMapParameter({ parameter: `${collection}.headers`, label, property: 'headers' });
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

/*
 * Checks of single values that n8n's editor hints at (min values, option lists, formats) but does not enforce
 * when a workflow runs or an AI agent fills the parameters: whole numbers in range, option values, e-mail
 * addresses, browser origins, URLs and timestamps. Every failure names the parameter; nothing is sent.
 * Also: reading a parameter as another input item would see it, for operations that combine all input items
 * into one request.
 */

export function isBlankValue(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A whole number (numeric text like "5" from an expression is accepted), or undefined. */
export function wholeNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

export interface IntegerTarget {
	/** Parameter path, e.g. `additionalFields.batchSize`. */
	parameter: string;
	label: string;
	/** Where the number goes in the JSON body. */
	property: string;
	min?: number;
	max?: number;
}

/** Validates an optional whole-number parameter against its range and puts it in the body when set. */
export function sendInteger(target: IntegerTarget): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const raw = this.getNodeParameter(target.parameter, '') as unknown;
		if (isBlankValue(raw)) return requestOptions;
		const number = wholeNumber(raw);
		const range = [
			target.min !== undefined ? `at least ${target.min}` : '',
			target.max !== undefined ? `at most ${target.max}` : '',
		]
			.filter(Boolean)
			.join(' and ');
		if (
			number === undefined ||
			(target.min !== undefined && number < target.min) ||
			(target.max !== undefined && number > target.max)
		) {
			throw invalidParameter(
				this,
				target.label,
				`must be a whole number${range ? ` ${range}` : ''}, not ${JSON.stringify(raw)}`,
			);
		}
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), [target.property]: number };
		return requestOptions;
	};
}

/** Checks that a value is one of the allowed option values (a list for multi-options); returns it cleaned. */
export function checkOptionValues(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	allowed: readonly string[],
): string[] {
	const values = (Array.isArray(value) ? value : [value]).filter((entry) => !isBlankValue(entry));
	for (const entry of values) {
		if (typeof entry !== 'string' || !allowed.includes(entry)) {
			throw invalidParameter(
				context,
				label,
				`has the value ${JSON.stringify(entry)}, which is not one of ${allowed.map((option) => `"${option}"`).join(', ')}`,
			);
		}
	}
	return values as string[];
}

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(value: string): boolean {
	return EMAIL.test(value);
}

const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ORIGIN = new RegExp(
	`^(https?)://(${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?/?$`,
	'i',
);

/**
 * A browser origin (`scheme://host[:port]`, what browsers send in the Origin header) in canonical form:
 * lower-case scheme and host, no trailing slash. Undefined when the text is not an origin (a path, a query,
 * another scheme, a bad port).
 */
export function normalizeOrigin(value: string): string | undefined {
	const match = ORIGIN.exec(value.trim());
	if (!match) return undefined;
	const [, scheme, host, port] = match;
	if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined;
	return `${scheme.toLowerCase()}://${host.toLowerCase()}${port !== undefined ? `:${Number(port)}` : ''}`;
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

export function isHttpUrl(value: string): boolean {
	return HTTP_URL.test(value.trim());
}

/** Text items of a list parameter: an array (multiple values, or an expression), or comma/line separated text. */
export function textList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.filter((entry) => !isBlankValue(entry));
	if (typeof value === 'string') {
		return value
			.split(/[\n,]/)
			.map((entry) => entry.trim())
			.filter((entry) => entry !== '');
	}
	return isBlankValue(value) ? [] : [value];
}

/**
 * An ISO 8601 date-time with a time zone, as Releval's `date-time` fields need. Accepts ISO text (taken as UTC
 * when it has no zone, as n8n's date picker produces), a Date, a Luxon DateTime from `{{ $now }}`, or epoch
 * milliseconds. Undefined when the value is not a date.
 */
export function isoTimestamp(value: unknown): string | undefined {
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (typeof value === 'number' && Number.isFinite(value)) date = new Date(value);
	else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const text = (value as { toISO: () => string | null }).toISO();
		date = text ? new Date(text) : undefined;
	} else if (typeof value === 'string') {
		const text = value.trim();
		if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
		const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text);
		const withTime = text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T');
		date = new Date(hasZone ? withTime : `${withTime}Z`);
	}
	return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}
