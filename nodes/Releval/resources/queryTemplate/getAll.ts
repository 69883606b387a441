import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many query templates',
	description: 'List query templates, one item each. Use Return All to page through every template.',
	endpoint: 'listQueryTemplates',
	fields: returnAllAndLimit(),
});

