import type { ICredentialDataDecryptedObject, IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { relevalBaseUrl } from '../../credentials/relevalBaseUrl';
import { ACCEPT_JSON, CREDENTIAL_TYPE, ENDPOINTS, PAGE_PARAMETER, PAGE_SIZE_PARAMETER, type OperationId } from './api';
import { readListPage, type ListPage } from './listPage';
import { send, type RequestContext, type SendSettings } from './transport';

/*
 * The requests the package builds itself, outside an operation's routing: run polling (Wait for Completion), the
 * list searches and the trigger's list window. Each names its Releval operation, so method and path come from
 * api.ts as they do for routed operations, and goes out through the transport's `send` (token, retries, errors).
 */

/** What sending needs from n8n: operations, list searches and polls all provide it. */
export interface ApiContext extends RequestContext {
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T>;
}

export interface ApiRequest {
	/** The values of the path's `{placeholders}`. */
	path?: Record<string, string>;
	qs?: IDataObject;
}

type Where = Parameters<typeof send>[2];

// Read once per n8n context: a poll reads up to a hundred pages, and each read may cost n8n a database query.
const baseUrlOfContext = new WeakMap<ApiContext, string>();

async function baseUrlFor(context: ApiContext): Promise<string> {
	let baseUrl = baseUrlOfContext.get(context);
	if (baseUrl === undefined) {
		baseUrl = relevalBaseUrl(await context.getCredentials(CREDENTIAL_TYPE));
		baseUrlOfContext.set(context, baseUrl);
	}
	return baseUrl;
}

/** "/api/v1/evaluations/{evaluationId}/runs" with `{ evaluationId: "e 1" }` → "/api/v1/evaluations/e%201/runs". */
function fillPath(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** Sends one request to a Releval operation; resolves with a 2xx response or throws the node error (see `send`). */
export async function apiRequest(
	context: ApiContext,
	operationId: OperationId,
	request: ApiRequest,
	where: Where,
	settings?: SendSettings,
): Promise<IN8nHttpFullResponse> {
	const endpoint = ENDPOINTS[operationId];
	return await send(
		context,
		{
			method: endpoint.method,
			baseURL: await baseUrlFor(context),
			url: fillPath(endpoint.path, request.path ?? {}),
			...(request.qs ? { qs: request.qs } : {}),
			headers: { Accept: ACCEPT_JSON },
		},
		where,
		settings,
	);
}

/** One page of a Releval list: its items and totals, or what is wrong with the answer (see `readListPage`). */
export async function apiListPage(
	context: ApiContext,
	listOperation: OperationId,
	request: { path?: Record<string, string>; page: number; pageSize: number },
	where: Where,
	settings?: SendSettings,
): Promise<ListPage | string> {
	const qs = { [PAGE_PARAMETER]: request.page, [PAGE_SIZE_PARAMETER]: request.pageSize };
	const response = await apiRequest(context, listOperation, { path: request.path, qs }, where, settings);
	return readListPage(response.body);
}
