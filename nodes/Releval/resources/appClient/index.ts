import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { regenerateSecretOperation } from './regenerateSecret';

export const appClientDescription: INodeProperties[] = RESOURCES.appClient.properties('getAll', [
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	regenerateSecretOperation,
]);
