import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { defineOperation } from '../../shared/descriptions';
import { errorItemJson, messageFor } from '../../../shared/errors';
import type { ApiContext } from '../../../shared/apiRequest';
import { ComparisonProblem, compareMetrics, describeMetric } from './compare/comparison';
import { compareQueries } from './compare/queryChanges';
import { compareFields } from './compare/fields';
import {
	BASELINE_LABELS,
	chooseBaseline,
	describeRun,
	getResults,
	getRun,
	listRuns,
	requireCompleted,
	type Where,
} from './compare/runs';
import { RUN_FIELD, metricValuesOf } from './compare/runFacts';
import { readSettings, text, type CompareSettings } from './compare/settings';

/*
 * Evaluation Run → Compare: "did the last change make search worse?". Compares a candidate run's metric values with
 * a baseline run's (the previous completed run of the same evaluation, its newest locked run, or a chosen run) and
 * returns one verdict item; with Simplify off, also what changed query by query.
 *
 * Why this operation is also a custom operation. Every other operation is declarative: n8n's RoutingNode builds
 * its request and hands it to the package's routing functions. RoutingNode returns exactly one output
 * (`return [returnData]` in n8n-core 2.41.1 and 1.122.48, the core of n8n 1.123.81), so a declarative operation
 * cannot send items to a second "Regressed" output. n8n's way for one operation of a declarative node to run as
 * code is `customOperations` (INodeType; n8n's WorkflowExecute runs it instead of RoutingNode for that resource
 * and operation, on both lines), so workflow runs of Compare go through `executeCompare` below, which can return
 * two outputs. The node stays declarative otherwise. The operation keeps its declarative routing too, because n8n
 * runs a declarative node used as an AI agent's tool through RoutingNode and ignores `customOperations` there
 * (n8n's node-types.js assigns `execute` = RoutingNode to declarative nodes, and the tool calls `execute`): as a
 * tool, Compare runs through the routing below, with one output (a tool has one anyway). Both paths read the same
 * settings and call the same `compareWithBaseline`; requests go through the package's `apiRequest` / transport.
 */

const OPERATION_LABEL = 'Evaluation Run → Compare';

/** An error about the comparison (no HTTP status), with the message rule of every error of the package. */
function comparisonError(node: INode, itemIndex: number, message: string, lines: string[], facts: JsonObject = {}): NodeApiError {
	const description = [...lines, `Operation: ${OPERATION_LABEL}`].join('\n');
	return new NodeApiError(node, facts, {
		message: messageFor(node, message, description),
		description,
		httpCode: null as unknown as string,
		itemIndex,
	});
}

function runSummary(run: IDataObject): IDataObject {
	const summary: IDataObject = {};
	for (const field of [RUN_FIELD.id, RUN_FIELD.name, RUN_FIELD.status, RUN_FIELD.evaluation, RUN_FIELD.locked, RUN_FIELD.created]) {
		if (run[field] !== undefined) summary[field] = run[field];
	}
	return summary;
}

function metricsOf(run: IDataObject, role: 'Candidate' | 'Baseline'): Record<string, number> {
	const values = metricValuesOf(run);
	if (!values || Object.keys(values).length === 0) {
		throw new ComparisonProblem(`${role} ${describeRun(run)} has no metric values`, [
			`Releval's answer has no numbers under "${RUN_FIELD.metricValues}" for this run.`,
			'Create runs with the metrics to compare (Metrics on Evaluation Run → Create).',
		]);
	}
	return values;
}

