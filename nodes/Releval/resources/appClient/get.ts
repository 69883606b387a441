import type { INodeProperties } from 'n8n-workflow';
import { APP_CLIENT_PATH_LABELS, appClientIdFor } from './shared';

import { operation } from '../../shared/descriptions';
export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get an app client',
	description: 'Get one app client by ID: its client_id, name, description and roles. The client secret is never returned.',
	endpoint: 'getAppClient',
	pathLabels: APP_CLIENT_PATH_LABELS,
});

export const getFields: INodeProperties[] = [appClientIdFor(['get'])];
