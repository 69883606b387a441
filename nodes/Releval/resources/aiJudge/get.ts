import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get an AI judge',
	description:
		'Get one AI judge by ID: its provider, model, prompt template, batch size, concurrency, image setting and whether it is shared',
	endpoint: 'getAiJudge',
	fields: [RESOURCES.aiJudge.locator()],
});

