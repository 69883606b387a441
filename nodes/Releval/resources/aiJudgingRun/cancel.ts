import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const cancelOperation = defineOperation({
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel an AI judging run',
	description:
		'Cancel a queued or running AI judging run; grades already given are kept. Returns the judging run with status "cancelled". Releval refuses (400) when the judging run has already finished.',
	endpoint: 'cancelAiJudgingRun',
	fields: [RESOURCES.aiJudgingRun.locator()],
});

