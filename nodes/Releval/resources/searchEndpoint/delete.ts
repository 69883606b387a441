import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { ENDPOINT_PATH_LABELS, endpointIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a search endpoint',
	description: 'Delete a saved search endpoint by ID. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteEndpoint',
	pathLabels: ENDPOINT_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [endpointIdFor(['delete'])];
