import { nameField, defineOperation } from '../../shared/descriptions';
import { allowedOriginsField, sendAllowedOrigins } from './allowedOrigins';

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a site',
	description:
		"Register a website for browser User Behavior Insights tracking, with the origins allowed to send its events. Returns the new site with its public site_id (the ID to configure in Releval's browser tracker and to send with events).",
	endpoint: 'createSite',
	preSend: [sendAllowedOrigins('allowedOrigins', true)],
	fields: [
		nameField('e.g. Web shop'),
		allowedOriginsField(true),
	],
});

