import { RESOURCES } from '../../shared/catalog';
import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many evaluation runs',
	description:
		'List the runs of an evaluation, one item each, with their status, scale, metrics, lock state and metric values. Use Return All to page through every run.',
	endpoint: 'listEvaluationRuns',
	fields: [
		RESOURCES.evaluation.locator({ description: 'The evaluation whose runs to list' }),
		...returnAllAndLimit(),
	],
});

