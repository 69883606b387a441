import type { INodeProperties } from 'n8n-workflow';

import { submitFields, submitOperation } from './submit';

export const judgmentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['judgment'] } },
		options: [submitOperation],
		default: 'submit',
	},
	...submitFields,
];
