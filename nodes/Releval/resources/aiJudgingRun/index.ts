import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { cancelOperation } from './cancel';
import { getOperation } from './get';
import { startOperation } from './start';

export const aiJudgingRunDescription: INodeProperties[] = RESOURCES.aiJudgingRun.properties('start', [
	cancelOperation,
	getOperation,
	startOperation,
]);
