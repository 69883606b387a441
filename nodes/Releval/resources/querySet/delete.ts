import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { QUERY_SET_PATH_LABELS, querySetIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a query set',
	description: 'Delete a query set and its queries. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteQuerySet',
	pathLabels: QUERY_SET_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [querySetIdFor(['delete'])];
