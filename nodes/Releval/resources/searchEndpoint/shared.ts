import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { invalidParameter, sendStringMapParameter } from '../../shared/validation';
import { resourceLocator } from '../../shared/descriptions';

export const showFor = (operations: string[]): IDisplayOptions['show'] => ({
	resource: ['searchEndpoint'],
	operation: operations,
});

/** The corpus an endpoint searches (optional on create and update). */
export const corpusIdField = resourceLocator({
	name: 'corpusId',
	displayName: 'Corpus',
	searchListMethod: 'searchCorpora',
	description: 'The corpus (document collection) this endpoint searches',
	required: false,
	sendAs: { type: 'body', property: 'corpus_id' },
});

/** The saved search endpoint an operation acts on (a path parameter). */
export const endpointIdFor = (operations: string[]) =>
	resourceLocator({
		name: 'endpointId',
		displayName: 'Search Endpoint',
		searchListMethod: 'searchSearchEndpoints',
		description: 'The search endpoint to act on',
		displayOptions: { show: showFor(operations) },
	});

export const ENDPOINT_PATH_LABELS = { endpointId: 'Search Endpoint' };

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

export const endpointTypeField = (extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: 'Type',
	name: 'type',
	type: 'options',
	default: 'elasticsearch',
	description: 'The kind of search engine, which decides how Releval talks to it',
	options: ENDPOINT_TYPE_OPTIONS,
	routing: { send: { type: 'body', property: 'type' } },
	...extra,
});

export const httpMethodField = (extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: 'Method',
	name: 'method',
	type: 'options',
	default: 'POST',
	description: 'HTTP method of the search request (GET may carry a body)',
	options: HTTP_METHOD_OPTIONS,
	routing: { send: { type: 'body', property: 'method' } },
	...extra,
});

