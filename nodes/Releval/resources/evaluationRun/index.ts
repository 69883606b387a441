import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { cloneOperation } from './clone';
import { compareOperation } from './compare';
import { createOperation } from './create';
import { exportJudgmentsOperation } from './exportJudgments';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { getResultsOperation } from './getResults';
import { lockOperation } from './lock';
import { startOperation } from './start';
import { stopOperation } from './stop';

export const evaluationRunDescription: INodeProperties[] = RESOURCES.evaluationRun.properties('getAll', [
	cloneOperation,
	compareOperation,
	createOperation,
	exportJudgmentsOperation,
	getOperation,
	getAllOperation,
	getResultsOperation,
	lockOperation,
	startOperation,
	stopOperation,
]);
