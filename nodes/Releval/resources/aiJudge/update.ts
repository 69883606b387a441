import type { INodeProperties } from 'n8n-workflow';

import { requireSomeUpdate } from '../../shared/validation';
import { fieldsCollection, newNameField, operation, resourceLocator } from '../../shared/descriptions';
import { AI_JUDGE_PATH_LABELS, aiJudgeIdFor, judgeNumberChecks, judgeSettings, PROMPT_TEMPLATE_HINT, showFor } from './shared';

export const updateOperation = operation({
	name: 'Update',
	value: 'update',
	action: 'Update an AI judge',
	description:
		'Change the name, provider, model, prompt template or settings of an AI judge. Only the fields set are sent. Returns the updated judge.',
	endpoint: 'updateAiJudge',
	pathLabels: AI_JUDGE_PATH_LABELS,
	preSend: [...judgeNumberChecks('updateFields'), requireSomeUpdate()],
});

const updateOptions: INodeProperties[] = [
	resourceLocator({
		name: 'aiProviderId',
		displayName: 'AI Provider',
		searchListMethod: 'searchAiProviders',
		required: false,
		sendAs: { type: 'body', property: 'ai_provider_id' },
	}),
	...judgeSettings(),
	{
		displayName: 'Model',
		name: 'model',
		type: 'string',
		default: '',
		placeholder: 'e.g. gpt-4o',
		routing: { send: { type: 'body', property: 'model', value: '={{ $value.trim() }}' } },
	},
	newNameField(),
	{
		displayName: 'Prompt Template',
		name: 'promptTemplate',
		type: 'string',
		typeOptions: { rows: 10 },
		default: '',
		hint: PROMPT_TEMPLATE_HINT,
		routing: { send: { type: 'body', property: 'prompt_template' } },
	},
];

export const updateFields: INodeProperties[] = [
	aiJudgeIdFor(['update']),
	fieldsCollection('updateFields', { show: showFor(['update']) }, updateOptions),
];
