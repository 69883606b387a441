import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many members',
	description:
		'List the members of the Releval workspace, one item each with email, roles and whether they are archived. Needs the Admin role. Use Return All to page through every member.',
	endpoint: 'listMembers',
	fields: returnAllAndLimit(),
});

