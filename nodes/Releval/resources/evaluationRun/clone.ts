import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const cloneOperation = defineOperation({
	name: 'Clone',
	value: 'clone',
	action: 'Clone an evaluation run',
	description:
		'Create a new pending run with the same scale, metrics and overrides as an existing run, e.g. to run a cancelled or failed run again. Returns the new run with its ID; use Start to queue it.',
	endpoint: 'cloneEvaluationRun',
	fields: [RESOURCES.evaluationRun.locator()],
});