export const urlField = (extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://search.example.com:9200/products/_search',
	description: 'The full URL of the search engine request',
	routing: { send: { type: 'body', property: 'url' } },
	...extra,
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

/** The headers JSON of a collection, validated (an object of text values) and sent as `headers`. */
export const sendHeaders = (collection: string): PreSendAction =>
	sendStringMapParameter({ parameter: `${collection}.headers`, label: 'Headers', property: 'headers' });

/*
 * Authentication of the search engine. SEEN: the types bearer, basic, aws and custom, the bearer field `token`
 * and the aws field names; secrets are encrypted and write-only. INFERRED: 'none' as the wire value of "None",
 * the basic field names and the custom header field names.
 */
export const AUTHENTICATION_NONE = 'none';
export const KEEP_AUTHENTICATION = 'keep';

interface AuthenticationField {
	name: string;
	displayName: string;
	/** Property in the `authentication` object. */
	property: string;
	secret: boolean;
	placeholder?: string;
}

const AUTHENTICATION_FIELDS: Record<string, AuthenticationField[]> = {
	aws: [
		{ name: 'awsAccessKey', displayName: 'Access Key', property: 'access_key', secret: false, placeholder: 'e.g. AKIAIOSFODNN7EXAMPLE' },
		{ name: 'awsAccessSecret', displayName: 'Access Secret', property: 'access_secret', secret: true },
		{ name: 'awsRegion', displayName: 'AWS Region', property: 'aws_region', secret: false, placeholder: 'e.g. us-east-1' },
	],
	basic: [
		{ name: 'basicUsername', displayName: 'Username', property: 'username', secret: false },
		{ name: 'basicPassword', displayName: 'Password', property: 'password', secret: true },
	],
	bearer: [{ name: 'bearerToken', displayName: 'Token', property: 'token', secret: true }],
	custom: [
		{ name: 'customHeaderName', displayName: 'Header Name', property: 'header_name', secret: false, placeholder: 'e.g. X-Api-Key' },
		{ name: 'customHeaderValue', displayName: 'Header Value', property: 'header_value', secret: true },
	],
};

/**
 * "Authentication" (how Releval authenticates to the search engine) and the fields of the chosen type only.
 * With `keepOption` (update), the default leaves the stored authentication unchanged.
 */
export function authenticationFields(operations: string[], keepOption = false): INodeProperties[] {
	const show = showFor(operations);
	const options: INodePropertyOptions[] = [
		{ name: 'AWS Signature (SigV4)', value: 'aws', description: 'Sign requests with an AWS access key, e.g. for Amazon OpenSearch Service' },
		{ name: 'Basic Auth', value: 'basic', description: 'Username and password' },
		{ name: 'Bearer Token', value: 'bearer', description: 'An Authorization: Bearer token' },
		{ name: 'Custom Header', value: 'custom', description: 'Any header name and value, e.g. an API key header' },
		...(keepOption
			? [{ name: 'Keep Current', value: KEEP_AUTHENTICATION, description: 'Leave the saved authentication as it is' }]
			: []),
		{ name: 'None', value: AUTHENTICATION_NONE, description: 'The search engine needs no authentication' },
	];
	return [
		{
			displayName: 'Authentication',
			name: 'authenticationType',
			type: 'options',
			default: 'none',
			description:
				'How Releval authenticates to the search engine. Secrets are stored encrypted by Releval and are never returned.',
			displayOptions: { show },
			options,
			...(keepOption ? { default: KEEP_AUTHENTICATION } : {}),
		},
		...Object.entries(AUTHENTICATION_FIELDS).flatMap(([type, fields]) =>
			fields.map(
				(field): INodeProperties => ({
					displayName: field.displayName,
					name: field.name,
					type: 'string',
					required: true,
					default: '',
					...(field.secret ? { typeOptions: { password: true } } : {}),
					...(field.placeholder ? { placeholder: field.placeholder } : {}),
					displayOptions: { show: { ...show, authenticationType: [type] } },
				}),
			),
		),
	];
}

/** Builds the nested `authentication` object from the chosen type and its fields; an empty field stops the item. */
export const sendAuthentication: PreSendAction = async function (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) {
	const type = String(this.getNodeParameter('authenticationType', AUTHENTICATION_NONE));
	if (type === KEEP_AUTHENTICATION) return requestOptions;
	let authentication: IDataObject;
	if (type === AUTHENTICATION_NONE) {
		authentication = { type: AUTHENTICATION_NONE };
	} else {
		const fields = AUTHENTICATION_FIELDS[type];
		if (!fields) {
			throw invalidParameter(
				this,
				'Authentication',
				`must be one of ${[...Object.keys(AUTHENTICATION_FIELDS), AUTHENTICATION_NONE].join(', ')}; got "${type}"`,
			);
		}
		authentication = { type };
		for (const field of fields) {
			const value = this.getNodeParameter(field.name, '');
			if (typeof value !== 'string' || value.trim() === '') {
				throw invalidParameter(this, field.displayName, 'is required for this authentication type');
			}
			authentication[field.property] = field.secret ? value : value.trim();
		}
	}
	requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), authentication };
	return requestOptions;
};

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

/** SEEN: Releval marks answers that came from the customer's search engine with this header. */
export const EVAL_RESPONSE_HEADER = 'x-eval-response';
export const EVAL_RESPONSE_FROM_ENDPOINT = 'endpoint';

function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const key = Object.keys(headers ?? {}).find((header) => header.toLowerCase() === name);
	const value = key ? headers?.[key] : undefined;
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/** Whether the search engine produced this answer (Releval relays it, error statuses and text bodies included). */
export function cameFromEndpoint(response: IN8nHttpFullResponse): boolean {
	return headerValue(response.headers as IDataObject, EVAL_RESPONSE_HEADER)?.trim().toLowerCase() === EVAL_RESPONSE_FROM_ENDPOINT;
}

/**
 * One item per test: whether the search engine answered (`responseSource: "endpoint"`, Releval's
 * X-Eval-Response header) or Releval itself did (`"releval"`), the HTTP status, and the answer as received.
 */
export const describeTestResponse: PostReceiveAction = async function (
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) {
	const body = response.body;
	return [
		{
			json: {
				responseSource: cameFromEndpoint(response) ? 'endpoint' : 'releval',
				statusCode: response.statusCode,
				response: body === undefined || body === '' ? null : (body as IDataObject),
			},
		},
	];
};
