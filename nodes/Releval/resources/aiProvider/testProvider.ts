import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';
import { withoutSecrets } from './providerTypes';

export const testOperation = defineOperation({
	name: 'Test',
	value: 'test',
	action: 'Test an AI provider',
	description:
		"Check that Releval can call a model with the provider's stored credentials. Send the model to test against; returns Releval's test result.",
	endpoint: 'testAiProvider',
	postReceive: [withoutSecrets()],
	fields: [
		RESOURCES.aiProvider.locator(),
		{
			displayName: 'Model',
			name: 'model',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. gpt-4o-mini',
			description: 'The model to call (for Azure OpenAI, the deployment name)',
			routing: { send: { type: 'body', property: 'model', value: '={{ $value.trim() }}' } },
		},
	],
});

