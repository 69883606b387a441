import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { getAllOperation } from './getAll';
import { inviteOperation } from './invite';

export const memberDescription: INodeProperties[] = RESOURCES.member.properties('getAll', [
	getAllOperation,
	inviteOperation,
]);
