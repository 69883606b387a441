import type { INodeProperties } from 'n8n-workflow';

import { operation, returnAllAndLimit } from '../../shared/descriptions';
import { showFor } from './shared';

export const getAllOperation = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many analyses',
	description: 'List analyses, one item each with name and status. Use Return All to page through every analysis.',
	endpoint: 'listAnalyses',
});

export const getAllFields: INodeProperties[] = [...returnAllAndLimit(showFor(['getAll']))];
