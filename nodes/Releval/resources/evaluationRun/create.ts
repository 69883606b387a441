import { waitForCompletion, waitForCompletionOptions } from '../../shared/waitForCompletion';
import { RESOURCES } from '../../shared/catalog';
import { sendHeaders } from '../../shared/validation';
import { fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';
import { METRIC_OPTIONS, sendMetrics } from './runSettings';
import { scaleField } from '../../shared/scales';

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an evaluation run',
	description:
		'Create a run of an evaluation with a judgment scale and the metrics to compute, optionally overriding the query template for this run only. Returns the new run (status "pending") with its ID; use Start to queue it. With Wait for Completion (Options), waits until the run has finished, if Releval queues runs on creation.',
	endpoint: 'createEvaluationRun',
	preSend: [sendMetrics(), sendHeaders('additionalFields', 'Headers Override')],
	postReceive: [waitForCompletion('evaluationRun')],
	fields: [
		RESOURCES.evaluation.locator({ description: 'The evaluation to run' }),
		nameField('e.g. Run 1 - Baseline'),
		scaleField('The grades judges give each result in this run', { sent: true }),
		{
			displayName: 'Metrics',
			name: 'metrics',
			type: 'multiOptions',
			options: METRIC_OPTIONS,
			default: ['NDCG@10'],
			description:
				'Metrics to compute; "@k" is the cutoff rank. Add others (e.g. Recall@20) in Custom Metrics. At least one metric is required.',
		},
		{
			displayName: 'Custom Metrics',
			name: 'customMetrics',
			type: 'string',
			default: '',
			placeholder: 'e.g. NDCG@3, ERR@20, Best@5',
			description:
				'More metrics, comma-separated, each NAME or NAME@k (e.g. NDCG@3). Sent together with the Metrics chosen above.',
		},
		fieldsCollection('additionalFields', [
			{
				displayName: 'Body Override',
				name: 'body',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: "Handlebars request body to use for this run instead of the query template's body",
				routing: { send: { type: 'body', property: 'body' } },
			},
			{
				displayName: 'Content Type Override',
				name: 'content_type',
				type: 'string',
				default: '',
				placeholder: 'e.g. application/json',
				description: "Content type of the body for this run instead of the query template's",
				routing: { send: { type: 'body', property: 'content_type' } },
			},
			{
				displayName: 'Headers Override',
				name: 'headers',
				type: 'json',
				default: '{}',
				description: 'Request headers for this run, as a JSON object of header names to text values',
			},
			{
				displayName: 'Query String Override',
				name: 'query_string',
				type: 'string',
				default: '',
				placeholder: 'e.g. ?size=20',
				description: "Handlebars query string to use for this run instead of the query template's",
				routing: { send: { type: 'body', property: 'query_string' } },
			},
		]),
		waitForCompletionOptions('run'),
	],
});

