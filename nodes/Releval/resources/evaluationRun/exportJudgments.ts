import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { RUN_PATH_LABELS, runIdFor } from './shared';

export const exportJudgmentsOperation = operation({
	name: 'Export Judgments',
	value: 'exportJudgments',
	action: 'Export the judgments of an evaluation run',
	description:
		'Export the judgments given on an evaluation run, one item per judged query and candidate (query ID, query, candidate ID, grade), e.g. to archive them or build a judgment list',
	endpoint: 'exportEvaluationRunJudgments',
	pathLabels: RUN_PATH_LABELS,
});

export const exportJudgmentsFields: INodeProperties[] = [runIdFor(['exportJudgments'])];
