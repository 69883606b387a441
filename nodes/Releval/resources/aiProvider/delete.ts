import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an AI provider',
	description:
		'Delete an AI provider and its stored credentials. Releval refuses (409 Conflict) while any AI judge still uses the provider: delete or change those judges first. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteAiProvider',
	fields: [RESOURCES.aiProvider.locator()],
});

