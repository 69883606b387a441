import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get an evaluation',
	description: 'Get one evaluation by ID: its name, description and the endpoint, query set and template it uses',
	endpoint: 'getEvaluation',
	fields: [RESOURCES.evaluation.locator()],
});

