import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { SITE_PATH_LABELS, siteIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a site',
	description:
		'Delete a tracking site. Releval then silently drops events that carry its site_id. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteSite',
	pathLabels: SITE_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [siteIdFor(['delete'])];
