import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many analyses',
	description: 'List analyses, one item each with name and status. Use Return All to page through every analysis.',
	endpoint: 'listAnalyses',
	fields: returnAllAndLimit(),
});

