import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a query set',
	description: 'Delete a query set and its queries. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteQuerySet',
	fields: [RESOURCES.querySet.locator()],
});

