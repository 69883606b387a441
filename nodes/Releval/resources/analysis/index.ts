import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { uploadFields, uploadOperation } from './upload';

export const analysisDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analysis'] } },
		options: [createOperation, getOperation, getAllOperation, uploadOperation],
		default: 'getAll',
	},
	...createFields,
	...getFields,
	...getAllFields,
	...uploadFields,
];
