import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an evaluation',
	description: 'Delete an evaluation and its runs. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteEvaluation',
	fields: [RESOURCES.evaluation.locator()],
});

