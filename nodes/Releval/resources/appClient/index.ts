import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { regenerateSecretFields, regenerateSecretOperation } from './regenerateSecret';

export const appClientDescription: INodeProperties[] = [
	operationSelector('appClient', [createOperation, deleteOperation, getOperation, getAllOperation, regenerateSecretOperation], 'getAll'),
	...createFields,
	...deleteFields,
	...getFields,
	...getAllFields,
	...regenerateSecretFields,
];
