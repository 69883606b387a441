import type { INodeProperties } from 'n8n-workflow';

import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { uploadFields, uploadOperation } from './upload';

export const judgmentListDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['judgmentList'] } },
		options: [deleteOperation, getOperation, getAllOperation, uploadOperation],
		default: 'getAll',
	},
	...deleteFields,
	...getFields,
	...getAllFields,
	...uploadFields,
];