async function findBaseline(context: ApiContext, settings: CompareSettings, candidate: IDataObject, where: Where): Promise<IDataObject> {
	if (settings.baseline === 'specificRun') {
		const baseline = await getRun(context, settings.baselineRunId!, where, settings.retry);
		const sameEvaluation = baseline[RUN_FIELD.evaluation] === candidate[RUN_FIELD.evaluation];
		if (!sameEvaluation && !settings.allowDifferentEvaluations) {
			throw new ComparisonProblem('The two runs belong to different evaluations', [
				`Candidate ${describeRun(candidate)} is a run of evaluation ${String(candidate[RUN_FIELD.evaluation])}; baseline ${describeRun(baseline)} of evaluation ${String(baseline[RUN_FIELD.evaluation])}.`,
				'Runs of different evaluations may use other queries, endpoints or templates. To compare them anyway, turn on "Allow Different Evaluations".',
			]);
		}
		return baseline;
	}
	const evaluationId = text(candidate[RUN_FIELD.evaluation]);
	if (!evaluationId) {
		throw new ComparisonProblem(`Candidate ${describeRun(candidate)} names no evaluation`, [
			`Releval's answer has no "${RUN_FIELD.evaluation}", so its other runs cannot be listed.`,
			'Choose the baseline by ID (Compare With → Specific Run).',
		]);
	}
	return chooseBaseline(candidate, await listRuns(context, evaluationId, where, settings.retry), settings.baseline);
}

/** The comparison of the candidate run (already fetched) with its baseline, as the output item's JSON. */
async function compareWithBaseline(context: ApiContext, settings: CompareSettings, candidate: IDataObject, where: Where): Promise<IDataObject> {
	requireCompleted(candidate, 'Candidate');
	const candidateMetrics = metricsOf(candidate, 'Candidate');
	const baseline = await findBaseline(context, settings, candidate, where);
	requireCompleted(baseline, 'Baseline');
	const result = compareMetrics(metricsOf(baseline, 'Baseline'), candidateMetrics, settings.thresholds);
	const described = (names: string[]) => names.map((metric) => describeMetric(metric, result.metrics[metric]));
	const json: IDataObject = {
		verdict: result.verdict,
		regressed_metrics: result.regressedMetrics,
		summary: `${result.verdict[0].toUpperCase()}${result.verdict.slice(1)}: ${(result.regressedMetrics.length
			? described(result.regressedMetrics)
			: described(Object.keys(result.metrics))
		).join('; ')}`,
		candidate: runSummary(candidate),
		baseline: { ...runSummary(baseline), chosen_as: BASELINE_LABELS[settings.baseline] },
		metrics: result.metrics,
		metrics_not_compared: { only_in_baseline: result.onlyInBaseline, only_in_candidate: result.onlyInCandidate },
	};
	if (!settings.simplify) {
		const [baselineQueries, candidateQueries] = await Promise.all([
			getResults(context, String(baseline[RUN_FIELD.id]), where, settings.retry),
			getResults(context, String(candidate[RUN_FIELD.id]), where, settings.retry),
		]);
		json.queries = compareQueries(baselineQueries, candidateQueries, {
			topK: settings.topK,
			maxQueries: settings.maxQueries,
			metrics: Object.keys(result.metrics),
			orderBy: result.regressedMetrics[0] ?? Object.keys(result.metrics)[0],
		});
	}
	return json;
}

/** "Fail the Item": the node error names each regressed metric with its numbers. */
function regressionError(node: INode, itemIndex: number, json: IDataObject): NodeApiError {
	const metrics = json.metrics as Record<string, Parameters<typeof describeMetric>[1]>;
	const regressed = json.regressed_metrics as string[];
	const lines = regressed.map((metric) => describeMetric(metric, metrics[metric]));
	const candidate = json.candidate as IDataObject;
	const baseline = json.baseline as IDataObject;
	return comparisonError(
		node,
		itemIndex,
		`Search relevance regressed: ${lines.join('; ')}`,
		[
			...lines,
			`Candidate: ${describeRun(candidate)}; baseline: ${describeRun(baseline)} (${String(baseline.chosen_as)}).`,
		],
		{ verdict: 'regressed', regressedMetrics: regressed, candidateRunId: String(candidate.id), baselineRunId: String(baseline.id) },
	);
}

function toNodeError(node: INode, itemIndex: number, error: unknown): Error {
	if (error instanceof ComparisonProblem) return comparisonError(node, itemIndex, error.message, error.lines);
	return error as Error;
}

