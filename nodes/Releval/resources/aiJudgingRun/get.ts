import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { JUDGING_RUN_PATH_LABELS, judgingRunIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get an AI judging run',
	description:
		'Get the status (queued, running, completed, failed or cancelled) and progress of an AI judging run: judged and failed counts and input and output tokens used. Poll it to wait for the judging to finish.',
	endpoint: 'getAiJudgingRun',
	pathLabels: JUDGING_RUN_PATH_LABELS,
});

export const getFields: INodeProperties[] = [judgingRunIdFor(['get'])];
