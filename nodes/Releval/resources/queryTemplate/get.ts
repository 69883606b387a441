import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { QUERY_TEMPLATE_PATH_LABELS, queryTemplateIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get a query template',
	description: 'Get one query template by ID: its name, body, content type, query string and headers',
	endpoint: 'getQueryTemplate',
	pathLabels: QUERY_TEMPLATE_PATH_LABELS,
});

export const getFields: INodeProperties[] = [queryTemplateIdFor(['get'])];
