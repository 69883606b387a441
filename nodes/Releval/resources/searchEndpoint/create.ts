import type { INodeProperties } from 'n8n-workflow';

import { descriptionField, fieldsCollection, nameField, operation } from '../../shared/descriptions';
import { authenticationFields, sendAuthentication } from './authentication';
import {
	candidatesMappingField,
	corpusIdField,
	endpointTypeField,
	headersField,
	httpMethodField,
	sendHeaders,
	showFor,
	urlField,
	validateEndpointBody,
} from './shared';

export const createOperation = operation({
	name: 'Create',
	value: 'create',
	action: 'Create a search endpoint',
	description:
		'Save a search endpoint: the search engine URL, method, type, authentication and candidates mapping Releval uses to run queries. Secrets are write-only. Returns the new endpoint with its ID (without secrets).',
	endpoint: 'createEndpoint',
	required: { name: 'Name', url: 'URL', method: 'Method', type: 'Type' },
	preSend: [sendHeaders('additionalFields'), sendAuthentication, validateEndpointBody],
});

const show = showFor(['create']);

export const createFields: INodeProperties[] = [
	nameField(show, 'e.g. Products (production)'),
	urlField({ required: true, displayOptions: { show } }),
	httpMethodField({ required: true, displayOptions: { show } }),
	endpointTypeField({ required: true, displayOptions: { show } }),
	...authenticationFields(['create']),
	fieldsCollection('additionalFields', { show }, [
		candidatesMappingField,
		corpusIdField,
		descriptionField(),
		headersField('Extra HTTP headers sent to the search engine, as a JSON object of names to text values'),
	]),
];
