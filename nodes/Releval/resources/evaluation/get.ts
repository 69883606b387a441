import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { EVALUATION_PATH_LABELS, evaluationIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get an evaluation',
	description: 'Get one evaluation by ID: its name, description and the endpoint, query set and template it uses',
	endpoint: 'getEvaluation',
	pathLabels: EVALUATION_PATH_LABELS,
});

export const getFields: INodeProperties[] = [evaluationIdFor(['get'])];
