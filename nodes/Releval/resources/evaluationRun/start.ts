import { waitForCompletion, waitForCompletionOptions } from '../../shared/waitForCompletion';
import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const startOperation = defineOperation({
	name: 'Start',
	value: 'start',
	action: 'Start an evaluation run',
	description:
		'Queue a pending evaluation run so Releval sends every query to the search endpoint. Returns the run with status "queued"; with Wait for Completion (Options), waits until it is completed, failed or cancelled and returns it with its metric values.',
	endpoint: 'startEvaluationRun',
	postReceive: [waitForCompletion('evaluationRun')],
	fields: [RESOURCES.evaluationRun.locator(), waitForCompletionOptions('run')],
});

