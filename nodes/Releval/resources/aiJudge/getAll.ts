import type { INodeProperties } from 'n8n-workflow';

import { operation, returnAllAndLimit } from '../../shared/descriptions';
import { showFor } from './shared';

export const getAllOperation = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many AI judges',
	description:
		'List the AI judges the caller can use (its own and the shared ones), one item each. Use Return All to page through every judge.',
	endpoint: 'listAiJudges',
});

export const getAllFields: INodeProperties[] = [...returnAllAndLimit(showFor(['getAll']))];
