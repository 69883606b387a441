import type { INodeProperties } from 'n8n-workflow';

import { operation, returnAllAndLimit } from '../../shared/descriptions';
import { EVALUATION_PATH_LABELS, evaluationIdFor, showFor } from './shared';

export const getAllOperation = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many evaluation runs',
	description:
		'List the runs of an evaluation, one item each, with their status, scale, metrics, lock state and metric values. Use Return All to page through every run.',
	endpoint: 'listEvaluationRuns',
	pathLabels: EVALUATION_PATH_LABELS,
});

export const getAllFields: INodeProperties[] = [
	evaluationIdFor(['getAll'], 'The evaluation whose runs to list'),
	...returnAllAndLimit(showFor(['getAll'])),
];
