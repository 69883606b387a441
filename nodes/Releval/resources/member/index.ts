import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { getAllFields, getAllOperation } from './getAll';
import { inviteFields, inviteOperation } from './invite';

export const memberDescription: INodeProperties[] = [
	operationSelector('member', [getAllOperation, inviteOperation], 'getAll'),
	...getAllFields,
	...inviteFields,
];
