import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { RUN_PATH_LABELS, runIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get an evaluation run',
	description:
		'Get one evaluation run by ID: its status (pending, queued, running, completed, failed or cancelled), scale, metrics, lock state and, once completed, its metric values. Poll it to wait for a run to finish.',
	endpoint: 'getEvaluationRun',
	pathLabels: RUN_PATH_LABELS,
});

export const getFields: INodeProperties[] = [runIdFor(['get'])];
