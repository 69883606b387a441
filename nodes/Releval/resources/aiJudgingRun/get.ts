import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get an AI judging run',
	description:
		'Get the status (queued, running, completed, failed or cancelled) and progress of an AI judging run: judged and failed counts and input and output tokens used. Poll it to wait for the judging to finish.',
	endpoint: 'getAiJudgingRun',
	fields: [RESOURCES.aiJudgingRun.locator()],
});

