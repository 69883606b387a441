import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { uploadOperation } from './upload';

export const querySetDescription: INodeProperties[] = RESOURCES.querySet.properties('getAll', [
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	uploadOperation,
]);
