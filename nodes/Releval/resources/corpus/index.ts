import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { updateOperation } from './update';

export const corpusDescription: INodeProperties[] = RESOURCES.corpus.properties('getAll', [
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	updateOperation,
]);
