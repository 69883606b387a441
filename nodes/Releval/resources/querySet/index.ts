import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { uploadFields, uploadOperation } from './upload';

export const querySetDescription: INodeProperties[] = [
	operationSelector('querySet', [createOperation, deleteOperation, getOperation, getAllOperation, uploadOperation], 'getAll'),
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...uploadFields,
];
