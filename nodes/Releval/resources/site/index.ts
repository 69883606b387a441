import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { updateFields, updateOperation } from './update';

export const siteDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['site'] } },
		options: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
		default: 'getAll',
	},
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...updateFields,
];
