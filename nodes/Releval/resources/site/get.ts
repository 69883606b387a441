import type { INodeProperties } from 'n8n-workflow';
import { SITE_PATH_LABELS, siteIdFor } from './shared';

import { operation } from '../../shared/descriptions';
export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get a site',
	description: 'Get one tracking site by ID: its name, public site_id and allowed origins',
	endpoint: 'getSite',
	pathLabels: SITE_PATH_LABELS,
});

export const getFields: INodeProperties[] = [siteIdFor(['get'])];
