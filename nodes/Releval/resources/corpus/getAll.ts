import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many corpora',
	description: 'List corpora, one item each (ID, name, description, match mode). Use Return All to page through every corpus.',
	endpoint: 'listCorpora',
	fields: returnAllAndLimit(),
});

