import type { INodeProperties } from 'n8n-workflow';

import { cancelFields, cancelOperation } from './cancel';
import { getFields, getOperation } from './get';
import { startFields, startOperation } from './start';

export const aiJudgingRunDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['aiJudgingRun'] } },
		options: [cancelOperation, getOperation, startOperation],
		default: 'start',
	},
	...cancelFields,
	...getFields,
	...startFields,
];
