import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { APP_CLIENT_PATH_LABELS, appClientIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get an app client',
	description: 'Get one app client by ID: its client_id, name, description and roles. The client secret is never returned.',
	endpoint: 'getAppClient',
	pathLabels: APP_CLIENT_PATH_LABELS,
});

export const getFields: INodeProperties[] = [appClientIdFor(['get'])];
