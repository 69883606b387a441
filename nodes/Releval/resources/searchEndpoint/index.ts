import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { testOperation } from './testSaved';
import { testConfigurationOperation } from './testConfiguration';
import { updateOperation } from './update';

export const searchEndpointDescription: INodeProperties[] = RESOURCES.searchEndpoint.properties('getAll', [
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	testOperation,
	testConfigurationOperation,
	updateOperation,
]);
