import type { INodeProperties } from 'n8n-workflow';

import { operation, returnAllAndLimit } from '../../shared/descriptions';
import { showFor } from './shared';

export const getAllOperation = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many sites',
	description:
		'List the sites registered for browser tracking, one item each with its public site_id and allowed origins. Use Return All to page through every site.',
	endpoint: 'listSites',
});

export const getAllFields: INodeProperties[] = [...returnAllAndLimit(showFor(['getAll']))];
