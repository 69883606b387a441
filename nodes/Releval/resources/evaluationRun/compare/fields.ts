import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../../shared/catalog';

/* Compare's parameters; their texts are what an AI agent reads when it decides to call Compare. */

const whenSpecificRun = { show: { baseline: ['specificRun'] } };
const whenFullOutput = { show: { simplify: [false] } };

export const compareFields: INodeProperties[] = [
	RESOURCES.evaluationRun.locator({
		displayName: 'Candidate Run',
		description:
			'The run to check, usually the newest: e.g. the run that Create or Start with Wait for Completion just returned ({{ $json.id }})',
	}),
	{
		displayName: 'Compare With',
		name: 'baseline',
		type: 'options',
		options: [
			{
				name: 'Newest Locked Run',
				value: 'newestLocked',
				description: 'The newest locked run of the same evaluation: the accepted reference',
			},
			{
				name: 'Previous Completed Run',
				value: 'previousCompleted',
				description: 'The newest completed run of the same evaluation created before the candidate: "did the last change make search worse?"',
			},
			{
				name: 'Specific Run',
				value: 'specificRun',
				description: 'A baseline run chosen by ID',
			},
		],
		default: 'previousCompleted',
		description: 'The baseline run the candidate is compared with',
	},
	RESOURCES.evaluationRun.locator({
		name: 'baselineRunId',
		displayName: 'Baseline Run',
		description: 'The run to compare the candidate with; it must have completed',
		displayOptions: whenSpecificRun,
	}),
	{
		displayName: 'Allow Different Evaluations',
		name: 'allowDifferentEvaluations',
		type: 'boolean',
		default: false,
		description:
			'Whether the baseline may be a run of another evaluation (e.g. another query template on the same queries). Off: comparing runs of different evaluations fails.',
		displayOptions: whenSpecificRun,
	},
	{
		displayName: 'Thresholds',
		name: 'thresholds',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Threshold',
		default: {},
		description:
			'How far each metric may fall before the candidate counts as regressed. Without thresholds, every metric both runs have is checked and may not fall at all. A metric regresses when its fall exceeds any threshold naming it: add a metric twice to limit both its absolute and its relative drop.',
		options: [
			{
				displayName: 'Threshold',
				name: 'threshold',
				values: [
					{
						displayName: 'Metric',
						name: 'metric',
						type: 'string',
						default: '',
						placeholder: 'e.g. NDCG@10',
						description:
							'The metric as Releval writes it: NDCG@10, MAP, MRR@10, or a custom NAME@k. * applies the limit to every metric both runs have.',
					},
					{
						displayName: 'Max Drop',
						name: 'maxDrop',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 4 },
						default: 0,
						description: 'The largest allowed fall; 0 means any fall is a regression',
					},
					{
						displayName: 'Measured As',
						name: 'measure',
						type: 'options',
						options: [
							{
								name: 'Absolute (Metric Units)',
								value: 'absolute',
								description: 'Max Drop 0.02: NDCG@10 may go from 0.71 to 0.69, not lower',
							},
							{
								name: 'Relative (%)',
								value: 'relative',
								description: 'Max Drop 5: the metric may lose 5 % of its baseline value',
							},
						],
						default: 'absolute',
					},
				],
			},
		],
	},
	{
		displayName: 'On Regression',
		name: 'onRegression',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Output the Verdict',
				value: 'outputVerdict',
				description: 'Output the comparison with verdict "regressed"; branch on it later',
			},
			{
				name: 'Fail the Item',
				value: 'failItem',
				description:
					'Stop the workflow like a CI gate, with an error naming each regressed metric and its numbers (with On Error → Continue, an error item)',
			},
			{
				name: 'Send to a Regressed Output',
				value: 'secondOutput',
				description: 'The node gets a second output, "Regressed", for regressions; passed and improved comparisons leave by "Passed"',
			},
		],
		default: 'outputVerdict',
		description: 'What happens when a metric fell more than its threshold allows',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only the verdict, the two runs and each metric\'s change. Off: also what changed query by query (reads both runs\' results).',
	},
	{
		displayName: 'Top K',
		name: 'topK',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'The ranks compared per query: documents that entered or left the first K results',
		displayOptions: whenFullOutput,
	},
	{
		displayName: 'Max Queries Listed',
		name: 'maxQueries',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 25,
		description: 'At most this many changed queries are listed, the largest falls first; the counts cover all of them',
		displayOptions: whenFullOutput,
	},
];
