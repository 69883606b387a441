import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';

export const bodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 8 },
	default: '',
	description:
		'Handlebars template of the HTTP request body; {{query}} is the query text, other {{names}} are properties of query objects',
	placeholder: '{"query": {"match": {"title": "{{query}}"}}, "size": 10}',
	routing: { send: { type: 'body', property: 'body' } },
};

export const contentTypeField: INodeProperties = {
	displayName: 'Content Type',
	name: 'contentType',
	type: 'string',
	default: 'application/json',
	description: 'MIME type of the rendered body; the default suits JSON bodies',
	placeholder: 'e.g. application/json',
	routing: { send: { type: 'body', property: 'content_type' } },
};

export const headersField: INodeProperties = {
	displayName: 'Headers',
	name: 'headers',
	type: 'json',
	default: '{}',
	description: 'HTTP headers as a JSON object of names to Handlebars text values',
	placeholder: '{"X-User-Segment": "{{segment}}"}',
};

export const queryStringField: INodeProperties = {
	displayName: 'Query String',
	name: 'queryString',
	type: 'string',
	default: '',
	description: 'Handlebars template of the query string appended to the endpoint URL',
	placeholder: 'e.g. ?size={{size}}&q={{query}}',
	routing: { send: { type: 'body', property: 'query_string' } },
};

/** The template to render in Test and Test With Query Set: the fields of a template, at least one of them set. */
export const templateFields: INodeProperties = {
	displayName: 'Template Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Template Field',
	default: {},
	description: 'The template to render; set at least a Body, a Query String or Headers',
	options: [bodyField, contentTypeField, headersField, queryStringField],
};

/** A test renders a template: stop before sending when there is nothing to render. */
export const requireTemplate: PreSendAction = async function (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
	const hasHeaders = body.headers && Object.keys(body.headers as IDataObject).length > 0;
	if (!hasText(body.body) && !hasText(body.query_string) && !hasHeaders) {
		throw invalidParameter(this, 'Template Fields', 'has nothing to render: set a Body, a Query String or Headers');
	}
	return requestOptions;
};

/**
 * One item per rendered query (`format`, `query`, `body`, `query_string`, `headers`), from Releval's
 * `{format, query_templates: [...]}` answer. Any other shape is passed through unchanged.
 */
export const splitRenderedTemplates: PostReceiveAction = async function (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
) {
	return items.flatMap((item) => {
		const rendered = item.json.query_templates;
		if (!Array.isArray(rendered)) return [item];
		return rendered.map((entry) => ({
			json: { format: item.json.format, ...(entry as IDataObject) } as IDataObject,
		}));
	});
};
