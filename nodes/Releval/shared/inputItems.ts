import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	PreSendAction,
} from 'n8n-workflow';

/*
 * Operations that read every input item, not only their own.
 *
 * One request for all input items (Query Set → Create and Judgment → Submit from input items, Track Events in one
 * batch). n8n runs an operation's pre-send steps and routing once per input item: the first item builds the
 * request from every input item and sends it (executeOnceForAllItems), the other items build and send nothing.
 * Were each of N items to build the request, all N rows would be read and checked N times.
 */

/** Every input item of the node. */
export function allInputItems(context: IExecuteSingleFunctions): INodeExecutionData[] {
	const data = context.getExecuteData()?.data;
	return data?.main?.[0] ?? data?.ai_tool?.[0] ?? [context.getInputData()];
}

/** Whether the input items make one request (e.g. "From Input Items" is chosen). */
export type CombinesItems = (context: IExecuteSingleFunctions) => boolean;

/** Whether this input item leaves the request to the first item, which builds and sends it for all of them. */
export function leavesRequestToFirstItem(context: IExecuteSingleFunctions, combinesItems: CombinesItems): boolean {
	return context.getItemIndex() > 0 && combinesItems(context);
}

/**
 * The `combinesItems` and `preSend` of an operation that makes one request for all input items when
 * `combinesItems` says so: `buildRequest` then runs for the first item only.
 */
export function oneRequestForAllItems(
	combinesItems: CombinesItems,
	buildRequest: PreSendAction,
): { combinesItems: CombinesItems; preSend: PreSendAction[] } {
	const buildForFirstItemOnly: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
		if (leavesRequestToFirstItem(this, combinesItems)) return requestOptions;
		return await buildRequest.call(this, requestOptions);
	};
	return { combinesItems, preSend: [buildForFirstItemOnly] };
}

/*
 * Parameters as another input item sees them. The first item builds the one request, but expressions like
 * `{{ $json.id }}` must still be evaluated against each item.
 */

function resolveForItem(context: IExecuteSingleFunctions, value: unknown, itemIndex: number): unknown {
	if (typeof value === 'string') {
		return value.startsWith('=') ? context.evaluateExpression(value.slice(1), itemIndex) : value;
	}
	if (Array.isArray(value)) return value.map((entry) => resolveForItem(context, entry, itemIndex));
	if (value && typeof value === 'object') {
		const resolved = Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, resolveForItem(context, entry, itemIndex)]),
		);
		// A resource locator ({ __rl, mode, value }) stands for its value.
		return (value as IDataObject).__rl ? resolved.value : resolved;
	}
	return value;
}

/** A parameter (dot paths allowed) evaluated for input item `itemIndex`; resource locators give their value. */
export function parameterForItem(
	context: IExecuteSingleFunctions,
	parameter: string,
	itemIndex: number,
	fallback: unknown,
): unknown {
	const raw = context.getNodeParameter(parameter, fallback, { rawExpressions: true });
	return resolveForItem(context, raw, itemIndex);
}

/** A field of an input item by name, or by dot path (e.g. "judgment.grade") when no field has that exact name. */
export function fieldValue(json: IDataObject, path: string): unknown {
	if (path in json) return json[path];
	let value: unknown = json;
	for (const segment of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[segment];
	}
	return value;
}
