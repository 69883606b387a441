import type { INodeProperties } from 'n8n-workflow';

import { waitForCompletion, waitForCompletionOptions } from '../../shared/waitForCompletion';
import { operation } from '../../shared/descriptions';
import { RUN_PATH_LABELS, runIdFor, showFor } from './shared';

export const startOperation = operation({
	name: 'Start',
	value: 'start',
	action: 'Start an evaluation run',
	description:
		'Queue a pending evaluation run so Releval sends every query to the search endpoint. Returns the run with status "queued"; with Wait for Completion (Options), waits until it is completed, failed or cancelled and returns it with its metric values.',
	endpoint: 'startEvaluationRun',
	pathLabels: RUN_PATH_LABELS,
	postReceive: [waitForCompletion('evaluationRun')],
});

export const startFields: INodeProperties[] = [runIdFor(['start']), waitForCompletionOptions(showFor(['start']), 'run')];
