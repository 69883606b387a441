import type { INodeProperties } from 'n8n-workflow';

import { operation, returnAllAndLimit } from '../../shared/descriptions';
import { showFor } from './shared';

export const getAllOperation = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many members',
	description:
		'List the members of the Releval workspace, one item each with email, roles and whether they are archived. Needs the Admin role. Use Return All to page through every member.',
	endpoint: 'listMembers',
});

export const getAllFields: INodeProperties[] = [...returnAllAndLimit(showFor(['getAll']))];
