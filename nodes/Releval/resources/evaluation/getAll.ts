import type { INodeProperties } from 'n8n-workflow';

import { operation, returnAllAndLimit } from '../../shared/descriptions';
import { showFor } from './shared';

export const getAllOperation = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many evaluations',
	description: 'List evaluations, one item each. Use Return All to page through every evaluation.',
	endpoint: 'listEvaluations',
});

export const getAllFields: INodeProperties[] = [...returnAllAndLimit(showFor(['getAll']))];
