import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a query set',
	description: 'Get one query set by ID: its name, description, format (text or JSON queries) and query count',
	endpoint: 'getQuerySet',
	fields: [RESOURCES.querySet.locator()],
});

