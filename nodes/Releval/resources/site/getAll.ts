import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many sites',
	description:
		'List the sites registered for browser tracking, one item each with its public site_id and allowed origins. Use Return All to page through every site.',
	endpoint: 'listSites',
	fields: returnAllAndLimit(),
});

