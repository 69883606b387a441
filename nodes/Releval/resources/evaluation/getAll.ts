import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many evaluations',
	description: 'List evaluations, one item each. Use Return All to page through every evaluation.',
	endpoint: 'listEvaluations',
	fields: returnAllAndLimit(),
});

