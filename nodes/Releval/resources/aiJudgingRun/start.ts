import type { INodeProperties } from 'n8n-workflow';

import { waitForCompletion, waitForCompletionOptions } from '../../shared/waitForCompletion';
import { runIdFor } from '../evaluationRun/shared';
import { operation, resourceLocator } from '../../shared/descriptions';
import { showFor } from './shared';

export const startOperation = operation({
	name: 'Start',
	value: 'start',
	action: 'Start an AI judging run',
	description:
		'Have an AI judge grade every candidate of a completed, unlocked evaluation run. Returns the new judging run (status "queued") with its ID; poll Get for progress, or turn on Wait for Completion (Options) to get it back once it has ended, with its judged and failed counts and tokens. A later judging run on the same evaluation run overwrites the grades.',
	endpoint: 'startAiJudgingRun',
	pathLabels: { runId: 'Evaluation Run' },
	required: { aiJudgeId: 'AI Judge' },
	postReceive: [waitForCompletion('aiJudgingRun')],
});

const show = showFor(['start']);

export const startFields: INodeProperties[] = [
	{
		...runIdFor(['start'], show),
		description: 'The completed, unlocked evaluation run whose candidates the AI judge grades',
	},
	resourceLocator({
		name: 'aiJudgeId',
		displayName: 'AI Judge',
		searchListMethod: 'searchAiJudges',
		description: 'The AI judge (provider, model and prompt template) that grades the candidates',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'ai_judge_id' },
	}),
	waitForCompletionOptions(show, 'judging run'),
];
