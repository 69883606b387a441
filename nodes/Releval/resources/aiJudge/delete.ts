import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete an AI judge',
	description: 'Delete an AI judge. Grades it already gave stay. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteAiJudge',
	fields: [RESOURCES.aiJudge.locator()],
});

