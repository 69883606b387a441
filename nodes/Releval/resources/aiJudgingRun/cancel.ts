import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { JUDGING_RUN_PATH_LABELS, judgingRunIdFor } from './shared';

export const cancelOperation = operation({
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel an AI judging run',
	description:
		'Cancel a queued or running AI judging run; grades already given are kept. Returns the judging run with status "cancelled". Releval refuses (400) when the judging run has already finished.',
	endpoint: 'cancelAiJudgingRun',
	pathLabels: JUDGING_RUN_PATH_LABELS,
});

export const cancelFields: INodeProperties[] = [judgingRunIdFor(['cancel'])];
