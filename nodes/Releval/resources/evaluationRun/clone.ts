import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { RUN_PATH_LABELS, runIdFor } from './shared';

export const cloneOperation = operation({
	name: 'Clone',
	value: 'clone',
	action: 'Clone an evaluation run',
	description:
		'Create a new pending run with the same scale, metrics and overrides as an existing run, e.g. to run a cancelled or failed run again. Returns the new run with its ID; use Start to queue it.',
	endpoint: 'cloneEvaluationRun',
	pathLabels: RUN_PATH_LABELS,
});

export const cloneFields: INodeProperties[] = [runIdFor(['clone'])];
