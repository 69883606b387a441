import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { JUDGMENT_LIST_PATH_LABELS, judgmentListIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a judgment list',
	description: 'Delete an uploaded judgment list. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteJudgmentList',
	pathLabels: JUDGMENT_LIST_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [judgmentListIdFor(['delete'])];
