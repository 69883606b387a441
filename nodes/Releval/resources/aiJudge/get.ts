import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { AI_JUDGE_PATH_LABELS, aiJudgeIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get an AI judge',
	description:
		'Get one AI judge by ID: its provider, model, prompt template, batch size, concurrency, image setting and whether it is shared',
	endpoint: 'getAiJudge',
	pathLabels: AI_JUDGE_PATH_LABELS,
});

export const getFields: INodeProperties[] = [aiJudgeIdFor(['get'])];
