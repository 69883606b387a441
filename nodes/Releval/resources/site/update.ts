import { requireSomeUpdate } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { fieldsCollection, newNameField, defineOperation } from '../../shared/descriptions';
import { allowedOriginsField, sendAllowedOrigins } from './allowedOrigins';

export const updateOperation = defineOperation({
	name: 'Update',
	value: 'update',
	action: 'Update a site',
	description:
		'Rename a site or replace its list of allowed origins (the list set here replaces the old one). Only the fields set are sent. Returns the updated site.',
	endpoint: 'updateSite',
	preSend: [sendAllowedOrigins('updateFields.allowedOrigins', false), requireSomeUpdate()],
	fields: [
		RESOURCES.site.locator(),
		fieldsCollection('updateFields', [
			allowedOriginsField(false),
			newNameField(),
		]),
	],
});

