import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { AI_PROVIDER_PATH_LABELS, aiProviderIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an AI provider',
	description:
		'Delete an AI provider and its stored credentials. Releval refuses (409 Conflict) while any AI judge still uses the provider: delete or change those judges first. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteAiProvider',
	pathLabels: AI_PROVIDER_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [aiProviderIdFor(['delete'])];
