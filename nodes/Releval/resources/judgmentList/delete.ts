import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a judgment list',
	description: 'Delete an uploaded judgment list. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteJudgmentList',
	fields: [RESOURCES.judgmentList.locator()],
});

