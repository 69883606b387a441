import type { INodeProperties } from 'n8n-workflow';

import { operation, resourceLocator } from '../../shared/descriptions';
import { requireTemplate, sendHeaders, showFor, splitRenderedTemplates, templateFieldsFor } from './shared';

export const testWithQuerySetOperation = operation({
	name: 'Test With Query Set',
	value: 'testWithQuerySet',
	action: 'Test a query template with a query set',
	description:
		'Render an unsaved query template (body, query string, headers) against the first five queries of a saved query set, without calling the search engine. Outputs one item per query with the rendered body, query_string and headers.',
	endpoint: 'testQueryTemplateWithQuerySet',
	pathLabels: { querySetId: 'Query Set' },
	preSend: [sendHeaders('additionalFields'), requireTemplate],
	postReceive: [splitRenderedTemplates],
});

const show = showFor(['testWithQuerySet']);

export const testWithQuerySetFields: INodeProperties[] = [
	resourceLocator({
		name: 'querySetId',
		displayName: 'Query Set',
		searchListMethod: 'searchQuerySets',
		description: 'The query set whose first five queries are rendered',
		displayOptions: { show },
	}),
	templateFieldsFor(['testWithQuerySet']),
];
