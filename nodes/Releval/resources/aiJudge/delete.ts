import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { AI_JUDGE_PATH_LABELS, aiJudgeIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an AI judge',
	description: 'Delete an AI judge. Grades it already gave stay. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteAiJudge',
	pathLabels: AI_JUDGE_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [aiJudgeIdFor(['delete'])];
