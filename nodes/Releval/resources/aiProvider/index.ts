import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { testOperation } from './testProvider';
import { updateOperation } from './update';

export const aiProviderDescription: INodeProperties[] = RESOURCES.aiProvider.properties('getAll', [
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	testOperation,
	updateOperation,
]);
