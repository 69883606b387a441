import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { cancelFields, cancelOperation } from './cancel';
import { getFields, getOperation } from './get';
import { startFields, startOperation } from './start';

export const aiJudgingRunDescription: INodeProperties[] = [
	operationSelector('aiJudgingRun', [cancelOperation, getOperation, startOperation], 'start'),
	...cancelFields,
	...getFields,
	...startFields,
];
