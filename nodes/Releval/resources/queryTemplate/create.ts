import type { INodeProperties } from 'n8n-workflow';

import { descriptionField, fieldsCollection, nameField, operation } from '../../shared/descriptions';
import {
	bodyField,
	contentTypeField,
	headersField,
	queryStringField,
	sendHeaders,
	showFor,
} from './shared';

export const createOperation = operation({
	name: 'Create',
	value: 'create',
	action: 'Create a query template',
	description:
		'Create a query template: the Handlebars body, query string and headers that turn each query of a query set into a request to the search endpoint. Returns the new template with its ID.',
	endpoint: 'createQueryTemplate',
	required: { name: 'Name' },
	preSend: [sendHeaders('additionalFields')],
});

const show = showFor(['create']);

export const createFields: INodeProperties[] = [
	nameField(show, 'e.g. BM25 title boost'),
	fieldsCollection('additionalFields', { show }, [bodyField, contentTypeField, descriptionField(), headersField, queryStringField]),
];
