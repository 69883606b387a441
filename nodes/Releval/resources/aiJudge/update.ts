import type { INodeProperties } from 'n8n-workflow';

import { requireSomeUpdate } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { fieldsCollection, newNameField, defineOperation } from '../../shared/descriptions';
import { judgeNumberChecks, judgeSettings, PROMPT_TEMPLATE_HINT } from './judgeSettings';

const updateOptions: INodeProperties[] = [
	RESOURCES.aiProvider.locator({
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

export const updateOperation = defineOperation({
	name: 'Update',
	value: 'update',
	action: 'Update an AI judge',
	description:
		'Change the name, provider, model, prompt template or settings of an AI judge. Only the fields set are sent. Returns the updated judge.',
	endpoint: 'updateAiJudge',
	preSend: [...judgeNumberChecks('updateFields'), requireSomeUpdate()],
	fields: [
		RESOURCES.aiJudge.locator(),
		fieldsCollection('updateFields', updateOptions),
	],
});
