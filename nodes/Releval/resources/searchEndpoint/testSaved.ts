import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import {
	ENDPOINT_PATH_LABELS,
	endpointIdFor,
	headersField,
	queryStringField,
	requestBodyField,
	sendHeaders,
	showFor,
} from './shared';
import { cameFromEndpoint, describeTestResponse } from './testResponse';

export const testOperation = operation({
	name: 'Test',
	value: 'test',
	action: 'Test a saved search endpoint',
	description:
		'Send one test request through a saved search endpoint, optionally overriding its body, query string or headers. Returns { responseSource, statusCode, response }: responseSource is "endpoint" when the search engine answered and "releval" when the answer came from Releval itself.',
	endpoint: 'testEndpointById',
	pathLabels: ENDPOINT_PATH_LABELS,
	preSend: [sendHeaders('additionalFields')],
	postReceive: [describeTestResponse],
	passThrough: cameFromEndpoint,
});

export const testFields: INodeProperties[] = [
	endpointIdFor(['test']),
	{
		displayName: 'Overrides',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Override',
		default: {},
		description: 'Values used for this test instead of the saved ones',
		displayOptions: { show: showFor(['test']) },
		options: [
			requestBodyField('Raw request body for this test, e.g. a query DSL as JSON text'),
			headersField('HTTP headers for this test, as a JSON object of names to text values'),
			queryStringField('Query string for this test'),
		],
	},
];
