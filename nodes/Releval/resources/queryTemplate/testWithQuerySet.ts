import { sendHeaders } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';
import { requireTemplate, splitRenderedTemplates, templateFields } from './templateFields';

export const testWithQuerySetOperation = defineOperation({
	name: 'Test With Query Set',
	value: 'testWithQuerySet',
	action: 'Test a query template with a query set',
	description:
		'Render an unsaved query template (body, query string, headers) against the first five queries of a saved query set, without calling the search engine. Outputs one item per query with the rendered body, query_string and headers.',
	endpoint: 'testQueryTemplateWithQuerySet',
	preSend: [sendHeaders('additionalFields'), requireTemplate],
	postReceive: [splitRenderedTemplates],
	fields: [
		RESOURCES.querySet.locator({
			description: 'The query set whose first five queries are rendered',
		}),
		templateFields,
	],
});

