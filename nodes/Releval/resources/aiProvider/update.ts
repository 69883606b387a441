import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { invalidParameter, isBlankValue, isHttpUrl, requireSomeUpdate } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { fieldsCollection, defineOperation } from '../../shared/descriptions';
import { withoutSecrets } from './providerTypes';

/** Update Fields → wire names. The type is not among them: Releval does not let it change. */
const UPDATE_FIELDS: Array<{ name: string; label: string; property: string; isUrl?: boolean }> = [
	{ name: 'name', label: 'Name', property: 'name' },
	{ name: 'apiKey', label: 'API Key', property: 'api_key' },
	{ name: 'apiVersion', label: 'API Version', property: 'api_version' },
	{ name: 'accessKeyId', label: 'Access Key ID', property: 'access_key_id' },
	{ name: 'deployment', label: 'Deployment', property: 'deployment' },
	{ name: 'endpoint', label: 'Endpoint or Base URL', property: 'endpoint', isUrl: true },
	{ name: 'awsRegion', label: 'Region', property: 'region' },
	{ name: 'secretAccessKey', label: 'Secret Access Key', property: 'secret_access_key' },
];

/** Sends only the fields that were set (and not left empty). */
function buildUpdateBody(): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
		const body: IDataObject = {};
		for (const field of UPDATE_FIELDS) {
			const value = fields[field.name];
			if (isBlankValue(value)) continue;
			const text = String(value).trim();
			if (field.isUrl && !isHttpUrl(text)) throw invalidParameter(this, field.label, 'must be an http:// or https:// URL');
			body[field.property] = text;
		}
		requestOptions.body = body;
		return requestOptions;
	};
}

export const updateOperation = defineOperation({
	name: 'Update',
	value: 'update',
	action: 'Update an AI provider',
	description:
		"Change an AI provider's name or settings, or replace its secrets. Only the fields set are sent; the type cannot change. Returns the updated provider without secrets.",
	endpoint: 'updateAiProvider',
	preSend: [buildUpdateBody(), requireSomeUpdate()],
	postReceive: [withoutSecrets()],
	fields: [
		RESOURCES.aiProvider.locator(),
		fieldsCollection('updateFields', [
			{
				displayName: 'Access Key ID',
				name: 'accessKeyId',
				type: 'string',
				default: '',
				description: 'Amazon Bedrock: the ID of the AWS access key',
			},
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'OpenAI, Anthropic, Azure OpenAI, Custom: a new API key. Write-only: Releval never returns it.',
			},
			{
				displayName: 'API Version',
				name: 'apiVersion',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2024-10-21',
				description: 'Azure OpenAI: the API version to call',
			},
			{
				displayName: 'Deployment',
				name: 'deployment',
				type: 'string',
				default: '',
				description: 'Azure OpenAI: the name of the model deployment',
			},
			{
				displayName: 'Endpoint or Base URL',
				name: 'endpoint',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://my-resource.openai.azure.com',
				description: 'Azure OpenAI: the resource endpoint. Ollama, Custom: the base URL of the server.',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Region',
				name: 'awsRegion',
				type: 'string',
				default: '',
				placeholder: 'e.g. us-east-1',
				description: 'Amazon Bedrock: the AWS region',
			},
			{
				displayName: 'Secret Access Key',
				name: 'secretAccessKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Amazon Bedrock: a new secret for the AWS access key. Write-only: Releval never returns it.',
			},
		], 'Set only the settings that apply to the provider type; the type itself cannot change'),
	],
});

