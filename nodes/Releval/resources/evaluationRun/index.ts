import type { INodeProperties } from 'n8n-workflow';

import { cloneFields, cloneOperation } from './clone';
import { createFields, createOperation } from './create';
import { exportJudgmentsFields, exportJudgmentsOperation } from './exportJudgments';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getResultsFields, getResultsOperation } from './getResults';
import { lockFields, lockOperation } from './lock';
import { startFields, startOperation } from './start';
import { stopFields, stopOperation } from './stop';

export const evaluationRunDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['evaluationRun'] } },
		options: [
			cloneOperation,
			createOperation,
			exportJudgmentsOperation,
			getOperation,
			getAllOperation,
			getResultsOperation,
			lockOperation,
			startOperation,
			stopOperation,
		],
		default: 'getAll',
	},
	...cloneFields,
	...createFields,
	...exportJudgmentsFields,
	...getFields,
	...getAllFields,
	...getResultsFields,
	...lockFields,
	...startFields,
	...stopFields,
];
