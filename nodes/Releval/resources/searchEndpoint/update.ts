import type { INodeProperties } from 'n8n-workflow';

import { requireSomeUpdate } from '../../shared/validation';
import { descriptionField, fieldsCollection, newNameField, operation } from '../../shared/descriptions';
import { authenticationFields, sendAuthentication } from './authentication';
import {
	candidatesMappingField,
	corpusIdField,
	ENDPOINT_PATH_LABELS,
	endpointIdFor,
	endpointTypeField,
	headersField,
	httpMethodField,
	sendHeaders,
	showFor,
	urlField,
	validateEndpointBody,
} from './shared';

export const updateOperation = operation({
	name: 'Update',
	value: 'update',
	action: 'Update a search endpoint',
	description:
		'Change fields of a saved search endpoint. Only the fields set are sent; choose an Authentication other than "Keep Current" to replace the saved one (secrets must be entered again). Returns the updated endpoint without secrets.',
	endpoint: 'updateEndpoint',
	pathLabels: ENDPOINT_PATH_LABELS,
	preSend: [sendHeaders('updateFields'), sendAuthentication, validateEndpointBody, requireSomeUpdate('Update Fields')],
});

export const updateFields: INodeProperties[] = [
	endpointIdFor(['update']),
	...authenticationFields(['update'], true),
	fieldsCollection('updateFields', { show: showFor(['update']) }, [
		candidatesMappingField,
		corpusIdField,
		descriptionField(),
		headersField('Replaces the extra HTTP headers sent to the search engine, as a JSON object of names to text values'),
		httpMethodField(),
		newNameField(),
		endpointTypeField(),
		urlField(),
	]),
];
