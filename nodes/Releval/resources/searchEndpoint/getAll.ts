import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many search endpoints',
	description: 'List search endpoints, one item each (without secrets). Use Return All to page through every endpoint.',
	endpoint: 'listEndpoints',
	fields: returnAllAndLimit(),
});

