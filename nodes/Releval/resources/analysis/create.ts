import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';
import { nameField, operation, resourceLocator } from '../../shared/descriptions';
import { showFor } from './shared';

const TEMPLATES_LABEL = 'Query Templates to Compare';

function idOf(value: unknown): string {
	const raw = value && typeof value === 'object' && 'value' in value ? (value as IDataObject).value : value;
	return raw === undefined || raw === null ? '' : String(raw).trim();
}

/** `query_template_ids` from the "Query Templates to Compare" list: at least one, no blanks, no repeats. */
async function sendQueryTemplateIds(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = (this.getNodeParameter('queryTemplates.template', []) as IDataObject[]) ?? [];
	if (entries.length === 0) {
		throw invalidParameter(this, TEMPLATES_LABEL, 'needs at least one query template to compare with the baseline');
	}
	const ids = entries.map((entry, index) => {
		const id = idOf(entry.queryTemplateId);
		if (id === '') throw invalidParameter(this, TEMPLATES_LABEL, `has an empty template (entry ${index + 1})`);
		if (/\s/.test(id)) throw invalidParameter(this, TEMPLATES_LABEL, `has an ID with spaces (entry ${index + 1}: "${id}")`);
		return id;
	});
	requestOptions.body = {
		...((requestOptions.body as IDataObject) ?? {}),
		query_template_ids: [...new Set(ids)],
	} as IDataObject;
	return requestOptions;
}

export const createOperation = operation({
	name: 'Create',
	value: 'create',
	action: 'Create an analysis',
	description:
		'Start a live analysis: Releval runs every query of the query set through the baseline template and each template to compare, against one search endpoint, and scores how much the results differ (RBO, Jaccard). Returns the new analysis with its ID; get it later for the scores.',
	endpoint: 'createAnalysis',
	required: { name: 'Name', endpointId: 'Search Endpoint', querySetId: 'Query Set', baseline: 'Baseline Template' },
	preSend: [sendQueryTemplateIds],
});

const show = showFor(['create']);

export const createFields: INodeProperties[] = [
	nameField(show, 'e.g. BM25 vs. hybrid'),
	resourceLocator({
		name: 'endpointId',
		displayName: 'Search Endpoint',
		searchListMethod: 'searchSearchEndpoints',
		description: 'The search endpoint the queries are sent to',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'endpoint_id' },
	}),
	resourceLocator({
		name: 'querySetId',
		displayName: 'Query Set',
		searchListMethod: 'searchQuerySets',
		description: 'The queries to run through every template',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'query_set_id' },
	}),
	resourceLocator({
		name: 'baseline',
		displayName: 'Baseline Template',
		searchListMethod: 'searchQueryTemplates',
		description: 'The query template whose results the others are compared with',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'baseline' },
	}),
	{
		displayName: TEMPLATES_LABEL,
		name: 'queryTemplates',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Query Template',
		default: {},
		required: true,
		description: 'The query templates whose results are compared with the baseline (at least one)',
		displayOptions: { show },
		options: [
			{
				displayName: 'Template',
				name: 'template',
				values: [
					resourceLocator({
						name: 'queryTemplateId',
						displayName: 'Query Template',
						searchListMethod: 'searchQueryTemplates',
						description: 'A query template to compare with the baseline',
					}),
				],
			},
		],
	},
];
