import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { APP_CLIENT_PATH_LABELS, appClientIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an app client',
	description:
		'Delete an app client: its credentials stop working for new tokens. Do not delete the client this n8n credential uses. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteAppClient',
	pathLabels: APP_CLIENT_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [appClientIdFor(['delete'])];
