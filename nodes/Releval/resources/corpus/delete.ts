import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a corpus',
	description: 'Delete a corpus by ID. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteCorpus',
	fields: [RESOURCES.corpus.locator()],
});

