import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a search endpoint',
	description: 'Delete a saved search endpoint by ID. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteEndpoint',
	fields: [RESOURCES.searchEndpoint.locator()],
});

