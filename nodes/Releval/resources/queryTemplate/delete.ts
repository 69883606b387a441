import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

/** INFERRED (contract): the bulk delete takes the IDs as a repeated `ids` query parameter (`?ids=a&ids=b`). */
const IDS_PARAMETER = 'ids';

const LABEL = 'Query Templates';

/** The IDs chosen in "Query Templates" (each a resource locator, or a plain ID from an expression). */
function chosenIds(context: IExecuteSingleFunctions): string[] {
	const collection = context.getNodeParameter('queryTemplates', {}) as IDataObject;
	const entries = ([] as unknown[]).concat(collection.values ?? []);
	if (entries.length === 0) throw invalidParameter(context, LABEL, 'is required: add at least one query template');
	return entries.map((entry, index) => {
		const locator = (entry as IDataObject)?.queryTemplateId;
		const value = locator && typeof locator === 'object' ? (locator as IDataObject).value : locator;
		const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		if (id === '') throw invalidParameter(context, LABEL, `has an empty ID in entry ${index + 1}`);
		return id;
	});
}

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete query templates',
	description:
		'Delete one or more query templates by ID in one request. Releval deletes all of them or, if any ID is unknown, none. Outputs { success: true, deleted: [IDs] }.',
	endpoint: 'deleteQueryTemplates',
	preSend: [
		async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
			requestOptions.qs = { ...(requestOptions.qs ?? {}), [IDS_PARAMETER]: chosenIds(this) };
			requestOptions.arrayFormat = 'repeat';
			return requestOptions;
		},
	],
	postReceive: [
		async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
			return [{ json: { ...(items[0]?.json ?? {}), success: true, deleted: chosenIds(this) } }];
		},
	],
	fields: [
		{
			displayName: 'Query Templates',
			name: 'queryTemplates',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			required: true,
			default: {},
			placeholder: 'Add Query Template',
			description: 'The query templates to delete',
			options: [
				{
					displayName: 'Query Template',
					name: 'values',
					values: [
						RESOURCES.queryTemplate.locator({
							description: 'A query template to delete',
						}),
					],
				},
			],
		},
	],
});

