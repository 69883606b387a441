import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export const showFor = (operations: string[]): IDisplayOptions['show'] => ({
	resource: ['aiJudgingRun'],
	operation: operations,
});

/**
 * The judging run an operation acts on (a path parameter). "By ID" only: Releval has no endpoint that lists
 * judging runs, so there is nothing to choose from. The ID comes from AI Judging Run → Start.
 */
export const judgingRunIdFor = (operations: string[]): INodeProperties => ({
	displayName: 'AI Judging Run',
	name: 'judgingRunId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The ID of the AI judging run, as returned by AI Judging Run → Start',
	displayOptions: { show: showFor(operations) },
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 01J8ZP4Q9K7X2M5N6R8T0V3W1Y',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\S+$', errorMessage: 'The ID must not contain spaces' },
				},
			],
		},
	],
});

export const JUDGING_RUN_PATH_LABELS = { judgingRunId: 'AI Judging Run' };
