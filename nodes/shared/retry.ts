import { randomInt } from 'n8n-workflow';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

/*
 * When to retry a Releval request. Releval leaves retrying to the client ("it is up to you to retry"); its
 * own tracker retries 429 and 5xx with exponential backoff and full jitter. We retry only what cannot
 * duplicate work: a request the server refused before acting (429, 503 with Retry-After, a refused
 * connection), or an idempotent request (GET, PUT, DELETE) that met a gateway error or a broken connection.
 * A POST whose connection broke may have been processed, so it is never retried silently.
 */

export interface RetrySettings {
	/** Retries after the first attempt; 0 disables retrying. */
	maxRetries: number;
	/** Upper bound of all waiting for one request, in seconds. */
	maxWaitSeconds: number;
}

const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_WAIT_SECONDS = 60;

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
	maxRetries: DEFAULT_MAX_RETRIES,
	maxWaitSeconds: DEFAULT_MAX_WAIT_SECONDS,
};

const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const GATEWAY_STATUSES = new Set([502, 503, 504]);
/** Connection failures after which the request may or may not have reached Releval. */
const BROKEN_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
/** Connection failures that prove the request never reached Releval. */
const NOT_DELIVERED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

export const retryOptionsProperty: INodeProperties = {
	displayName: 'Retries',
	name: 'retryOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		'How the node retries requests Releval could not take at that moment (429, 503, gateway errors). Counted per request, before n8n\'s own "Retry On Fail" setting, which re-runs the whole node.',
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_MAX_RETRIES,
			description: 'How often to retry one request, from 0 (retrying off) to 10',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_MAX_WAIT_SECONDS,
			description: 'The longest the node waits between attempts of one request, all waits added up',
		},
	],
};

export function readRetrySettings(value: unknown): RetrySettings {
	const options = (value ?? {}) as IDataObject;
	const number = (raw: unknown, fallback: number) => (Number.isFinite(Number(raw)) ? Math.max(0, Number(raw)) : fallback);
	return {
		maxRetries: number(options.maxRetries ?? DEFAULT_RETRY_SETTINGS.maxRetries, DEFAULT_RETRY_SETTINGS.maxRetries),
		maxWaitSeconds: number(options.maxWaitSeconds ?? DEFAULT_RETRY_SETTINGS.maxWaitSeconds, DEFAULT_RETRY_SETTINGS.maxWaitSeconds),
	};
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(headers: IDataObject | undefined, now = Date.now()): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface FailedAttempt {
	method: string;
	status?: number;
	code?: string;
	headers?: IDataObject;
	/** A temporary failure of something harmless to repeat (e.g. getting a token). */
	safeToRepeat?: boolean;
}

/** Whether the failure is one we may retry without risking a duplicate action. */
export function isRetryable(attempt: FailedAttempt): boolean {
	if (attempt.safeToRepeat) return true;
	const idempotent = IDEMPOTENT_METHODS.has(attempt.method.toUpperCase());
	if (attempt.status !== undefined) {
		if (attempt.status === 429) return true;
		if (attempt.status === 503 && retryAfterMs(attempt.headers) !== undefined) return true;
		return idempotent && GATEWAY_STATUSES.has(attempt.status);
	}
	if (attempt.code && NOT_DELIVERED_CODES.has(attempt.code)) return true;
	return idempotent && attempt.code !== undefined && BROKEN_CONNECTION_CODES.has(attempt.code);
}

/** The wait before retry number `retry` (1-based): Retry-After if given, else full-jitter exponential backoff. */
export function retryDelayMs(attempt: FailedAttempt, retry: number): number {
	const announced = retryAfterMs(attempt.headers);
	if (announced !== undefined) return announced;
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
	return randomInt(ceiling + 1);
}
