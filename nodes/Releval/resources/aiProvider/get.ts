import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';
import { withoutSecrets } from './providerTypes';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get an AI provider',
	description:
		'Get one AI provider by ID: its name, type, owner and non-secret settings. Secrets are never returned; flags such as has_api_key say whether one is stored.',
	endpoint: 'getAiProvider',
	postReceive: [withoutSecrets()],
	fields: [RESOURCES.aiProvider.locator()],
});

