import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { AI_JUDGE_PATH_LABELS, aiJudgeIdFor } from './shared';

export const testOperation = operation({
	name: 'Test',
	value: 'test',
	action: 'Test an AI judge',
	description:
		"Try an AI judge before using it on a run: Releval renders its prompt template with sample data and calls the judge's provider and model. Returns Releval's test result.",
	endpoint: 'testAiJudge',
	pathLabels: AI_JUDGE_PATH_LABELS,
});

export const testFields: INodeProperties[] = [aiJudgeIdFor(['test'])];
