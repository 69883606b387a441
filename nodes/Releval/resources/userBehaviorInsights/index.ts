import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/descriptions';
import { queryDataFields, queryDataOperation } from './queryData';
import { trackEventsFields, trackEventsOperation } from './trackEvents';
import { trackQueryFields, trackQueryOperation } from './trackQuery';

export const userBehaviorInsightsDescription: INodeProperties[] = [
	operationSelector('userBehaviorInsights', [queryDataOperation, trackEventsOperation, trackQueryOperation], 'trackQuery'),
	...queryDataFields,
	...trackEventsFields,
	...trackQueryFields,
];
