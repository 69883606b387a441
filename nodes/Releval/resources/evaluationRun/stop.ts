import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const stopOperation = defineOperation({
	name: 'Stop',
	value: 'stop',
	action: 'Stop an evaluation run',
	description:
		'Cancel a queued or running evaluation run; the results collected so far are kept. Returns the run ID, status "cancelled" and update time. Releval refuses (400) when the run is not queued or running.',
	endpoint: 'stopEvaluationRun',
	fields: [RESOURCES.evaluationRun.locator()],
});

