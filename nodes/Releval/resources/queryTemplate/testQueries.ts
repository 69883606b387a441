import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { failForParameter, invalidParameter, parseJsonValue, sendHeaders } from '../../shared/validation';
import { defineOperation } from '../../shared/descriptions';
import { requireTemplate, splitRenderedTemplates, templateFields } from './templateFields';

const QUERIES_LABEL = 'Queries';

/**
 * The ad-hoc queries, as Releval documents query sets: a non-empty JSON array of all strings or all objects
 * with a text "query" property, never mixed. INFERRED: the body property name `queries`.
 */
async function sendQueries(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const queries = parseJsonValue(this.getNodeParameter('queries', ''), failForParameter(this, QUERIES_LABEL), 'array') as unknown[] | undefined;
	if (!queries || queries.length === 0) {
		throw invalidParameter(this, QUERIES_LABEL, 'is required: give at least one query, like ["red shoes"]');
	}
	const allStrings = queries.every((query) => typeof query === 'string');
	const allObjects = queries.every(
		(query) =>
			query !== null &&
			typeof query === 'object' &&
			!Array.isArray(query) &&
			typeof (query as { query?: unknown }).query === 'string',
	);
	if (!allStrings && !allObjects) {
		throw invalidParameter(
			this,
			QUERIES_LABEL,
			'must be all strings or all objects with a text "query" property (never mixed), like ["red shoes"] or [{"query": "red shoes", "size": 10}]',
		);
	}
	requestOptions.body = { ...((requestOptions.body as object) ?? {}), queries };
	return requestOptions;
}

export const testOperation = defineOperation({
	name: 'Test',
	value: 'test',
	action: 'Test a query template with queries',
	description:
		'Render an unsaved query template (body, query string, headers) against the queries given, without calling the search engine. Outputs one item per query with the rendered body, query_string and headers.',
	endpoint: 'testQueryTemplate',
	preSend: [sendHeaders('additionalFields'), requireTemplate, sendQueries],
	postReceive: [splitRenderedTemplates],
	fields: [
		{
			displayName: 'Queries',
			name: 'queries',
			type: 'json',
			required: true,
			default: '[]',
			description:
				'JSON array of the queries to render: all strings, or all objects with a "query" property and any other properties the template uses',
			placeholder: '["red shoes", "running socks"]',
		},
		templateFields,
	],
});

