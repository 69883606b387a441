import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get an evaluation run',
	description:
		'Get one evaluation run by ID: its status (pending, queued, running, completed, failed or cancelled), scale, metrics, lock state and, once completed, its metric values. Poll it to wait for a run to finish.',
	endpoint: 'getEvaluationRun',
	fields: [RESOURCES.evaluationRun.locator()],
});

