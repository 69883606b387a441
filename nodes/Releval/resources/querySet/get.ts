import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { QUERY_SET_PATH_LABELS, querySetIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get a query set',
	description: 'Get one query set by ID: its name, description, format (text or JSON queries) and query count',
	endpoint: 'getQuerySet',
	pathLabels: QUERY_SET_PATH_LABELS,
});

export const getFields: INodeProperties[] = [querySetIdFor(['get'])];
