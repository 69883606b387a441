import { waitForCompletion, waitForCompletionOptions } from '../../shared/waitForCompletion';
import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const startOperation = defineOperation({
	name: 'Start',
	value: 'start',
	action: 'Start an AI judging run',
	description:
		'Have an AI judge grade every candidate of a completed, unlocked evaluation run. Returns the new judging run (status "queued") with its ID; poll Get for progress, or turn on Wait for Completion (Options) to get it back once it has ended, with its judged and failed counts and tokens. A later judging run on the same evaluation run overwrites the grades.',
	endpoint: 'startAiJudgingRun',
	postReceive: [waitForCompletion('aiJudgingRun')],
	fields: [
		RESOURCES.evaluationRun.locator({
			description: 'The completed, unlocked evaluation run whose candidates the AI judge grades',
		}),
		RESOURCES.aiJudge.locator({
			description: 'The AI judge (provider, model and prompt template) that grades the candidates',
			sendAs: { type: 'body', property: 'ai_judge_id' },
		}),
		waitForCompletionOptions('judging run'),
	],
});

