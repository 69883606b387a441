import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { uploadFields, uploadOperation } from './upload';

export const querySetDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['querySet'] } },
		options: [createOperation, deleteOperation, getOperation, getAllOperation, uploadOperation],
		default: 'getAll',
	},
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...uploadFields,
];
