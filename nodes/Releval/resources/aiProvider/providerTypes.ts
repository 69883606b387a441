import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';

/** Provider types: 'openai' and 'anthropic' SEEN; the other spellings INFERRED (see AiProviderType in the contract). */
export const PROVIDER_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Amazon Bedrock', value: 'bedrock', description: 'Models on AWS Bedrock, with an AWS access key' },
	{ name: 'Anthropic', value: 'anthropic', description: 'Claude models with an Anthropic API key' },
	{ name: 'Azure OpenAI', value: 'azure_openai', description: 'An Azure OpenAI resource and deployment' },
	{ name: 'Custom (OpenAI-Compatible)', value: 'custom', description: 'Any server with an OpenAI-compatible API' },
	{ name: 'Ollama', value: 'ollama', description: 'A self-hosted Ollama server' },
	{ name: 'OpenAI', value: 'openai', description: 'OpenAI models with an OpenAI API key' },
];

export const PROVIDER_TYPES = PROVIDER_TYPE_OPTIONS.map((option) => String(option.value));

export function providerTypeName(type: string): string {
	return String(PROVIDER_TYPE_OPTIONS.find((option) => option.value === type)?.name ?? type);
}

/** One provider setting: the node parameter it comes from and its wire name. */
export interface ProviderField {
	parameter: string;
	label: string;
	property: string;
	required: boolean;
	/** A URL that must be http(s). */
	isUrl?: boolean;
}

const API_KEY: ProviderField = { parameter: 'apiKey', label: 'API Key', property: 'api_key', required: true };

/** The settings of each provider type on create (INFERRED names except api_key; see AiProviderCreate). */
export const PROVIDER_FIELDS: Record<string, ProviderField[]> = {
	openai: [API_KEY],
	anthropic: [API_KEY],
	bedrock: [
		{ parameter: 'awsRegion', label: 'Region', property: 'region', required: true },
		{ parameter: 'accessKeyId', label: 'Access Key ID', property: 'access_key_id', required: true },
		{ parameter: 'secretAccessKey', label: 'Secret Access Key', property: 'secret_access_key', required: true },
	],
	azure_openai: [
		{ parameter: 'azureEndpoint', label: 'Endpoint', property: 'endpoint', required: true, isUrl: true },
		{ parameter: 'deployment', label: 'Deployment', property: 'deployment', required: true },
		API_KEY,
		{ parameter: 'additionalFields.apiVersion', label: 'API Version', property: 'api_version', required: false },
	],
	ollama: [{ parameter: 'baseUrl', label: 'Base URL', property: 'endpoint', required: true, isUrl: true }],
	custom: [
		{ parameter: 'baseUrl', label: 'Base URL', property: 'endpoint', required: true, isUrl: true },
		{ parameter: 'additionalFields.apiKey', label: 'API Key', property: 'api_key', required: false },
	],
};

/** Write-only secrets (SEEN): never part of the node's output, even if a server sent them back. */
export const SECRET_PROPERTIES = ['api_key', 'secret_access_key'];

/** Drops any secret from the output items. */
export function withoutSecrets(): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		return items.map((item) => ({
			...item,
			json: Object.fromEntries(
				Object.entries(item.json).filter(([key]) => !SECRET_PROPERTIES.includes(key)),
			) as IDataObject,
		}));
	};
}
