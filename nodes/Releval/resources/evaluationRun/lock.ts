import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const lockOperation = defineOperation({
	name: 'Lock',
	value: 'lock',
	action: 'Lock an evaluation run',
	description:
		'Lock an evaluation run so its judgments and metrics can no longer change: judgment submissions and AI judging on it are refused afterwards. Returns the run.',
	endpoint: 'lockEvaluationRun',
	fields: [RESOURCES.evaluationRun.locator()],
});

