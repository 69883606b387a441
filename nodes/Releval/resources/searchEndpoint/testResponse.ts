import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

/** SEEN: Releval marks answers that came from the customer's search engine with this header. */
const EVAL_RESPONSE_HEADER = 'x-eval-response';
const EVAL_RESPONSE_FROM_ENDPOINT = 'endpoint';

function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const key = Object.keys(headers ?? {}).find((header) => header.toLowerCase() === name);
	const value = key ? headers?.[key] : undefined;
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/** Whether the search engine produced this answer (Releval relays it, error statuses and text bodies included). */
export function cameFromEndpoint(response: IN8nHttpFullResponse): boolean {
	return headerValue(response.headers as IDataObject, EVAL_RESPONSE_HEADER)?.trim().toLowerCase() === EVAL_RESPONSE_FROM_ENDPOINT;
}

/**
 * One item per test: whether the search engine answered (`responseSource: "endpoint"`, Releval's
 * X-Eval-Response header) or Releval itself did (`"releval"`), the HTTP status, and the answer as received.
 */
export const describeTestResponse: PostReceiveAction = async function (
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) {
	const body = response.body;
	return [
		{
			json: {
				responseSource: cameFromEndpoint(response) ? 'endpoint' : 'releval',
				statusCode: response.statusCode,
				response: body === undefined || body === '' ? null : (body as IDataObject),
			},
		},
	];
};
