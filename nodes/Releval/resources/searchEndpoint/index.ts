import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { testFields, testOperation } from './testSaved';
import { testConfigurationFields, testConfigurationOperation } from './testConfiguration';
import { updateFields, updateOperation } from './update';

export const searchEndpointDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['searchEndpoint'] } },
		options: [
			createOperation,
			deleteOperation,
			getOperation,
			getAllOperation,
			testOperation,
			testConfigurationOperation,
			updateOperation,
		],
		default: 'getAll',
	},
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...testFields,
	...testConfigurationFields,
	...updateFields,
];
