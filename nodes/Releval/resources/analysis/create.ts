import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { nameField, defineOperation } from '../../shared/descriptions';

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

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an analysis',
	description:
		'Start a live analysis: Releval runs every query of the query set through the baseline template and each template to compare, against one search endpoint, and scores how much the results differ (RBO, Jaccard). Returns the new analysis with its ID; get it later for the scores.',
	endpoint: 'createAnalysis',
	preSend: [sendQueryTemplateIds],
	fields: [
		nameField('e.g. BM25 vs. hybrid'),
		RESOURCES.searchEndpoint.locator({
			description: 'The search endpoint the queries are sent to',
			sendAs: { type: 'body', property: 'endpoint_id' },
		}),
		RESOURCES.querySet.locator({
			description: 'The query set whose queries run through every template',
			sendAs: { type: 'body', property: 'query_set_id' },
		}),
		RESOURCES.queryTemplate.locator({
			name: 'baseline',
			displayName: 'Baseline Template',
			description: 'The query template whose results the others are compared with',
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
			options: [
				{
					displayName: 'Template',
					name: 'template',
					values: [
						RESOURCES.queryTemplate.locator({
							description: 'A query template to compare with the baseline',
						}),
					],
				},
			],
		},
	],
});

