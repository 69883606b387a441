import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { testOperation } from './testQueries';
import { testWithQuerySetOperation } from './testWithQuerySet';
import { updateOperation } from './update';

export const queryTemplateDescription: INodeProperties[] = RESOURCES.queryTemplate.properties('getAll', [
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	testOperation,
	testWithQuerySetOperation,
	updateOperation,
]);
