import type { INodeProperties } from 'n8n-workflow';
import { EVALUATION_PATH_LABELS, evaluationIdFor } from './shared';

import { operation } from '../../shared/descriptions';
export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an evaluation',
	description: 'Delete an evaluation and its runs. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteEvaluation',
	pathLabels: EVALUATION_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [evaluationIdFor(['delete'])];
