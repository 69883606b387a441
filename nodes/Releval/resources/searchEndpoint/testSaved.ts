import { RESOURCES } from '../../shared/catalog';
import { sendHeaders } from '../../shared/validation';
import { defineOperation } from '../../shared/descriptions';
import { headersField, queryStringField, requestBodyField } from './endpointFields';
import { cameFromEndpoint, describeTestResponse } from './testResponse';

export const testOperation = defineOperation({
	name: 'Test',
	value: 'test',
	action: 'Test a saved search endpoint',
	description:
		'Send one test request through a saved search endpoint, optionally overriding its body, query string or headers. Returns { responseSource, statusCode, response }: responseSource is "endpoint" when the search engine answered and "releval" when the answer came from Releval itself.',
	endpoint: 'testEndpointById',
	preSend: [sendHeaders('additionalFields')],
	postReceive: [describeTestResponse],
	passThrough: cameFromEndpoint,
	fields: [
		RESOURCES.searchEndpoint.locator(),
		{
			displayName: 'Overrides',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Override',
			default: {},
			description: 'Values used for this test instead of the saved ones',
			options: [
				requestBodyField('Raw request body for this test, e.g. a query DSL as JSON text'),
				headersField('HTTP headers for this test, as a JSON object of names to text values'),
				queryStringField('Query string for this test'),
			],
		},
	],
});

