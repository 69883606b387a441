import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { testFields, testOperation } from './testSaved';
import { testConfigurationFields, testConfigurationOperation } from './testConfiguration';
import { updateFields, updateOperation } from './update';

export const searchEndpointDescription: INodeProperties[] = [
	operationSelector('searchEndpoint', [
			createOperation,
			deleteOperation,
			getOperation,
			getAllOperation,
			testOperation,
			testConfigurationOperation,
			updateOperation,
		], 'getAll'),
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...testFields,
	...testConfigurationFields,
	...updateFields,
];
