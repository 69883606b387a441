import type { INodeProperties } from 'n8n-workflow';

import { operation, returnAllAndLimit } from '../../shared/descriptions';
import { showFor } from './shared';

export const getAllOperation = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many search endpoints',
	description: 'List search endpoints, one item each (without secrets). Use Return All to page through every endpoint.',
	endpoint: 'listEndpoints',
});

export const getAllFields: INodeProperties[] = [...returnAllAndLimit(showFor(['getAll']))];
