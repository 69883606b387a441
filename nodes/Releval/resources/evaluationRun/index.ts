import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
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
	operationSelector('evaluationRun', [
			cloneOperation,
			createOperation,
			exportJudgmentsOperation,
			getOperation,
			getAllOperation,
			getResultsOperation,
			lockOperation,
			startOperation,
			stopOperation,
		], 'getAll'),
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
