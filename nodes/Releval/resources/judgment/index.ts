import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { submitFields, submitOperation } from './submit';

export const judgmentDescription: INodeProperties[] = [
	operationSelector('judgment', [submitOperation], 'submit'),
	...submitFields,
];
