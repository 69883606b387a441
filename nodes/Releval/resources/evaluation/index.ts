import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { updateFields, updateOperation } from './update';

export const evaluationDescription: INodeProperties[] = [
	operationSelector('evaluation', [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation], 'getAll'),
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...updateFields,
];
