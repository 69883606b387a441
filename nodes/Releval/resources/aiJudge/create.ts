import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection, nameField, operation, resourceLocator } from '../../shared/descriptions';
import { judgeNumberChecks, judgeSettings, PROMPT_TEMPLATE_HINT, showFor } from './shared';

export const createOperation = operation({
	name: 'Create',
	value: 'create',
	action: 'Create an AI judge',
	description:
		'Create an AI judge: an AI provider, a model and a Handlebars prompt template that grade the candidates of evaluation runs. Returns the new judge with its ID.',
	endpoint: 'createAiJudge',
	required: { name: 'Name', aiProviderId: 'AI Provider', model: 'Model', promptTemplate: 'Prompt Template' },
	preSend: judgeNumberChecks('additionalFields'),
});

const show = showFor(['create']);

export const createFields: INodeProperties[] = [
	nameField(show, 'e.g. GPT-4o product judge'),
	resourceLocator({
		name: 'aiProviderId',
		displayName: 'AI Provider',
		searchListMethod: 'searchAiProviders',
		description: 'The stored LLM credentials the judge calls',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'ai_provider_id' },
	}),
	{
		displayName: 'Model',
		name: 'model',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. gpt-4o',
		description: 'The model the provider runs (for Azure OpenAI, the deployment name)',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'model', value: '={{ $value.trim() }}' } },
	},
	{
		displayName: 'Prompt Template',
		name: 'promptTemplate',
		type: 'string',
		typeOptions: { rows: 10 },
		required: true,
		default: '',
		placeholder:
			'Grade how relevant each product is to the query "{{query}}" from {{scale_min}} to {{scale_max}}.\n{{#each candidates}}\n- {{title}}\n{{/each}}',
		hint: PROMPT_TEMPLATE_HINT,
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'prompt_template' } },
	},
	fieldsCollection('additionalFields', { show }, judgeSettings()),
];
