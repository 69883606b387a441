import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { createFields, createOperation } from './create';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { uploadFields, uploadOperation } from './upload';

export const analysisDescription: INodeProperties[] = [
	operationSelector('analysis', [createOperation, getOperation, getAllOperation, uploadOperation], 'getAll'),
	...createFields,
	...getFields,
	...getAllFields,
	...uploadFields,
];
