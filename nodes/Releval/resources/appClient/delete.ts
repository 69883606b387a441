import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an app client',
	description:
		'Delete an app client: its credentials stop working for new tokens. Do not delete the client this n8n credential uses. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteAppClient',
	fields: [RESOURCES.appClient.locator()],
});

