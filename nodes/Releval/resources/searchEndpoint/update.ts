import { requireSomeUpdate, sendHeaders } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { descriptionField, fieldsCollection, newNameField, defineOperation } from '../../shared/descriptions';
import { authenticationFields, sendAuthentication } from './authentication';
import {
	candidatesMappingField,
	corpusIdField,
	endpointTypeField,
	headersField,
	httpMethodField,
	urlField,
	validateEndpointBody,
} from './endpointFields';

export const updateOperation = defineOperation({
	name: 'Update',
	value: 'update',
	action: 'Update a search endpoint',
	description:
		'Change fields of a saved search endpoint. Only the fields set are sent; choose an Authentication other than "Keep Current" to replace the saved one (secrets must be entered again). Returns the updated endpoint without secrets.',
	endpoint: 'updateEndpoint',
	preSend: [sendHeaders('updateFields'), sendAuthentication, validateEndpointBody, requireSomeUpdate('Update Fields')],
	fields: [
		RESOURCES.searchEndpoint.locator(),
		...authenticationFields(true),
		fieldsCollection('updateFields', [
			candidatesMappingField,
			corpusIdField,
			descriptionField(),
			headersField('Replaces the extra HTTP headers sent to the search engine, as a JSON object of names to text values'),
			httpMethodField(),
			newNameField(),
			endpointTypeField(),
			urlField(),
		]),
	],
});

