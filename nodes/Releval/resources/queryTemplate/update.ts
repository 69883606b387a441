import { requireSomeUpdate, sendHeaders } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { descriptionField, fieldsCollection, newNameField, defineOperation } from '../../shared/descriptions';
import { bodyField, contentTypeField, headersField, queryStringField } from './templateFields';

export const updateOperation = defineOperation({
	name: 'Update',
	value: 'update',
	action: 'Update a query template',
	description:
		'Change the name, description, body, content type, query string or headers of a query template. Only the fields set are sent. Returns the updated template.',
	endpoint: 'updateQueryTemplate',
	preSend: [sendHeaders('updateFields'), requireSomeUpdate()],
	fields: [
		RESOURCES.queryTemplate.locator(),
		fieldsCollection('updateFields', [
			bodyField,
			contentTypeField,
			descriptionField(),
			headersField,
			newNameField(),
			queryStringField,
		]),
	],
});