// ---------------------------------------------------------------------------------------------------------------
// Declarative path (RoutingNode: the node as an AI agent's tool): GET the candidate, then compare in post-receive.

function readFromRouting(context: IExecuteSingleFunctions): CompareSettings {
	return readSettings(
		(name, fallback, asId) => context.getNodeParameter(name, fallback, asId ? { extractValue: true } : {}),
		(label, problem) =>
			new NodeOperationError(context.getNode(), `"${label}" ${problem}`, {
				itemIndex: context.getItemIndex(),
				description: `Fix the "${label}" parameter; nothing was sent to Releval.`,
			}),
	);
}

/** Stops bad settings before the candidate is requested. */
function checkSettings(): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		readFromRouting(this);
		return requestOptions;
	};
}

/** Compares the candidate run the routed request returned; "Fail the Item" throws, the rest output the verdict. */
function compareRoutedCandidate(): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const settings = readFromRouting(this);
		const itemIndex = this.getItemIndex();
		const where = { operation: OPERATION_LABEL, itemIndex };
		const candidate = (response.body && typeof response.body === 'object' ? response.body : items[0]?.json) as IDataObject;
		try {
			const json = await compareWithBaseline(this, settings, candidate, where);
			if (json.verdict === 'regressed' && settings.onRegression === 'failItem') throw regressionError(this.getNode(), itemIndex, json);
			return [{ json }];
		} catch (error) {
			throw toNodeError(this.getNode(), itemIndex, error);
		}
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Workflow path (n8n's customOperations): every item, with a second output for regressions when chosen.

/** Runs Compare for every input item; returns [passed] or, with the Regressed output, [passed, regressed]. */
export async function executeCompare(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const items = this.getInputData();
	const withRegressedOutput = this.getNodeParameter('onRegression', 0, 'outputVerdict') === 'secondOutput';
	const passed: INodeExecutionData[] = [];
	const regressed: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		try {
			const settings = readSettings(
				(name, fallback, asId) => this.getNodeParameter(name, itemIndex, fallback, asId ? { extractValue: true } : {}),
				(label, problem) =>
					new NodeOperationError(node, `"${label}" ${problem}`, {
						itemIndex,
						description: `Fix the "${label}" parameter; nothing was sent to Releval.`,
					}),
			);
			const where = { operation: OPERATION_LABEL, itemIndex };
			const candidate = await getRun(this, settings.candidateRunId, where, settings.retry);
			const json = await compareWithBaseline(this, settings, candidate, where);
			if (json.verdict === 'regressed' && settings.onRegression === 'failItem') throw regressionError(node, itemIndex, json);
			(json.verdict === 'regressed' && withRegressedOutput ? regressed : passed).push({ json, pairedItem });
		} catch (caught) {
			const error = toNodeError(node, itemIndex, caught);
			if (!this.continueOnFail()) throw error;
			// the package's error item: { error, details } (bad settings have no HTTP details, only the description)
			const json =
				error instanceof NodeApiError
					? errorItemJson(error)
					: { error: error.message, details: { description: (error as NodeOperationError).description ?? undefined } };
			passed.push({ json, pairedItem });
		}
	}
	return withRegressedOutput ? [passed, regressed] : [passed];
}

// ---------------------------------------------------------------------------------------------------------------
// The operation


export const compareOperation = defineOperation({
	name: 'Compare',
	value: 'compare',
	action: 'Compare an evaluation run with a baseline: did the last change make search worse?',
	description:
		'Answers "did the last change make search worse?": compares the metric values of a completed evaluation run with a baseline run — the previous completed run of the same evaluation, its newest locked run, or a chosen run — and returns one verdict (passed, regressed or improved) with each metric\'s baseline and candidate value, change, relative change and whether it regressed beyond its threshold. With Simplify off, also lists the queries whose top results changed, the documents that entered or left the top K and their grades.',
	endpoint: 'getEvaluationRun',
	fields: compareFields,
	preSend: [checkSettings()],
	postReceive: [compareRoutedCandidate()],
});
