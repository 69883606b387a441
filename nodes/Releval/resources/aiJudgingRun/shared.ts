import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/descriptions';

export const showFor = (operations: string[]): IDisplayOptions['show'] => ({
	resource: ['aiJudgingRun'],
	operation: operations,
});

/**
 * The judging run an operation acts on (a path parameter). "By ID" only: Releval has no endpoint that lists
 * judging runs, so there is nothing to choose from. The ID comes from AI Judging Run → Start.
 */
export const judgingRunIdFor = (operations: string[]): INodeProperties =>
	resourceLocator({
		name: 'judgingRunId',
		displayName: 'AI Judging Run',
		description: 'The ID of the AI judging run, as returned by AI Judging Run → Start',
		displayOptions: { show: showFor(operations) },
	});

export const JUDGING_RUN_PATH_LABELS = { judgingRunId: 'AI Judging Run' };
