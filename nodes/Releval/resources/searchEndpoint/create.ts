import { sendHeaders } from '../../shared/validation';
import { descriptionField, fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';
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

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a search endpoint',
	description:
		'Save a search endpoint: the search engine URL, method, type, authentication and candidates mapping Releval uses to run queries. Secrets are write-only. Returns the new endpoint with its ID (without secrets).',
	endpoint: 'createEndpoint',
	preSend: [sendHeaders('additionalFields'), sendAuthentication, validateEndpointBody],
	fields: [
		nameField('e.g. Products (production)'),
		urlField(true),
		httpMethodField(true),
		endpointTypeField(true),
		...authenticationFields(),
		fieldsCollection('additionalFields', [
			candidatesMappingField,
			corpusIdField,
			descriptionField(),
			headersField('Extra HTTP headers sent to the search engine, as a JSON object of names to text values'),
		]),
	],
});

