import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { testFields, testOperation } from './testJudge';
import { updateFields, updateOperation } from './update';

export const aiJudgeDescription: INodeProperties[] = [
	operationSelector('aiJudge', [createOperation, deleteOperation, getOperation, getAllOperation, testOperation, updateOperation], 'getAll'),
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...testFields,
	...updateFields,
];
