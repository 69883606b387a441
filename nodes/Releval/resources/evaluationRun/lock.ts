import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { RUN_PATH_LABELS, runIdFor } from './shared';

export const lockOperation = operation({
	name: 'Lock',
	value: 'lock',
	action: 'Lock an evaluation run',
	description:
		'Lock an evaluation run so its judgments and metrics can no longer change: judgment submissions and AI judging on it are refused afterwards. Returns the run.',
	endpoint: 'lockEvaluationRun',
	pathLabels: RUN_PATH_LABELS,
});

export const lockFields: INodeProperties[] = [runIdFor(['lock'])];
