import type { INodeProperties } from 'n8n-workflow';

import { requireSomeUpdate } from '../../shared/validation';
import { descriptionField, fieldsCollection, newNameField, operation } from '../../shared/descriptions';
import {
	QUERY_TEMPLATE_PATH_LABELS,
	bodyField,
	contentTypeField,
	headersField,
	queryStringField,
	queryTemplateIdFor,
	sendHeaders,
	showFor,
} from './shared';

export const updateOperation = operation({
	name: 'Update',
	value: 'update',
	action: 'Update a query template',
	description:
		'Change the name, description, body, content type, query string or headers of a query template. Only the fields set are sent. Returns the updated template.',
	endpoint: 'updateQueryTemplate',
	pathLabels: QUERY_TEMPLATE_PATH_LABELS,
	preSend: [sendHeaders('updateFields'), requireSomeUpdate()],
});

export const updateFields: INodeProperties[] = [
	queryTemplateIdFor(['update']),
	fieldsCollection('updateFields', { show: showFor(['update']) }, [
		bodyField,
		contentTypeField,
		descriptionField(),
		headersField,
		newNameField(),
		queryStringField,
	]),
];
