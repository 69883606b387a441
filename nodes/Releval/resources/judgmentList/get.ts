import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { JUDGMENT_LIST_PATH_LABELS, judgmentListIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get a judgment list',
	description: 'Get one judgment list by ID: its name, corpus, type, scale and row count',
	endpoint: 'getJudgmentList',
	pathLabels: JUDGMENT_LIST_PATH_LABELS,
});

export const getFields: INodeProperties[] = [judgmentListIdFor(['get'])];
