import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { uploadOperation } from './upload';

export const judgmentListDescription: INodeProperties[] = RESOURCES.judgmentList.properties('getAll', [
	deleteOperation,
	getOperation,
	getAllOperation,
	uploadOperation,
]);
