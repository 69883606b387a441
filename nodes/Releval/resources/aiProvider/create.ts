import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { checkOptionValues, invalidParameter, isBlankValue, isHttpUrl } from '../../shared/validation';
import { fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';
import {
	PROVIDER_FIELDS,
	PROVIDER_TYPES,
	PROVIDER_TYPE_OPTIONS,
	providerTypeName,
	withoutSecrets,
} from './providerTypes';

/** Puts the type and the settings of that type (and only those) in the body, checking each first. */
function buildProviderBody(): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const rawType = this.getNodeParameter('providerType', '') as unknown;
		if (isBlankValue(rawType)) throw invalidParameter(this, 'Type', 'is required');
		const [type] = checkOptionValues(this, rawType, 'Type', PROVIDER_TYPES);
		const body: IDataObject = { ...((requestOptions.body as IDataObject) ?? {}), type };
		for (const field of PROVIDER_FIELDS[type]) {
			const value = this.getNodeParameter(field.parameter, '') as unknown;
			if (isBlankValue(value)) {
				if (field.required) throw invalidParameter(this, field.label, `is required for ${providerTypeName(type)} providers`);
				continue;
			}
			const text = String(value).trim();
			if (field.isUrl && !isHttpUrl(text)) {
				throw invalidParameter(this, field.label, 'must be an http:// or https:// URL');
			}
			body[field.property] = text;
		}
		requestOptions.body = body;
		return requestOptions;
	};
}

/** Shown only for the provider types that have the setting. */
const forTypes = (...types: string[]) => ({ show: { providerType: types } });

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an AI provider',
	description:
		'Store the credentials of an LLM service (OpenAI, Anthropic, Amazon Bedrock, Azure OpenAI, Ollama or an OpenAI-compatible server) for AI judges to use. Only the settings of the chosen type are sent. Returns the new provider with its ID; secrets are write-only and never returned.',
	endpoint: 'createAiProvider',
	preSend: [buildProviderBody()],
	postReceive: [withoutSecrets()],
	fields: [
		{
			displayName: 'Type',
			name: 'providerType',
			type: 'options',
			required: true,
			options: PROVIDER_TYPE_OPTIONS,
			default: 'openai',
			description: 'The LLM service. It cannot be changed after the provider is created.',
		},
		nameField('e.g. OpenAI Production'),
		{
			displayName: 'Endpoint',
			name: 'azureEndpoint',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://my-resource.openai.azure.com',
			description: 'The endpoint of the Azure OpenAI resource',
			displayOptions: forTypes('azure_openai'),
		},
		{
			displayName: 'Deployment',
			name: 'deployment',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. gpt-4o-judge',
			description: 'The name of the model deployment in the Azure OpenAI resource',
			displayOptions: forTypes('azure_openai'),
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. http://ollama:11434',
			description: 'Where Releval reaches the server (the Ollama server, or the OpenAI-compatible API root)',
			displayOptions: forTypes('ollama', 'custom'),
		},
		{
			displayName: 'Region',
			name: 'awsRegion',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. us-east-1',
			description: 'The AWS region of the Bedrock models',
			displayOptions: forTypes('bedrock'),
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of the AWS access key Releval uses for Bedrock',
			displayOptions: forTypes('bedrock'),
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The secret of the AWS access key. Write-only: Releval stores it and never returns it.',
			displayOptions: forTypes('bedrock'),
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The API key of the service. Write-only: Releval stores it and never returns it.',
			displayOptions: forTypes('openai', 'anthropic', 'azure_openai'),
		},
		{
			...fieldsCollection('additionalFields', [
				{
					displayName: 'API Key',
					name: 'apiKey',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'The API key, if the server needs one. Write-only: Releval stores it and never returns it.',
					displayOptions: { show: { '/providerType': ['custom'] } },
				},
				{
					displayName: 'API Version',
					name: 'apiVersion',
					type: 'string',
					default: '',
					placeholder: 'e.g. 2024-10-21',
					description: 'The Azure OpenAI API version to call',
					displayOptions: { show: { '/providerType': ['azure_openai'] } },
				},
			]),
			displayOptions: forTypes('azure_openai', 'custom'),
		},
	],
});

