import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

/*
 * The one place where failures become node errors. Releval answers errors with RFC 9457 problem details
 * (`type`, `title`, `status`, `detail`, `instance`, a validation `errors` map, ASP.NET's `traceId`); the message is
 * the problem's title, the description its detail, field errors and trace id. Nothing here copies request
 * options or headers into an error, so neither the client secret nor a token can reach one.
 */

const RETRY_HINT =
	'This is temporary and safe to retry: turn on Retry On Fail in the node settings, or run the workflow again later.';

/** Releval's documented status codes, with what the caller should make of them. */
const STATUS_MESSAGES: Record<number, string> = {
	400: 'Releval rejected the request as invalid',
	401: 'Releval did not accept the access token',
	403: "The App Client's roles do not allow this operation",
	404: 'The Releval resource was not found',
	408: 'Releval cancelled the request before it finished',
	409: 'The request conflicts with the current state of the Releval resource',
	429: 'Too many requests to Releval at once',
	500: 'Releval had an internal error',
	502: 'Bad gateway between n8n and Releval',
	503: 'Releval is unavailable, probably for maintenance',
	504: 'Releval did not finish the operation in time',
};

const STATUS_HINTS: Record<number, string> = {
	403: 'Releval roles are Admin > Member > Rater. Ask a Releval admin to give the App Client a role that allows this operation.',
	408: RETRY_HINT,
	429: `Releval limits how fast one client may call it. ${RETRY_HINT}`,
	500: RETRY_HINT,
	502: RETRY_HINT,
	503: RETRY_HINT,
	504: RETRY_HINT,
};

/** A 401 after n8n renewed the token and sent the request once more, and a 401 n8n did not act on. */
const UNAUTHORIZED_HINTS = {
	renewed:
		'n8n fetched a new token and sent the request once more, and Releval refused that token too. Check that the App Client still exists and that Base URL points at the deployment that issued it.',
	notRenewed:
		'Releval refused the access token, and n8n did not fetch a new one for this request. Run the workflow again; if it persists, check that the App Client still exists.',
};

export interface HttpFailure {
	statusCode: number;
	headers?: IDataObject;
	body?: unknown;
}

export interface ProblemDetails extends IDataObject {
	type?: string;
	title?: string;
	status?: number;
	detail?: string;
	instance?: string;
	traceId?: string;
	errors?: Record<string, string[]>;
}

export function statusMessage(status: number): string {
	return STATUS_MESSAGES[status] ?? `Releval answered with HTTP ${status}`;
}

function asText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads a problem-details document from a response body that may be an object, a JSON string or a buffer. */
export function readProblemDetails(body: unknown): ProblemDetails | undefined {
	let value = body;
	if (value instanceof Uint8Array) value = new TextDecoder().decode(value);
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const raw = value as IDataObject;
	const problem: ProblemDetails = {};
	for (const key of ['type', 'title', 'detail', 'instance', 'traceId'] as const) {
		const text = asText(raw[key]);
		if (text) problem[key] = text;
	}
	if (typeof raw.status === 'number') problem.status = raw.status;
	if (raw.errors && typeof raw.errors === 'object' && !Array.isArray(raw.errors)) {
		problem.errors = {};
		for (const [field, messages] of Object.entries(raw.errors as IDataObject)) {
			problem.errors[field] = ([] as unknown[]).concat(messages).map(String);
		}
	}
	return Object.keys(problem).length > 0 ? problem : undefined;
}

/** `detail`, then general errors (keyed ""), then `field: message` lines, then trace id and instance. */
export function describeProblem(problem: ProblemDetails): string[] {
	const lines: string[] = [];
	if (problem.detail) lines.push(problem.detail);
	const errors = Object.entries(problem.errors ?? {});
	for (const [, messages] of errors.filter(([field]) => field === '')) lines.push(...messages);
	for (const [field, messages] of errors.filter(([name]) => name !== '')) {
		lines.push(`${field}: ${messages.join('; ')}`);
	}
	if (problem.traceId) lines.push(`Trace ID: ${problem.traceId}`);
	if (problem.instance) lines.push(`Instance: ${problem.instance}`);
	return lines;
}

/**
 * Whether the node runs as an AI agent's tool (n8n names that variant `<name>Tool`, e.g. `relevalTool`). n8n
 * hands the model only a failed tool call's message: n8n 2.x's AI Agent sends `[{"error": message}]`, dropping
 * the description; the MCP Server Trigger and n8n 1.x append the description after "Details:".
 */
function runsAsAiTool(node: INode): boolean {
	return typeof node.type === 'string' && node.type.endsWith('Tool');
}

