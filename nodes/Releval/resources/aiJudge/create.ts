import { RESOURCES } from '../../shared/catalog';
import { fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';
import { judgeNumberChecks, judgeSettings, PROMPT_TEMPLATE_HINT } from './judgeSettings';

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an AI judge',
	description:
		'Create an AI judge: an AI provider, a model and a Handlebars prompt template that grade the candidates of evaluation runs. Returns the new judge with its ID.',
	endpoint: 'createAiJudge',
	preSend: judgeNumberChecks('additionalFields'),
	fields: [
		nameField('e.g. GPT-4o product judge'),
		RESOURCES.aiProvider.locator({
			description: 'The AI provider (stored LLM credentials) the judge calls',
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
			routing: { send: { type: 'body', property: 'prompt_template' } },
		},
		fieldsCollection('additionalFields', judgeSettings()),
	],
});

