import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { NODE_TYPE, buildNode, nodeTypes, workflowInSequence } from '../../harness';
import { byId, failureOf, useMockReleval, type TestContext } from '../../helpers';
import { seedRun, setRunResults, setRunStatus, type QueryResult } from '../../mock/lifecycle';
import { NIGHTLY_METRICS } from '../../mock/comparisonDemo';
import { DEMO_IDS, seedDemoData } from '../../mock/seed';
import type { Resource } from '../../mock/state';

/*
 * Evaluation Run → Compare against the mock Releval, with runs whose metric values and results are set by each
 * test. Workflow runs (n8n's WorkflowExecute, which runs the operation's customOperations entry and can fill the
 * "Regressed" output) are the main path; the RoutingNode path is the one n8n uses when the node is an AI tool.
 */

const compare = (extra: INodeParameters): INodeParameters => ({ resource: 'evaluationRun', operation: 'compare', ...extra });

interface RunSetup {
	metrics?: Record<string, number>;
	status?: 'completed' | 'running' | 'failed' | 'cancelled';
	locked?: boolean;
	results?: QueryResult[];
	name?: string;
}

function evaluationOf(t: TestContext, name = 'Nightly'): Resource {
	return t.mock.state.evaluations.insert({ name, endpoint_id: 'EP1', query_set_id: 'QS1', query_template_id: 'QT1' });
}

/** A run of `evaluation` with exactly these metric values (and results, when given). */
function runOf(t: TestContext, evaluation: Resource, setup: RunSetup = {}): Resource {
	const metrics = setup.metrics ?? { 'NDCG@10': 0.5 };
	const run = seedRun(t.mock, {
		evaluation_id: evaluation.id,
		name: setup.name ?? 'Run',
		metrics: Object.keys(metrics),
		status: 'running',
		locked: setup.locked ?? false,
	});
	const status = setup.status ?? 'completed';
	setRunStatus(t.mock, run.id, status);
	if (setup.results) {
		// the mock computes each query's metric values from its grades; keep the ones the test set
		const perQuery = setup.results.map((result) => result.metric_values);
		setRunResults(t.mock, run.id, setup.results);
		setup.results.forEach((result, index) => {
			if (perQuery[index]) result.metric_values = perQuery[index];
		});
	}
	return t.mock.state.runs.update(run.id, { metric_values: status === 'completed' ? metrics : {} });
}

let queryIds = 0;

/** One query of a run's results: its candidates (id, grade) in rank order; ids differ per run, as the mock's do. */
function query(text: string, candidates: Array<[string, number | null]>, metricValues?: Record<string, number>): QueryResult {
	queryIds += 1;
	return {
		query_id: `query-${queryIds}`,
		query: text,
		candidates: candidates.map(([id, grade]) => ({ id, title: `Title of ${id}`, grade })),
		...(metricValues ? { metric_values: metricValues } : {}),
	};
}

interface Outputs {
	outputs: IDataObject[][];
	error?: { message: string; description?: string | null };
}

/** Runs Start → Compare as a workflow through n8n's WorkflowExecute (which runs Compare's custom operation). */
async function runCompare(t: TestContext, parameters: INodeParameters, options: { continueOnFail?: boolean } = {}): Promise<Outputs> {
	const run = await t.harness.runWorkflow(workflowInSequence(buildNode(NODE_TYPE, parameters, { name: 'Compare', ...options })));
	const task = run.data.resultData.runData.Compare?.[0];
	const outputs = (task?.data?.main ?? []).map((items) => (items ?? []).map((item: INodeExecutionData) => item.json));
	const error = run.data.resultData.error as Outputs['error'];
	return { outputs, error };
}

/**
 * Runs Compare's custom operation on several input items, as WorkflowExecute does (an ExecuteContext of the node
 * with the items as its input): the test workflows start with one item.
 */
