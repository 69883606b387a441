import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a site',
	description: 'Get one tracking site by ID: its name, public site_id and allowed origins',
	endpoint: 'getSite',
	fields: [RESOURCES.site.locator()],
});

