import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many app clients',
	description:
		'List app clients, one item each with client_id, name and roles (never secrets). Use Return All to page through every client.',
	endpoint: 'listAppClients',
	fields: returnAllAndLimit(),
});

