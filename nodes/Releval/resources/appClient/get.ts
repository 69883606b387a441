import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get an app client',
	description: 'Get one app client by ID: its client_id, name, description and roles. The client secret is never returned.',
	endpoint: 'getAppClient',
	fields: [RESOURCES.appClient.locator()],
});

