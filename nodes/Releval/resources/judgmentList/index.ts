import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { uploadFields, uploadOperation } from './upload';

export const judgmentListDescription: INodeProperties[] = [
	operationSelector('judgmentList', [deleteOperation, getOperation, getAllOperation, uploadOperation], 'getAll'),
	...deleteFields,
	...getFields,
	...getAllFields,
	...uploadFields,
];
