import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { RUN_PATH_LABELS, runIdFor } from './shared';

export const startOperation = operation({
	name: 'Start',
	value: 'start',
	action: 'Start an evaluation run',
	description:
		'Queue a pending evaluation run so Releval sends every query to the search endpoint. Returns the run with status "queued"; poll Get until it is completed, failed or cancelled.',
	endpoint: 'startEvaluationRun',
	pathLabels: RUN_PATH_LABELS,
});

export const startFields: INodeProperties[] = [runIdFor(['start'])];
