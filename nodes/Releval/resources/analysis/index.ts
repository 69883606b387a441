import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { createOperation } from './create';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { uploadOperation } from './upload';

export const analysisDescription: INodeProperties[] = RESOURCES.analysis.properties('getAll', [
	createOperation,
	getOperation,
	getAllOperation,
	uploadOperation,
]);
