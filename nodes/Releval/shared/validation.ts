import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

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

/** Parses a JSON-typed parameter value (a JSON string, or an object an expression produced). */
export function parseJsonValue(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	shape: JsonShape = 'any',
): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw invalidParameter(context, label, `is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (shape === 'object' && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
		throw invalidParameter(context, label, 'must be a JSON object, like {"key": "value"}');
	}
	if (shape === 'array' && !Array.isArray(parsed)) {
		throw invalidParameter(context, label, 'must be a JSON array, like ["a", "b"]');
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
		const parsed = parseJsonValue(this, this.getNodeParameter(target.parameter), target.label, target.shape);
		if (parsed !== undefined) {
			requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), [target.property]: parsed } as IDataObject;
		}
		return requestOptions;
	};
}
