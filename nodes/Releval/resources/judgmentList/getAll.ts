import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many judgment lists',
	description: 'List judgment lists, one item each with corpus, type and scale. Use Return All to page through every list.',
	endpoint: 'listJudgmentLists',
	fields: returnAllAndLimit(),
});

