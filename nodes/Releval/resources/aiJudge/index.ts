import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { testFields, testOperation } from './testJudge';
import { updateFields, updateOperation } from './update';

export const aiJudgeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['aiJudge'] } },
		options: [createOperation, deleteOperation, getOperation, getAllOperation, testOperation, updateOperation],
		default: 'getAll',
	},
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...testFields,
	...updateFields,
];
