import type { INodeProperties } from 'n8n-workflow';

import { simplifyParameter, simplifyTo } from '../../shared/output';
import { operation } from '../../shared/descriptions';
import { ANALYSIS_PATH_LABELS, SIMPLIFIED_ANALYSIS_FIELDS, analysisIdFor, showFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get an analysis',
	description:
		'Get one analysis by ID with its status and scores (RBO, Jaccard per compared template). Simplify (on by default) leaves out the per-query results, which can be large.',
	endpoint: 'getAnalysis',
	pathLabels: ANALYSIS_PATH_LABELS,
	postReceive: [simplifyTo(SIMPLIFIED_ANALYSIS_FIELDS)],
});

export const getFields: INodeProperties[] = [analysisIdFor(['get']), simplifyParameter(showFor(['get']) as Record<string, string[]>)];