async function runCompareOnItems(
	t: TestContext,
	parameters: INodeParameters,
	items: IDataObject[],
	continueOnFail = false,
): Promise<IDataObject[][]> {
	const context = t.harness.executeContext(t.harness.node(parameters, continueOnFail), items.map((json) => ({ json })));
	const customOperation = (nodeTypes.getByName(NODE_TYPE) as INodeType).customOperations!.evaluationRun.compare;
	const outputs = (await customOperation.call(context)) as INodeExecutionData[][];
	return outputs.map((output) => output.map((item) => item.json));
}

describe('Evaluation Run → Compare', () => {
	const t = useMockReleval();

	describe('metrics and verdict', () => {
		test('exact deltas and relative deltas per metric; a metric only one run has is listed, not compared', async () => {
			const evaluation = evaluationOf(t);
			const baseline = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.71, MAP: 0.5, 'Recall@20': 0.9 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.69, MAP: 0.55, 'Recall@20': 0.9, 'Custom@5': 1 } });
			const { outputs } = await runCompare(t, compare({ runId: byId(candidate.id) }));
			expect(outputs).toHaveLength(1);
			expect(outputs[0]).toHaveLength(1);
			const [item] = outputs[0];
			expect(item).toMatchObject({
				verdict: 'regressed',
				regressed_metrics: ['NDCG@10'],
				candidate: { id: candidate.id, status: 'completed', evaluation_id: evaluation.id },
				baseline: { id: baseline.id, status: 'completed', chosen_as: 'the previous completed run of the same evaluation' },
				metrics_not_compared: { only_in_baseline: [], only_in_candidate: ['Custom@5'] },
			});
			expect(item.metrics).toEqual({
				'NDCG@10': { baseline: 0.71, candidate: 0.69, delta: -0.02, relative_delta: -0.0281690141, regressed: true, max_drop: 0 },
				MAP: { baseline: 0.5, candidate: 0.55, delta: 0.05, relative_delta: 0.1, regressed: false, max_drop: 0 },
				'Recall@20': { baseline: 0.9, candidate: 0.9, delta: 0, relative_delta: 0, regressed: false, max_drop: 0 },
			});
			expect(item.summary).toBe('Regressed: NDCG@10 fell by 0.02 (0.71 → 0.69, -2.82 %), more than the allowed 0');
			expect(item.queries).toBeUndefined();
			// Simplify on: the two runs and the run list, no results
			expect(t.mock.apiRequests.map((request) => request.operationId)).toEqual([
				'getEvaluationRun',
				'listEvaluationRuns',
			]);
		});

		test.each([
			['absolute limit met exactly: not a regression', [{ metric: 'NDCG@10', maxDrop: 0.02, measure: 'absolute' }], 'passed', []],
			['absolute limit exceeded', [{ metric: 'NDCG@10', maxDrop: 0.0199, measure: 'absolute' }], 'regressed', ['NDCG@10']],
			['relative limit exceeded (2.82 % > 2 %)', [{ metric: 'NDCG@10', maxDrop: 2, measure: 'relative' }], 'regressed', ['NDCG@10']],
			['relative limit met (2.82 % ≤ 3 %)', [{ metric: 'NDCG@10', maxDrop: 3, measure: 'relative' }], 'passed', []],
			[
				'absolute and relative on one metric: either exceeded regresses',
				[
					{ metric: 'NDCG@10', maxDrop: 0.05, measure: 'absolute' },
					{ metric: 'NDCG@10', maxDrop: 1, measure: 'relative' },
				],
				'regressed',
				['NDCG@10'],
			],
			['* limits every metric both runs have', [{ metric: '*', maxDrop: 0.01, measure: 'absolute' }], 'regressed', ['NDCG@10', 'MRR@10']],
			['a metric without a threshold is not checked', [{ metric: 'MAP', maxDrop: 0, measure: 'absolute' }], 'improved', []],
		])('thresholds: %s', async (_, threshold, verdict, regressed) => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.71, MAP: 0.5, 'MRR@10': 0.8 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.69, MAP: 0.55, 'MRR@10': 0.75 } });
			const { outputs } = await runCompare(t, compare({ runId: byId(candidate.id), thresholds: { threshold } }));
			expect(outputs[0][0]).toMatchObject({ verdict, regressed_metrics: regressed });
		});

		test('verdict "improved" when no checked metric fell and one rose; "passed" when nothing moved', async () => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.6, MAP: 0.4 } });
			const better = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.65, MAP: 0.4 } });
			const same = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.65, MAP: 0.4 } });
			expect((await runCompare(t, compare({ runId: byId(better.id) }))).outputs[0][0]).toMatchObject({ verdict: 'improved' });
			expect((await runCompare(t, compare({ runId: byId(same.id) }))).outputs[0][0]).toMatchObject({
				verdict: 'passed',
				baseline: { id: better.id },
			});
		});
	});

	describe('baseline', () => {
		test('previous completed run: the newest completed run created before the candidate, across pages of the run list', async () => {
			const evaluation = evaluationOf(t);
			const other = evaluationOf(t, 'Other');
			for (let index = 0; index < 149; index++) runOf(t, evaluation, { metrics: { 'NDCG@10': 0.1 } });
			const previous = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.5 }, name: 'Previous' });
			runOf(t, evaluation, { status: 'failed' });
			runOf(t, other, { metrics: { 'NDCG@10': 0.9 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.55 } });
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.99 }, name: 'Later' });
			const { outputs } = await runCompare(t, compare({ runId: byId(candidate.id), baseline: 'previousCompleted' }));
			expect(outputs[0][0]).toMatchObject({ verdict: 'improved', baseline: { id: previous.id, name: 'Previous' } });
			const pages = t.mock.apiRequests.filter((request) => request.operationId === 'listEvaluationRuns').map((request) => request.query.page);
			expect(pages).toEqual(['1', '2']);
		});

		test('newest locked run: the accepted reference, even when later runs completed', async () => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.4 }, locked: true });
			const locked = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.7 }, locked: true, name: 'Accepted' });
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.5 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.6 } });
			const { outputs } = await runCompare(t, compare({ runId: byId(candidate.id), baseline: 'newestLocked' }));
			expect(outputs[0][0]).toMatchObject({
				verdict: 'regressed',
				baseline: { id: locked.id, locked: true, chosen_as: 'the newest locked run of the same evaluation' },
				metrics: { 'NDCG@10': { delta: -0.1 } },
			});
		});

		test('a specific run, by ID: two GETs and no list', async () => {
			const evaluation = evaluationOf(t);
			const chosen = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.3 } });
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.9 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.6 } });
			const { outputs } = await runCompare(t, compare({ runId: byId(candidate.id), baseline: 'specificRun', baselineRunId: byId(chosen.id) }));
			expect(outputs[0][0]).toMatchObject({ verdict: 'improved', baseline: { id: chosen.id, chosen_as: 'the chosen baseline run' } });
			expect(t.mock.apiRequests.map((request) => request.path)).toEqual([
				`/api/v1/evaluations/runs/${candidate.id}`,
				`/api/v1/evaluations/runs/${chosen.id}`,
			]);
		});

		test('runs of different evaluations are compared only with Allow Different Evaluations', async () => {
			const baseline = runOf(t, evaluationOf(t, 'A'), { metrics: { 'NDCG@10': 0.5 } });
			const candidate = runOf(t, evaluationOf(t, 'B'), { metrics: { 'NDCG@10': 0.5 } });
			const parameters = compare({ runId: byId(candidate.id), baseline: 'specificRun', baselineRunId: byId(baseline.id) });
			const refused = await runCompare(t, parameters);
			expect(refused.error?.message).toBe('The two runs belong to different evaluations');
			expect(refused.error?.description).toContain('turn on "Allow Different Evaluations"');
			const allowed = await runCompare(t, { ...parameters, allowDifferentEvaluations: true });
			expect(allowed.outputs[0][0]).toMatchObject({ verdict: 'passed' });
		});
	});

	describe('on regression', () => {
		function regressingPair() {
			const evaluation = evaluationOf(t);
			const baseline = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.71, MAP: 0.5 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.668, MAP: 0.45 } });
			return { evaluation, baseline, candidate };
		}

		test('Output the Verdict (default): one output, the item says "regressed"', async () => {
			const { candidate } = regressingPair();
			const { outputs, error } = await runCompare(t, compare({ runId: byId(candidate.id) }));
			expect(error).toBeUndefined();
			expect(outputs).toHaveLength(1);
			expect(outputs[0][0]).toMatchObject({ verdict: 'regressed', regressed_metrics: ['NDCG@10', 'MAP'] });
		});

		test('Fail the Item: the error names each regressed metric with its numbers', async () => {
			const { baseline, candidate } = regressingPair();
			const { error, outputs } = await runCompare(t, compare({ runId: byId(candidate.id), onRegression: 'failItem' }));
			expect(outputs).toEqual([]);
			expect(error?.message).toBe(
				'Search relevance regressed: NDCG@10 fell by 0.042 (0.71 → 0.668, -5.92 %), more than the allowed 0; MAP fell by 0.05 (0.5 → 0.45, -10 %), more than the allowed 0',
			);
			expect(error?.description).toContain(`Candidate: run ${candidate.id} "Run"; baseline: run ${baseline.id} "Run" (the previous completed run of the same evaluation).`);
			expect(error?.description).toContain('Operation: Evaluation Run → Compare');
		});

		test('Fail the Item with On Error → Continue: an error item instead', async () => {
			const { candidate } = regressingPair();
			const { error, outputs } = await runCompare(t, compare({ runId: byId(candidate.id), onRegression: 'failItem' }), { continueOnFail: true });
			expect(error).toBeUndefined();
			expect(outputs[0]).toHaveLength(1);
			expect(outputs[0][0].error).toMatch(/^Search relevance regressed: NDCG@10 fell by 0.042/);
			expect((outputs[0][0].details as IDataObject).description).toContain('MAP fell by 0.05');
		});

		test('Send to a Regressed Output: regressions leave by the second output, the rest by the first', async () => {
			const { evaluation, candidate } = regressingPair();
			const better = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.7, MAP: 0.46 } });
			const outputs = await runCompareOnItems(t, compare({ runId: byId('={{ $json.run }}'), onRegression: 'secondOutput' }), [
				{ run: candidate.id },
				{ run: better.id },
			]);
			expect(outputs).toHaveLength(2);
			expect(outputs[0].map((item) => [(item.candidate as IDataObject).id, item.verdict])).toEqual([[better.id, 'improved']]);
			expect(outputs[1].map((item) => [(item.candidate as IDataObject).id, item.verdict])).toEqual([[candidate.id, 'regressed']]);
		});

		test('the node has the "Passed" and "Regressed" outputs only when Compare sends regressions there', () => {
			const description = (nodeTypes.getByName(NODE_TYPE) as INodeType).description;
			const outputsFor = (parameters: INodeParameters) => {
				const node = t.harness.node(parameters);
				const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
				return NodeHelpers.getNodeOutputs(workflow, node, description);
			};
			expect(outputsFor(compare({ onRegression: 'secondOutput' }))).toEqual([
				{ type: 'main', displayName: 'Passed' },
				{ type: 'main', displayName: 'Regressed' },
			]);
			expect(outputsFor(compare({ onRegression: 'failItem' }))).toEqual(['main']);
			expect(outputsFor({ resource: 'evaluationRun', operation: 'get', onRegression: 'secondOutput' })).toEqual(['main']);
			expect(outputsFor({ resource: 'evaluation', operation: 'getAll' })).toEqual(['main']);
		});

		test('as an AI tool (RoutingNode): the same verdict on the one output; Fail the Item fails the call', async () => {
			const { candidate } = regressingPair();
			const [item] = await t.harness.run(compare({ runId: byId(candidate.id), onRegression: 'secondOutput' }));
			const { outputs } = await runCompare(t, compare({ runId: byId(candidate.id) }));
			expect(item.json).toEqual(outputs[0][0]);
			await expect(t.harness.run(compare({ runId: byId(candidate.id), onRegression: 'failItem' }))).rejects.toThrow(
				'Search relevance regressed: NDCG@10 fell by 0.042',
			);
		});
	});

	describe('clear errors, nothing guessed', () => {
		test.each([
			['running', 'Candidate', 'is running, not completed'],
			['failed', 'Candidate', 'is failed, not completed'],
		])('a %s candidate', async (status) => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation);
			const candidate = runOf(t, evaluation, { status: status as RunSetup['status'] });
			const { error } = await runCompare(t, compare({ runId: byId(candidate.id) }));
			expect(error?.message).toBe(`Candidate run ${candidate.id} "Run" is ${status}, not completed`);
			expect(error?.description).toContain('Wait for Completion');
		});

		test('a baseline that did not complete', async () => {
			const evaluation = evaluationOf(t);
			const baseline = runOf(t, evaluation, { status: 'cancelled' });
			const candidate = runOf(t, evaluation);
			const { error } = await runCompare(t, compare({ runId: byId(candidate.id), baseline: 'specificRun', baselineRunId: byId(baseline.id) }));
			expect(error?.message).toBe(`Baseline run ${baseline.id} "Run" is cancelled, not completed`);
		});

		test('no previous completed run', async () => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation, { status: 'failed' });
			const candidate = runOf(t, evaluation);
			runOf(t, evaluation);
			const { error } = await runCompare(t, compare({ runId: byId(candidate.id) }));
			expect(error?.message).toBe(`No baseline: evaluation ${evaluation.id} has no completed run before run ${candidate.id} "Run"`);
		});

		test('no locked run', async () => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation);
			const candidate = runOf(t, evaluation, { locked: true });
			const { error } = await runCompare(t, compare({ runId: byId(candidate.id), baseline: 'newestLocked' }));
			expect(error?.message).toBe(`No baseline: evaluation ${evaluation.id} has no locked run`);
		});

		test('metric sets that do not overlap', async () => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation, { metrics: { MAP: 0.5 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.5 } });
			const { error } = await runCompare(t, compare({ runId: byId(candidate.id) }));
			expect(error?.message).toBe('The two runs have no metric in common');
			expect(error?.description).toContain('Metrics of the baseline run: MAP.');
			expect(error?.description).toContain('Metrics of the candidate run: NDCG@10.');
		});

		test.each([
			['NDCG@5', '"Thresholds" names "NDCG@5", which neither run has', 'as Releval writes it'],
			['ndcg@10', '"Thresholds" names "ndcg@10", which neither run has', 'did you mean "NDCG@10"?'],
			['ERR@10', '"Thresholds" names "ERR@10", which the baseline run lacks', 'Metrics of the candidate run: NDCG@10, ERR@10.'],
		])('a threshold on %s', async (metric, message, hint) => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.5 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.5, 'ERR@10': 0.3 } });
			const { error } = await runCompare(t, compare({ runId: byId(candidate.id), thresholds: { threshold: [{ metric, maxDrop: 0.01 }] } }));
			expect(error?.message).toBe(message);
			expect(error?.description).toContain(hint);
		});

		test.each([
			[{ thresholds: { threshold: [{ metric: 'NDCG @10', maxDrop: 0 }] } }, '"Thresholds" contains "NDCG @10", which is not a metric name'],
			[{ thresholds: { threshold: [{ metric: '', maxDrop: 0 }] } }, '"Thresholds" has a threshold without a metric'],
			[{ thresholds: { threshold: [{ metric: 'MAP', maxDrop: -0.1 }] } }, '"Thresholds" has Max Drop -0.1 for MAP'],
			[{ baseline: 'specificRun' }, '"Baseline Run" is required'],
			[{ baseline: 'specificRun', baselineRunId: byId('RUN-1') }, '"Baseline Run" is the candidate run itself (RUN-1)'],
			[{ runId: byId(' ') }, '"Candidate Run" is required'],
		])('bad settings stop the item before any request: %j', async (settings, message) => {
			const error = await failureOf(runCompareOnItems(t, compare({ runId: byId('RUN-1'), ...settings }), [{}]));
			expect(error.message).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
			expect(error.description).toContain('nothing was sent to Releval');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('bad settings with On Error → Continue: an error item naming the field', async () => {
			const [[item]] = await runCompareOnItems(t, compare({ runId: byId('RUN-1'), baseline: 'specificRun' }), [{}], true);
			expect(item).toEqual({
				error: '"Baseline Run" is required when comparing with a specific run: choose it from the list or enter its ID',
				details: { description: 'Fix the "Baseline Run" parameter; nothing was sent to Releval.' },
			});
			expect(t.mock.requests).toHaveLength(0);
		});

		test('an unknown candidate is Releval\'s 404, with On Error → Continue an error item for that item only', async () => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.5 } });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.6 } });
			const outputs = await runCompareOnItems(
				t,
				compare({ runId: byId('={{ $json.run }}') }),
				[{ run: '01JNOSUCHRUN00000000000000' }, { run: candidate.id }],
				true,
			);
			expect(outputs[0]).toHaveLength(2);
			expect(outputs[0][0]).toMatchObject({ error: 'Not Found', details: { httpCode: '404' } });
			expect(outputs[0][1]).toMatchObject({ verdict: 'improved' });
		});
	});

	describe("the sandbox's demo data (example 08)", () => {
		test('Tuesday regressed from the locked Monday run; a new nightly run regresses from Tuesday, and the run after it passes', async () => {
			const demo = seedDemoData(t.mock, { autoAdvance: false });
			const { monday, tuesday } = demo.nightlyGate;
			const pair = await runCompare(t, compare({ runId: byId(tuesday.id), baseline: 'newestLocked', simplify: false }));
			expect(pair.outputs[0][0]).toMatchObject({ verdict: 'regressed', regressed_metrics: ['P@5'], baseline: { id: monday.id } });
			expect((pair.outputs[0][0].queries as IDataObject).changed).toBe(20);

			const nightly = (name: string) =>
				seedRun(t.mock, { evaluation_id: DEMO_IDS.evaluationNightly, name, metrics: NIGHTLY_METRICS, status: 'completed' });
			const first = nightly('Nightly — Wednesday');
			const gate = await runCompare(t, compare({ runId: byId(first.id) }));
			expect(gate.outputs[0][0]).toMatchObject({
				verdict: 'regressed',
				regressed_metrics: ['NDCG@10', 'MAP', 'MRR@10'],
				baseline: { id: tuesday.id },
			});
			const second = nightly('Nightly — Thursday');
			expect((await runCompare(t, compare({ runId: byId(second.id) }))).outputs[0][0]).toMatchObject({
				verdict: 'passed',
				baseline: { id: first.id },
			});
		});
	});

	describe('Simplify off: what changed, query by query', () => {
		test('queries whose top k changed, documents that entered or left with their grades, per-query metrics, listed worst first', async () => {
			const evaluation = evaluationOf(t);
			runOf(t, evaluation, {
				metrics: { 'NDCG@10': 0.8 },
				results: [
					query('shoes', [['a', 3], ['b', 2], ['c', null]], { 'NDCG@10': 0.9 }),
					query('socks', [['s1', 2], ['s2', 1]], { 'NDCG@10': 0.7 }),
					query('hats', [['h1', 1], ['h2', 0]], { 'NDCG@10': 0.6 }),
					query('gloves', [['g1', 4]], { 'NDCG@10': 1 }),
				],
			});
			const candidate = runOf(t, evaluation, {
				metrics: { 'NDCG@10': 0.7 },
				results: [
					query('shoes', [['b', 2], ['d', null], ['a', 3]], { 'NDCG@10': 0.6 }),
					query('socks', [['s2', 1], ['s1', 2]], { 'NDCG@10': 0.65 }),
					query('hats', [['h1', 1], ['h2', 0]], { 'NDCG@10': 0.6 }),
					query('scarves', [['x', 1]], { 'NDCG@10': 0.5 }),
				],
			});
			const { outputs } = await runCompare(t, compare({ runId: byId(candidate.id), simplify: false, topK: 3, maxQueries: 25 }));
			expect(outputs[0][0].queries).toEqual({
				top_k: 3,
				compared: 3,
				changed: 2,
				only_in_baseline: 1,
				only_in_candidate: 1,
				listed: 2,
				not_listed: 0,
				changes: [
					{
						query: 'shoes',
						top_k_changed: true,
						entered: [{ id: 'd', rank: 2, title: 'Title of d' }],
						left: [{ id: 'c', rank: 3, title: 'Title of c' }],
						metrics: { 'NDCG@10': { baseline: 0.9, candidate: 0.6, delta: -0.3 } },
					},
					{
						query: 'socks',
						top_k_changed: true,
						entered: [],
						left: [],
						metrics: { 'NDCG@10': { baseline: 0.7, candidate: 0.65, delta: -0.05 } },
					},
				],
			});
		});

		test('Top K bounds the ranks compared; Max Queries Listed bounds the list, the counts cover every query', async () => {
			const evaluation = evaluationOf(t);
			const results = (shift: number) =>
				Array.from({ length: 30 }, (_, index) =>
					query(`q${index}`, [['top', 4], [`x${index}`, 1], [`y${index + shift}`, null]], { 'NDCG@10': 0.5 - (shift ? index / 100 : 0) }),
				);
			runOf(t, evaluation, { results: results(0) });
			const candidate = runOf(t, evaluation, { results: results(1) });
			const onlyTopTwo = await runCompare(t, compare({ runId: byId(candidate.id), simplify: false, topK: 2 }));
			expect(onlyTopTwo.outputs[0][0].queries).toMatchObject({ compared: 30, changed: 29, listed: 25, not_listed: 4 });
			const listed = await runCompare(t, compare({ runId: byId(candidate.id), simplify: false, topK: 3, maxQueries: 3 }));
			const queries = listed.outputs[0][0].queries as IDataObject;
			expect(queries).toMatchObject({ compared: 30, changed: 30, listed: 3, not_listed: 27 });
			// the largest falls first
			expect((queries.changes as IDataObject[]).map((change) => change.query)).toEqual(['q29', 'q28', 'q27']);
		});

		test('two runs of 5,000 queries each', async () => {
			const evaluation = evaluationOf(t);
			const results = (variant: number) =>
				Array.from({ length: 5_000 }, (_, index) =>
					query(
						`query ${index}`,
						Array.from({ length: 10 }, (__, rank): [string, number | null] => [
							`doc-${index}-${variant && index % 10 === 0 && rank === 9 ? 'new' : rank}`,
							rank < 5 ? 4 - (rank % 5) : null,
						]),
					),
				);
			runOf(t, evaluation, { metrics: { 'NDCG@10': 0.8 }, results: results(0) });
			const candidate = runOf(t, evaluation, { metrics: { 'NDCG@10': 0.8 }, results: results(1) });
			const { outputs } = await runCompare(t, compare({ runId: byId(candidate.id), simplify: false }));
			const queries = outputs[0][0].queries as IDataObject;
			expect(queries).toMatchObject({ compared: 5_000, changed: 500, only_in_baseline: 0, only_in_candidate: 0, listed: 25, not_listed: 475 });
			expect((queries.changes as IDataObject[])[0]).toMatchObject({
				entered: [{ id: expect.stringMatching(/^doc-\d+-new$/), rank: 10 }],
				left: [{ id: expect.stringMatching(/^doc-\d+-9$/), rank: 10 }],
			});
		});
	});
});
