import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { AI_PROVIDER_PATH_LABELS, aiProviderIdFor, showFor, withoutSecrets } from './shared';

export const testOperation = operation({
	name: 'Test',
	value: 'test',
	action: 'Test an AI provider',
	description:
		"Check that Releval can call a model with the provider's stored credentials. Send the model to test against; returns Releval's test result.",
	endpoint: 'testAiProvider',
	pathLabels: AI_PROVIDER_PATH_LABELS,
	required: { model: 'Model' },
	postReceive: [withoutSecrets()],
});

export const testFields: INodeProperties[] = [
	aiProviderIdFor(['test']),
	{
		displayName: 'Model',
		name: 'model',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. gpt-4o-mini',
		description: 'The model to call (for Azure OpenAI, the deployment name)',
		displayOptions: { show: showFor(['test']) },
		routing: { send: { type: 'body', property: 'model', value: '={{ $value.trim() }}' } },
	},
];
