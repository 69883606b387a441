import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties, PostReceiveAction } from 'n8n-workflow';

/*
 * "Simplify" output: large Releval answers (runs with results, analyses) reduced to the fields people use,
 * which also keeps AI-agent tool output small.
 */

export function simplifyParameter(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

/** Keeps only `fields` of each item when the Simplify parameter is on. */
export function simplifyTo(fields: string[]): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
		return items.map((item) => ({
			...item,
			json: Object.fromEntries(fields.filter((field) => field in item.json).map((field) => [field, item.json[field]])) as IDataObject,
		}));
	};
}
