import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { EVALUATION_PATH_LABELS, evaluationIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an evaluation',
	description: 'Delete an evaluation and its runs. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteEvaluation',
	pathLabels: EVALUATION_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [evaluationIdFor(['delete'])];
