import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many AI judges',
	description:
		'List the AI judges the caller can use (its own and the shared ones), one item each. Use Return All to page through every judge.',
	endpoint: 'listAiJudges',
	fields: returnAllAndLimit(),
});

