import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { queryDataOperation } from './queryData';
import { trackEventsOperation } from './trackEvents';
import { trackQueryOperation } from './trackQuery';

export const userBehaviorInsightsDescription: INodeProperties[] = RESOURCES.userBehaviorInsights.properties('trackQuery', [
	queryDataOperation,
	trackEventsOperation,
	trackQueryOperation,
]);
