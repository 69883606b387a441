import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { AI_PROVIDER_PATH_LABELS, aiProviderIdFor, withoutSecrets } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get an AI provider',
	description:
		'Get one AI provider by ID: its name, type, owner and non-secret settings. Secrets are never returned; flags such as has_api_key say whether one is stored.',
	endpoint: 'getAiProvider',
	pathLabels: AI_PROVIDER_PATH_LABELS,
	postReceive: [withoutSecrets()],
});

export const getFields: INodeProperties[] = [aiProviderIdFor(['get'])];
