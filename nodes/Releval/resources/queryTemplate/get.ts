import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a query template',
	description: 'Get one query template by ID: its name, body, content type, query string and headers',
	endpoint: 'getQueryTemplate',
	fields: [RESOURCES.queryTemplate.locator()],
});

