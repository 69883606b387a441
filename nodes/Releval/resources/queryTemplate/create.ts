import { sendHeaders } from '../../shared/validation';
import { descriptionField, fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';
import { bodyField, contentTypeField, headersField, queryStringField } from './templateFields';

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a query template',
	description:
		'Create a query template: the Handlebars body, query string and headers that turn each query of a query set into a request to the search endpoint. Returns the new template with its ID.',
	endpoint: 'createQueryTemplate',
	preSend: [sendHeaders('additionalFields')],
	fields: [
		nameField('e.g. BM25 title boost'),
		fieldsCollection('additionalFields', [bodyField, contentTypeField, descriptionField(), headersField, queryStringField]),
	],
});

