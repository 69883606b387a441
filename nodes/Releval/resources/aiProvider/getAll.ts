import type { INodeProperties } from 'n8n-workflow';

import { operation, returnAllAndLimit } from '../../shared/descriptions';
import { showFor, withoutSecrets } from './shared';

export const getAllOperation = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many AI providers',
	description:
		'List the AI providers the caller can use (its own and the shared ones), one item each, without secrets. Use Return All to page through every provider.',
	endpoint: 'listAiProviders',
	postReceive: [withoutSecrets()],
});

export const getAllFields: INodeProperties[] = [...returnAllAndLimit(showFor(['getAll']))];
