import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { RUN_PATH_LABELS, runIdFor } from './shared';

export const stopOperation = operation({
	name: 'Stop',
	value: 'stop',
	action: 'Stop an evaluation run',
	description:
		'Cancel a queued or running evaluation run; the results collected so far are kept. Returns the run ID, status "cancelled" and update time. Releval refuses (400) when the run is not queued or running.',
	endpoint: 'stopEvaluationRun',
	pathLabels: RUN_PATH_LABELS,
});

export const stopFields: INodeProperties[] = [runIdFor(['stop'])];
