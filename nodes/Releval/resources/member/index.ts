import type { INodeProperties } from 'n8n-workflow';

import { getAllFields, getAllOperation } from './getAll';
import { inviteFields, inviteOperation } from './invite';

export const memberDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['member'] } },
		options: [getAllOperation, inviteOperation],
		default: 'getAll',
	},
	...getAllFields,
	...inviteFields,
];
