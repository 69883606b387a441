import type { INodeProperties } from 'n8n-workflow';

import { requireSomeUpdate } from '../../shared/validation';
import { fieldsCollection, newNameField, operation } from '../../shared/descriptions';
import { allowedOriginsField, sendAllowedOrigins, showFor, SITE_PATH_LABELS, siteIdFor } from './shared';

export const updateOperation = operation({
	name: 'Update',
	value: 'update',
	action: 'Update a site',
	description:
		'Rename a site or replace its list of allowed origins (the list set here replaces the old one). Only the fields set are sent. Returns the updated site.',
	endpoint: 'updateSite',
	pathLabels: SITE_PATH_LABELS,
	preSend: [sendAllowedOrigins('updateFields.allowedOrigins', false), requireSomeUpdate()],
});

export const updateFields: INodeProperties[] = [
	siteIdFor(['update']),
	fieldsCollection('updateFields', { show: showFor(['update']) }, [
		allowedOriginsField(false),
		newNameField(),
	]),
];
