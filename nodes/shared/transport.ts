import { NodeApiError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IHttpRequestOptions,
	ICredentialsDecrypted,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
	RequestHelperFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './api';
import { httpFailureToNodeError, transportFailureToNodeError } from './errors';
import {
	DEFAULT_RETRY_SETTINGS,
	isRetryable,
	retryAfterMs,
	retryDelayMs,
	type FailedAttempt,
	type RetrySettings,
} from './retry';

/*
 * The one transport. Every request — of operations (through shared/routing.ts), pages, list searches, run polling
 * and the trigger — goes through `send`: out through n8n's `httpRequestWithAuthentication`, retried per
 * shared/retry.ts, and every non-2xx answer turned into a NodeApiError by shared/errors.ts.
 *
 * Token renewal on n8n 1.x and 2.x. n8n renews a `preAuthentication` token only when a request *throws* a 401: it
 * then calls the credential once more (a new token) and resends the request once. Every other status should come
 * back as a response, whole (status, problem details, Retry-After). n8n 2.x does exactly that with
 * `ignoreHttpStatusErrors: { ignore: true, except: [401] }`. n8n-core 1.x knows only a boolean there and takes any
 * truthy value as "accept every status", so on 1.x the 401 comes back as a response and nothing renews the token.
 * The transport therefore watches for that: a 401 that came back as a response is sent once more with status
 * errors thrown, and n8n (1.x) renews the token and resends. On 2.x this never happens; on 1.x a renewal costs one
 * request more.
 */

/** Every status back as a response, except a 401, which must throw for n8n to renew the token (n8n 2.x). */
const RETURN_STATUS_ERRORS_EXCEPT_401 = { ignore: true as const, except: [401] };

function toFullResponse(response: unknown): IN8nHttpFullResponse {
	return response as IN8nHttpFullResponse;
}

/** What the transport needs from n8n: executing operations and loading dropdown lists both provide it. */
export interface RequestContext {
	getNode(): INode;
	helpers: Pick<RequestHelperFunctions, 'httpRequestWithAuthentication'>;
}

export interface SendSettings {
	retry?: RetrySettings;
	passThrough?: PassThrough;
	/**
	 * The credential, decrypted once for many requests (paging): n8n then skips loading it per request, and a
	 * token refreshed by one request is seen by the others.
	 */
	credentials?: ICredentialsDecrypted;
	/** Told before each wait for a retry (paging pauses its other requests during a Retry-After). */
	onRetryWait?: (delayMs: number) => void;
}

/** Recognises answers that are not Releval's own (e.g. a search engine's, relayed by Releval) and pass as they are. */
export type PassThrough = (response: IN8nHttpFullResponse) => boolean;

/** Sends one request, retrying what is safe to retry; resolves with a 2xx response or throws the node error. */
export async function send(
	context: RequestContext,
	options: IHttpRequestOptions,
	where: { operation: string; itemIndex?: number },
	settings: SendSettings = {},
): Promise<IN8nHttpFullResponse> {
	const retry = settings.retry ?? DEFAULT_RETRY_SETTINGS;
	const method = String(options.method ?? 'GET').toUpperCase();
	let waitedMs = 0;
	for (let attemptNumber = 1; ; attemptNumber++) {
		const outcome = await attempt(context, options, where, method, settings);
		if ('response' in outcome) return outcome.response;
		if (attemptNumber <= retry.maxRetries && isRetryable(outcome.failure)) {
			const delayMs = retryDelayMs(outcome.failure, attemptNumber);
			if (waitedMs + delayMs <= retry.maxWaitSeconds * 1000) {
				waitedMs += delayMs;
				settings.onRetryWait?.(delayMs);
				await sleep(delayMs);
				continue;
			}
		}
		throw explainAttempts(outcome.error, outcome.failure, attemptNumber, waitedMs);
	}
}

type AttemptOutcome = { response: IN8nHttpFullResponse } | { error: NodeApiError; failure: FailedAttempt };

async function attempt(
	context: RequestContext,
	options: IHttpRequestOptions,
	where: { operation: string; itemIndex?: number },
	method: string,
	settings: SendSettings,
): Promise<AttemptOutcome> {
	let response: IN8nHttpFullResponse;
	try {
		response = await authenticatedRequest(context, options, settings, RETURN_STATUS_ERRORS_EXCEPT_401);
		// n8n 1.x returned the 401 instead of renewing the token (see above): with status errors thrown, it renews
		if (response.statusCode === 401) response = await authenticatedRequest(context, options, settings, false);
	} catch (error) {
		const answer = answerOf(error);
		if (answer && settings.passThrough?.(answer)) return { response: answer };
		return normaliseThrownError(context.getNode(), error, answer, where, options.timeout, method);
	}
	if (response.statusCode < 400 || settings.passThrough?.(response)) return { response };
	return {
		error: httpFailureToNodeError(context.getNode(), response, where),
		failure: { method, status: response.statusCode, headers: response.headers },
	};
}

async function authenticatedRequest(
	context: RequestContext,
	options: IHttpRequestOptions,
	settings: SendSettings,
	ignoreHttpStatusErrors: typeof RETURN_STATUS_ERRORS_EXCEPT_401 | false,
): Promise<IN8nHttpFullResponse> {
	return toFullResponse(
		await context.helpers.httpRequestWithAuthentication.call(
			context as never,
			CREDENTIAL_TYPE,
			{ ...options, returnFullResponse: true, ignoreHttpStatusErrors },
			settings.credentials ? { credentialsDecrypted: settings.credentials } : undefined,
		),
	);
}

/**
 * The HTTP answer inside an error n8n threw for a non-2xx status. n8n 2.x keeps the axios error, with the whole
 * response, as `cause`; n8n 1.x's NodeApiError loses its cause and keeps the status as `httpCode` and an object
 * body as `context.data` (no headers).
 */
function answerOf(error: unknown): IN8nHttpFullResponse | undefined {
	const cause = (error as { cause?: unknown }).cause ?? error;
	const response = (cause as { response?: { status?: number; data?: unknown; headers?: IDataObject } }).response;
	if (response?.status) {
		return { statusCode: response.status, body: response.data as IN8nHttpFullResponse['body'], headers: response.headers ?? {} };
	}
	const status = Number((error as { httpCode?: unknown }).httpCode);
	if (error instanceof NodeApiError && Number.isInteger(status) && status >= 400) {
		return { statusCode: status, body: (error.context?.data ?? '') as IN8nHttpFullResponse['body'], headers: {} };
	}
	return undefined;
}

/** After retries, says how many attempts were made and what the last one got. */
function explainAttempts(error: NodeApiError, failure: FailedAttempt, attempts: number, waitedMs: number): NodeApiError {
	if (attempts > 1) {
		const last = failure.status ? `HTTP ${failure.status}` : (failure.code ?? 'no response');
		error.description = `${error.description ?? ''}\nGave up after ${attempts} attempts over ${Math.round(waitedMs / 1000)} s; the last one got ${last}.`.trim();
	} else if (isRetryable(failure) && failure.headers && retryAfterMs(failure.headers) !== undefined) {
		error.description = `${error.description ?? ''}\nReleval asked to wait ${Math.ceil((retryAfterMs(failure.headers) ?? 0) / 1000)} s (Retry-After), longer than the node's retry settings allow.`.trim();
	}
	return error;
}

/**
 * n8n throws for a 401 it could not cure by renewing the token, for credential failures and for network failures.
 * Its NodeApiError keeps the axios error as `cause` (n8n 2.x), and that holds the request headers with the token:
 * rebuild every such error from the parts that are safe to show.
 */
function normaliseThrownError(
	node: INode,
	error: unknown,
	answer: IN8nHttpFullResponse | undefined,
	where: { operation: string; itemIndex?: number },
	timeoutMs: number | undefined,
	method: string,
): { error: NodeApiError; failure: FailedAttempt } {
	const cause = (error as { cause?: unknown }).cause ?? error;
	const credentialFailure = credentialFailureOf(error, cause);
	if (credentialFailure) {
		const { message, description, temporary } = credentialFailure;
		return {
			error: new NodeApiError(node, { message, description }, { message, description, itemIndex: where.itemIndex }),
			// a token request changes nothing at Releval: repeat it whenever the failure was temporary
			failure: { method: 'GET', code: temporary ? 'ETOKENUNAVAILABLE' : undefined, safeToRepeat: temporary },
		};
	}
	if (answer) {
		return {
			error: httpFailureToNodeError(node, answer, { ...where, tokenRenewed: answer.statusCode === 401 }),
			failure: { method, status: answer.statusCode, headers: answer.headers },
		};
	}
	// n8n 1.x keeps the network error's code only as the wrapping error's httpCode
	const code = (cause as { code?: string }).code ?? (error as { code?: string }).code ?? (error as { httpCode?: string }).httpCode ?? undefined;
	if (code && /^(E[A-Z_]+|ERR_[A-Z_]+)$/.test(code)) {
		return { error: transportFailureToNodeError(node, { code, timeoutMs }, where), failure: { method, code } };
	}
	// Anything else (e.g. n8n refusing the request) keeps its message, minus any Bearer token it might quote.
	const message = withoutTokens(String((error as Error).message ?? error));
	return {
		error: new NodeApiError(node, { message } as JsonObject, {
			message,
			description: `Operation: ${where.operation}`,
			itemIndex: where.itemIndex,
		}),
		failure: { method },
	};
}

function withoutTokens(text: string): string {
	return text.replace(/Bearer\s+\S+/g, 'Bearer [redacted]');
}

/**
 * The credential's own error (RelevalCredentialError, whose texts are safe to show). n8n 2.x keeps it as the cause;
 * n8n 1.x keeps only its message, description and `httpCode`: ETOKENUNAVAILABLE when the token endpoint failed
 * for a reason that may pass, ETOKENREFUSED otherwise.
 */
function credentialFailureOf(
	error: unknown,
	cause: unknown,
): { message: string; description: string; temporary: boolean } | undefined {
	const found = (cause as { name?: string }).name === 'RelevalCredentialError' ? (cause as NodeApiError) : (error as NodeApiError);
	const code = found.httpCode;
	if (code !== 'ETOKENUNAVAILABLE' && code !== 'ETOKENREFUSED') return undefined;
	return { message: found.message, description: withoutTokens(String(found.description ?? '')), temporary: code === 'ETOKENUNAVAILABLE' };
}
