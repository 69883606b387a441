import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { allInputItems, fieldValue, oneRequestForAllItems } from '../../shared/inputItems';
import { invalidParameter } from '../../shared/validation';
import { descriptionField, fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';
import { checkOneKind, toQuery, type Query } from './queries';

const QUERIES_LABEL = 'Queries';
const QUERY_FIELD_LABEL = 'Query Field';

function fromInputItems(context: IExecuteSingleFunctions): boolean {
	return context.getNodeParameter('querySource', 'parameter') === 'inputItems';
}

/** The queries given in the "Queries" parameter (one entry each; an expression may also give an array). */
function queriesFromParameter(context: IExecuteSingleFunctions): Query[] {
	const raw = context.getNodeParameter('queries', []) as unknown;
	const entries = (Array.isArray(raw) ? raw : [raw]).flat().filter((entry) => entry !== undefined && entry !== null);
	const queries = entries.map((entry, index) => toQuery(context, entry, QUERIES_LABEL, `entry ${index + 1}`));
	return checkOneKind(context, queries, QUERIES_LABEL, (index) => `entry ${index + 1}`);
}

/** One query per input item, read from the "Query Field" of each (e.g. a spreadsheet column). */
function queriesFromItems(context: IExecuteSingleFunctions): Query[] {
	const field = String(context.getNodeParameter('queryField', 'query') ?? '').trim();
	if (field === '') throw invalidParameter(context, QUERY_FIELD_LABEL, 'is required');
	const includeOtherFields = context.getNodeParameter('includeOtherFields', false) === true;
	const queries = allInputItems(context).map((item, index) => {
		const where = `input item ${index + 1}`;
		const value = fieldValue(item.json, field);
		if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
			throw invalidParameter(context, QUERY_FIELD_LABEL, `is "${field}", but ${where} has no value in that field`);
		}
		const query = toQuery(context, value, QUERY_FIELD_LABEL, `${where}, field "${field}"`);
		if (!includeOtherFields || typeof query !== 'string') return query;
		const others: IDataObject = { ...item.json };
		delete others[field];
		return { ...others, query };
	});
	return checkOneKind(context, queries, QUERY_FIELD_LABEL, (index) => `input item ${index + 1}`);
}

/** Puts the checked `queries` array in the body. */
async function sendQueries(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const queries = fromInputItems(this) ? queriesFromItems(this) : queriesFromParameter(this);
	requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), queries } as IDataObject;
	return requestOptions;
}

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a query set',
	description:
		'Create a query set from queries given as text or as JSON objects with a "query" property (not both). With Queries Source "From Input Items", every input item gives one query and the node sends ONE request that creates ONE query set. Returns the new query set with its ID.',
	endpoint: 'createQuerySet',
	...oneRequestForAllItems(fromInputItems, sendQueries),
	fields: [
		nameField('e.g. Top 100 product searches'),
		{
			displayName: 'Queries Source',
			name: 'querySource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Define Below',
					value: 'parameter',
					description: 'Type the queries in the Queries list',
				},
				{
					name: 'From Input Items',
					value: 'inputItems',
					description: 'One query per input item (e.g. a spreadsheet column); all items make one query set',
				},
			],
			default: 'parameter',
		},
		{
			displayName: 'Queries',
			name: 'queries',
			type: 'string',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Query' },
			default: [],
			placeholder: 'e.g. red running shoes, or {"query": "red running shoes", "size": 10}',
			description:
				'The queries: each entry is plain text or a JSON object with a "query" property. Releval needs all entries to be of one kind.',
			displayOptions: { show: { querySource: ['parameter'] } },
		},
		{
			displayName: 'Query Field',
			name: 'queryField',
			type: 'string',
			default: 'query',
			placeholder: 'e.g. search_term',
			description:
				'The field of each input item that holds its query (text, or a JSON object with a "query" property). Use dots for nested fields.',
			displayOptions: { show: { querySource: ['inputItems'] } },
		},
		{
			displayName: 'Include Other Fields',
			name: 'includeOtherFields',
			type: 'boolean',
			default: false,
			description:
				"Whether to send each item as a query object: its query plus the item's other fields, for query templates that use them",
			displayOptions: { show: { querySource: ['inputItems'] } },
		},
		fieldsCollection('additionalFields', [
			descriptionField(),
		]),
	],
});

