import type { INodeProperties } from 'n8n-workflow';

import { nameField, operation } from '../../shared/descriptions';
import { allowedOriginsField, sendAllowedOrigins, showFor } from './shared';

export const createOperation = operation({
	name: 'Create',
	value: 'create',
	action: 'Create a site',
	description:
		"Register a website for browser User Behavior Insights tracking, with the origins allowed to send its events. Returns the new site with its public site_id (the ID to configure in Releval's browser tracker and to send with events).",
	endpoint: 'createSite',
	required: { name: 'Name' },
	preSend: [sendAllowedOrigins('allowedOrigins', true)],
});

const show = showFor(['create']);

export const createFields: INodeProperties[] = [
	nameField(show, 'e.g. Web shop'),
	allowedOriginsField(true, show),
];