/**
 * The message of an error: for a workflow, the short headline (the editor shows the description below it); for
 * an AI tool, the headline with the HTTP status and Releval's title, then every line of the description, so the
 * model learns what went wrong and what to change. (The description stays as it is; n8n 1.x and MCP append it
 * only when the message does not already contain it.)
 */
export function messageFor(node: INode, headline: string, description: string, http?: { status: number; title?: string }): string {
	if (!runsAsAiTool(node)) return headline;
	const status = http ? ` (HTTP ${http.status}${http.title && http.title !== headline ? ` ${http.title}` : ''})` : '';
	return `${headline}${status}\n${description}`;
}

function contentTypeOf(headers: IDataObject | undefined): string | undefined {
	const value = headers?.['content-type'] ?? headers?.['Content-Type'];
	return typeof value === 'string' ? value.split(';')[0].trim() : undefined;
}

/** Turns a non-2xx Releval response into the node error users see. */
export function httpFailureToNodeError(
	node: INode,
	failure: HttpFailure,
	context: { operation: string; itemIndex?: number; tokenRenewed?: boolean },
): NodeApiError {
	const status = failure.statusCode;
	const problem = readProblemDetails(failure.body);
	const lines = problem ? describeProblem(problem) : [];
	if (!problem) {
		const contentType = contentTypeOf(failure.headers);
		lines.push(
			contentType
				? `Releval (or a proxy in front of it) answered HTTP ${status} with a ${contentType} body instead of problem details.`
				: `Releval (or a proxy in front of it) answered HTTP ${status} with an empty body.`,
		);
	}
	if (status === 401) lines.push(context.tokenRenewed ? UNAUTHORIZED_HINTS.renewed : UNAUTHORIZED_HINTS.notRenewed);
	else if (STATUS_HINTS[status]) lines.push(STATUS_HINTS[status]);
	lines.push(`Operation: ${context.operation}`);

	const headline = status === 403 ? STATUS_MESSAGES[403] : problem?.title ?? statusMessage(status);
	const description = lines.join('\n');
	const errorResponse: JsonObject = { status, ...(problem ?? {}) } as JsonObject;
	return new NodeApiError(node, errorResponse, {
		message: messageFor(node, headline, description, { status, title: problem?.title }),
		description,
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
}

function formatSeconds(ms: number): string {
	return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** A failure with no usable response: timeouts, refused or reset connections. */
export function transportFailureToNodeError(
	node: INode,
	failure: { code?: string; timeoutMs?: number },
	context: { operation: string; itemIndex?: number },
): NodeApiError {
	const timedOut = failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT';
	const message = timedOut
		? `Releval did not answer within ${formatSeconds(failure.timeoutMs ?? 0)}`
		: 'Could not reach Releval';
	const description = [
		timedOut
			? `The request for "${context.operation}" timed out. Releval may be overloaded; raise the timeout under Options, or retry later.`
			: `The request for "${context.operation}" failed before a response arrived (${failure.code ?? 'no response'}). Check Base URL in the credential and that Releval is reachable from n8n.`,
		RETRY_HINT,
	].join('\n');
	// The code is not passed as `code`: n8n would replace the message with its generic text for that code.
	return new NodeApiError(node, { connectionError: failure.code ?? null } as JsonObject, {
		message: messageFor(node, message, description),
		description,
		httpCode: null as unknown as string,
		itemIndex: context.itemIndex,
	});
}

/** A response Releval should not have sent for a successful call: say what was wrong with it. */
export function malformedResponseToNodeError(
	node: INode,
	problem: string,
	context: { operation: string; itemIndex?: number },
): NodeApiError {
	const description = `${problem}\nOperation: ${context.operation}`;
	return new NodeApiError(node, { problem } as JsonObject, {
		message: messageFor(node, 'Releval sent a response this node cannot read', description),
		description,
		itemIndex: context.itemIndex,
	});
}

/**
 * The JSON a failed item carries when the node continues on error: `error` plus `details`, the two keys n8n
 * recognises as an error item, so "Continue (using error output)" routes it to the error branch and
 * "Continue" keeps the problem details visible (n8n would replace a JSON body with just the message if the
 * item carried the error object itself).
 */
export function errorItemJson(error: NodeApiError): IDataObject {
	const response = (error.errorResponse ?? {}) as IDataObject;
	return {
		error: error.message,
		details: {
			description: error.description ?? undefined,
			httpCode: error.httpCode ?? undefined,
			...(response.title || response.errors || response.detail ? { problem: response } : {}),
		},
	};
}
