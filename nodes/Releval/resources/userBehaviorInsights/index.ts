import type { INodeProperties } from 'n8n-workflow';

import { queryDataFields, queryDataOperation } from './queryData';
import { trackEventsFields, trackEventsOperation } from './trackEvents';
import { trackQueryFields, trackQueryOperation } from './trackQuery';

export const userBehaviorInsightsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userBehaviorInsights'] } },
		options: [queryDataOperation, trackEventsOperation, trackQueryOperation],
		default: 'trackQuery',
	},
	...queryDataFields,
	...trackEventsFields,
	...trackQueryFields,
];
