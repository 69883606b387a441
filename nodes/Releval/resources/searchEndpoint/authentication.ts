import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';

/*
 * Authentication of the search engine. SEEN: the types bearer, basic, aws and custom, the bearer field `token`
 * and the aws field names; secrets are encrypted and write-only. INFERRED: 'none' as the wire value of "None",
 * the basic field names and the custom header field names.
 */
const AUTHENTICATION_NONE = 'none';
const KEEP_AUTHENTICATION = 'keep';

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
		{ name: 'basicUsername', displayName: 'Username', property: 'username', secret: false, placeholder: 'e.g. releval-reader' },
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
export function authenticationFields(keepOption = false): INodeProperties[] {
	const defaultType = keepOption ? KEEP_AUTHENTICATION : AUTHENTICATION_NONE;
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
			default: defaultType,
			description:
				'How Releval authenticates to the search engine. Secrets are stored encrypted by Releval and are never returned.',
			options,
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
					displayOptions: { show: { authenticationType: [type] } },
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
