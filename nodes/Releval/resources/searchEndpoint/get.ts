import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a search endpoint',
	description:
		'Get one search endpoint by ID: its name, URL, method, type, authentication type, headers and candidates mapping. Secrets are never returned.',
	endpoint: 'getEndpoint',
	fields: [RESOURCES.searchEndpoint.locator()],
});

