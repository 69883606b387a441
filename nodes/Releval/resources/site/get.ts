import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { SITE_PATH_LABELS, siteIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get a site',
	description: 'Get one tracking site by ID: its name, public site_id and allowed origins',
	endpoint: 'getSite',
	pathLabels: SITE_PATH_LABELS,
});

export const getFields: INodeProperties[] = [siteIdFor(['get'])];
