import { sendHeaders } from '../../shared/validation';
import { fieldsCollection, defineOperation } from '../../shared/descriptions';
import { authenticationFields, sendAuthentication } from './authentication';
import {
	candidatesMappingField,
	endpointTypeField,
	headersField,
	httpMethodField,
	queryStringField,
	requestBodyField,
	urlField,
	validateEndpointBody,
} from './endpointFields';
import { cameFromEndpoint, describeTestResponse } from './testResponse';

export const testConfigurationOperation = defineOperation({
	name: 'Test Configuration',
	value: 'testConfiguration',
	action: 'Test an unsaved search endpoint configuration',
	description:
		'Send one test request to a search engine with a configuration that is not saved (URL, method, type, authentication, body, candidates mapping), to check it before creating the endpoint. Returns { responseSource, statusCode, response }: responseSource is "endpoint" when the search engine answered and "releval" when the answer came from Releval itself.',
	endpoint: 'testEndpoint',
	preSend: [sendHeaders('additionalFields'), sendAuthentication, validateEndpointBody],
	postReceive: [describeTestResponse],
	passThrough: cameFromEndpoint,
	fields: [
		urlField(true),
		httpMethodField(true),
		endpointTypeField(true),
		...authenticationFields(),
		fieldsCollection('additionalFields', [
			requestBodyField('Raw request body sent to the search engine, e.g. a query DSL as JSON text'),
			candidatesMappingField,
			headersField('HTTP headers sent to the search engine, as a JSON object of names to text values'),
			queryStringField('Query string appended to the URL'),
		]),
	],
});

