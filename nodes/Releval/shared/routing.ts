import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { errorItemJson, malformedResponseToNodeError } from '../../shared/errors';
import { readRetrySettings } from '../../shared/retry';
import { allInputItems, leavesRequestToFirstItem, type CombinesItems } from './inputItems';
import { send, type PassThrough, type SendSettings } from '../../shared/transport';

/*
 * The routing entry points. Every operation's routing hands its built request to one of the functions below (or to
 * the list paginator, shared/pagination.ts); they send it through the transport (nodes/shared/transport.ts), turn the
 * answer into items and run the operation's post-receive steps.
 */

export type RoutedFunctions = IExecuteSingleFunctions | IExecutePaginationFunctions;

/** Display names of the operations, "Resource → Operation", as the node's description gives them. */
const operationLabels = new Map<string, string>();

/** Records the display name of an operation; the resources do it as they build the description (shared/resource.ts). */
export function nameOperation(resource: string, operation: string, label: string): void {
	operationLabels.set(`${resource}/${operation}`, label);
}

/** "Evaluation → Get Many", for error messages: the display names of the node's resource and operation. */
export function operationLabel(context: RoutedFunctions): string {
	const { resource, operation } = context.getNode().parameters;
	return operationLabels.get(`${String(resource)}/${String(operation)}`) ?? `${String(resource)} → ${String(operation)}`;
}

/** Sends one request for a routed operation; see `send`. */
export async function sendRequest(
	this: RoutedFunctions,
	options: IHttpRequestOptions,
	passThrough?: PassThrough,
): Promise<IN8nHttpFullResponse> {
	return await send(this, options, routedWhere(this), { ...routedSettings(this), passThrough });
}

/** Where a routed request comes from, for error messages. */
export function routedWhere(context: RoutedFunctions): { operation: string; itemIndex: number } {
	return { operation: operationLabel(context), itemIndex: context.getItemIndex() };
}

/** The node's retry settings. */
export function routedSettings(context: RoutedFunctions): SendSettings {
	return { retry: readRetrySettings(context.getNodeParameter('retryOptions', {})) };
}

/** Items for a response body: one per array element, one for an object, a success flag for an empty body. */
export function bodyToItems(
	context: RoutedFunctions,
	response: IN8nHttpFullResponse,
): INodeExecutionData[] {
	const { body } = response;
	if (body === undefined || body === null || body === '') return [{ json: { success: true } }];
	if (Array.isArray(body)) return body.map((json) => ({ json: json as IDataObject }));
	if (typeof body === 'object') return [{ json: body as IDataObject }];
	throw malformedResponseToNodeError(
		context.getNode(),
		`Expected JSON, got ${typeof body === 'string' ? `text starting "${body.slice(0, 40)}"` : typeof body}.`,
		{ operation: operationLabel(context), itemIndex: context.getItemIndex() },
	);
}

/**
 * Runs the operation's own post-processing (e.g. Simplify) on the items the transport produced. n8n hands the
 * request to the package's routing functions before it would post-process, so n8n's declarative actions (`set`,
 * `rootProperty`, `limit`…) never run here: one in a description is a mistake, and fails loudly instead of being
 * skipped (test/shared/descriptions.test.ts keeps the node's description free of them).
 */
export async function applyPostReceive(
	this: RoutedFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let result = items;
	for (const step of requestData.postReceive) {
		for (const action of step.actions) {
			if (typeof action !== 'function') {
				throw new NodeOperationError(this.getNode(), `Unsupported post-receive action "${action.type}" in ${operationLabel(this)}`, {
					description: 'This node sends its requests itself and runs post-receive steps written as functions only.',
					itemIndex: this.getItemIndex(),
				});
			}
			result = await action.call(this, result, response);
		}
	}
	const itemIndex = this.getItemIndex();
	return result.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
}

/** Under "continue on error", a failed request becomes an item whose JSON says what went wrong (see errorItemJson). */
export async function withContinueOnFail(
	context: RoutedFunctions,
	run: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	try {
		return await run();
	} catch (error) {
		const nodeError =
			error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
		if (!context.continueOnFail()) throw nodeError;
		return [{ json: errorItemJson(nodeError), pairedItem: { item: context.getItemIndex() } }];
	}
}

/** Routing entry point of every non-list operation. */
export async function executeRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await withContinueOnFail(this, async () => {
		const response = await sendRequest.call(this, requestData.options as IHttpRequestOptions);
		return await applyPostReceive.call(this, requestData, bodyToItems(this, response), response);
	});
}

/**
 * Routing entry point of operations that relay another system's answer (Search Endpoint → Test): an answer
 * `passThrough` recognises is handed to the operation's post-processing as it is, error status or text body
 * included; Releval's own answers are handled as usual.
 */
export function executePassingThrough(passThrough: PassThrough) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		return await withContinueOnFail(this, async () => {
			const response = await sendRequest.call(this, requestData.options as IHttpRequestOptions, passThrough);
			const items = passThrough(response) ? [{ json: {} }] : bodyToItems(this, response);
			return await applyPostReceive.call(this, requestData, items, response);
		});
	};
}

/**
 * Routing entry point of operations that turn all input items into one request (one query set from many rows,
 * one judgment submission from many grades): when `combinesItems` says so, the first item sends the request
 * its pre-send steps built from every input item, and the other items send nothing (see `oneRequestForAllItems`).
 */
export function executeOnceForAllItems(combinesItems: CombinesItems) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		if (leavesRequestToFirstItem(this, combinesItems)) return [];
		const items = await executeRequest.call(this, requestData);
		if (!combinesItems(this)) return items;
		// the one request stands for every input item
		const pairedItem = allInputItems(this).map((_, item) => ({ item }));
		return items.map((item) => ({ ...item, pairedItem }));
	};
}
