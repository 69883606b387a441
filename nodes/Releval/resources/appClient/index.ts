import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { regenerateSecretFields, regenerateSecretOperation } from './regenerateSecret';

export const appClientDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['appClient'] } },
		options: [createOperation, deleteOperation, getOperation, getAllOperation, regenerateSecretOperation],
		default: 'getAll',
	},
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...regenerateSecretFields,
];
