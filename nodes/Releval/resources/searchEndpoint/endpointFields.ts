import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';

/** The corpus an endpoint searches (optional on create and update). */
export const corpusIdField = RESOURCES.corpus.locator({
	description: 'The corpus (document collection) this endpoint searches',
	required: false,
	sendAs: { type: 'body', property: 'corpus_id' },
});

/** SEEN: the endpoint types Releval supports. */
export const ENDPOINT_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'API', value: 'api', description: 'Any other HTTP search API' },
	{ name: 'Elasticsearch', value: 'elasticsearch' },
	{ name: 'OpenSearch', value: 'opensearch' },
	{ name: 'Page', value: 'page' },
	{ name: 'Solr', value: 'solr' },
	{ name: 'Vespa', value: 'vespa' },
];

/** SEEN: GET (which may carry a body) and POST are the documented methods; other verbs are unverified. */
export const HTTP_METHOD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'GET', value: 'GET' },
	{ name: 'POST', value: 'POST' },
];

export const endpointTypeField = (required = false): INodeProperties => ({
	displayName: 'Type',
	name: 'type',
	type: 'options',
	default: 'elasticsearch',
	description: 'The kind of search engine, which decides how Releval talks to it',
	options: ENDPOINT_TYPE_OPTIONS,
	routing: { send: { type: 'body', property: 'type' } },
	...(required ? { required } : {}),
});

export const httpMethodField = (required = false): INodeProperties => ({
	displayName: 'Method',
	name: 'method',
	type: 'options',
	default: 'POST',
	description: 'HTTP method of the search request (GET may carry a body)',
	options: HTTP_METHOD_OPTIONS,
	routing: { send: { type: 'body', property: 'method' } },
	...(required ? { required } : {}),
});

export const urlField = (required = false): INodeProperties => ({
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://search.example.com:9200/products/_search',
	description: 'The full URL of the search engine request',
	routing: { send: { type: 'body', property: 'url' } },
	...(required ? { required } : {}),
});

export const candidatesMappingField: INodeProperties = {
	displayName: 'Candidates Mapping',
	name: 'candidatesMapping',
	type: 'string',
	default: '@',
	description:
		'JMESPath-style expression that turns the engine response into Releval\'s search result: a total and candidates with ID, title and optional image and fields. "@" means the response already has that shape.',
	routing: { send: { type: 'body', property: 'candidates_mapping' } },
};

export const headersField = (description: string): INodeProperties => ({
	displayName: 'Headers',
	name: 'headers',
	type: 'json',
	default: '{}',
	description,
	placeholder: '{"X-Api-Version": "2"}',
});

export const requestBodyField = (description: string): INodeProperties => ({
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 5 },
	default: '',
	description,
	placeholder: '{"query": {"match_all": {}}, "size": 10}',
	routing: { send: { type: 'body', property: 'body' } },
});

export const queryStringField = (description: string): INodeProperties => ({
	displayName: 'Query String',
	name: 'queryString',
	type: 'string',
	default: '',
	description,
	placeholder: 'e.g. ?size=10',
	routing: { send: { type: 'body', property: 'query_string' } },
});

function checkEnum(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	property: string,
	label: string,
	options: INodePropertyOptions[],
) {
	if (body[property] === undefined) return;
	const allowed = options.map((option) => String(option.value));
	if (!allowed.includes(String(body[property]))) {
		throw invalidParameter(context, label, `must be one of ${allowed.join(', ')}; got "${String(body[property])}"`);
	}
}

/** Checks the URL (absolute http/https), type and method in the body before anything is sent. */
export const validateEndpointBody: PreSendAction = async function (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (body.url !== undefined) {
		const url = String(body.url).trim();
		let valid = false;
		try {
			valid = ['http:', 'https:'].includes(new URL(url).protocol);
		} catch {
			valid = false;
		}
		if (!valid) {
			throw invalidParameter(this, 'URL', `must be an absolute http(s) URL, like https://search.example.com/_search; got "${url}"`);
		}
		body.url = url;
	}
	checkEnum(this, body, 'type', 'Type', ENDPOINT_TYPE_OPTIONS);
	checkEnum(this, body, 'method', 'Method', HTTP_METHOD_OPTIONS);
	return requestOptions;
};
