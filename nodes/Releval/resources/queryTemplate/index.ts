import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { testFields, testOperation } from './testQueries';
import { testWithQuerySetFields, testWithQuerySetOperation } from './testWithQuerySet';
import { updateFields, updateOperation } from './update';

export const queryTemplateDescription: INodeProperties[] = [
	operationSelector('queryTemplate', [
			createOperation,
			deleteOperation,
			getOperation,
			getAllOperation,
			testOperation,
			testWithQuerySetOperation,
			updateOperation,
		], 'getAll'),
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...testFields,
	...testWithQuerySetFields,
	...updateFields,
];
