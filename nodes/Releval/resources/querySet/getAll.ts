import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many query sets',
	description: 'List query sets, one item each with name, format and query count. Use Return All to page through every query set.',
	endpoint: 'listQuerySets',
	fields: returnAllAndLimit(),
});

