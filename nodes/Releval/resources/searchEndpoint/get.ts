import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { ENDPOINT_PATH_LABELS, endpointIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get a search endpoint',
	description:
		'Get one search endpoint by ID: its name, URL, method, type, authentication type, headers and candidates mapping. Secrets are never returned.',
	endpoint: 'getEndpoint',
	pathLabels: ENDPOINT_PATH_LABELS,
});

export const getFields: INodeProperties[] = [endpointIdFor(['get'])];
