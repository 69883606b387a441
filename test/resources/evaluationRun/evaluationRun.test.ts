import type { INodeListSearchResult, INodeParameters } from 'n8n-workflow';

import { listSearch } from '../../../nodes/Releval/listSearch';
import { byId, failureOf, useMockReleval, type TestContext } from '../../helpers';
import { enableAutoAdvance, runResults, seedRun, setRunStatus } from '../../mock/lifecycle';
import { DEFAULT_CLIENT } from '../../mock/server';

const run = (extra: INodeParameters) => ({ resource: 'evaluationRun', ...extra });

function seedEvaluation(t: TestContext, name = 'Baseline') {
	return t.mock.state.evaluations.insert({ name, endpoint_id: 'EP1', query_set_id: 'QS1', query_template_id: 'QT1' });
}

describe('Evaluation Run', () => {
	const t = useMockReleval();

	describe('Create', () => {
		test('sends name, scale, the chosen and custom metrics and the overrides, and returns the pending run', async () => {
			const evaluation = seedEvaluation(t);
			const [item] = await t.harness.run(
				run({
					operation: 'create',
					evaluationId: byId(evaluation.id),
					name: 'Run 1 - Baseline',
					scale: 'detailed',
					metrics: ['NDCG@10', 'MAP'],
					customMetrics: ' ERR@20 ,Recall@5, NDCG@10 ',
					additionalFields: {
						body: '{"query": {"match": {"title": "{{query}}"}}}',
						query_string: '?size=20',
						content_type: 'application/json',
						headers: '{"X-Api-Key": "k-123"}',
					},
				}),
			);
			const request = t.mock.apiRequests[0];
			expect(request.method).toBe('POST');
			expect(request.path).toBe(`/api/v1/evaluations/${evaluation.id}/runs`);
			expect(request.body).toEqual({
				name: 'Run 1 - Baseline',
				scale: 'detailed',
				metrics: ['NDCG@10', 'MAP', 'ERR@20', 'Recall@5'],
				body: '{"query": {"match": {"title": "{{query}}"}}}',
				query_string: '?size=20',
				content_type: 'application/json',
				headers: { 'X-Api-Key': 'k-123' },
			});
			expect(item.json).toMatchObject({ evaluation_id: evaluation.id, status: 'pending', locked: false, scale: 'detailed' });
			expect(t.mock.state.runs.get(String(item.json.id)).metrics).toEqual(['NDCG@10', 'MAP', 'ERR@20', 'Recall@5']);
		});

		test('without overrides sends only name, scale and metrics', async () => {
			const evaluation = seedEvaluation(t);
			await t.harness.run(
				run({ operation: 'create', evaluationId: byId(evaluation.id), name: 'R', scale: 'binary', metrics: ['P@10'] }),
			);
			expect(t.mock.apiRequests[0].body).toEqual({ name: 'R', scale: 'binary', metrics: ['P@10'] });
		});

		test.each([
			['NDCG@ten'],
			['NDCG@0'],
			['@10'],
			['NDCG 10'],
			['MAP,,P@x'],
		])('Custom Metrics "%s" is rejected before any request, naming the field', async (customMetrics) => {
			const evaluation = seedEvaluation(t);
			const error = await failureOf(
				t.harness.run(
					run({ operation: 'create', evaluationId: byId(evaluation.id), name: 'R', scale: 'graded', customMetrics }),
				),
			);
			expect(error.message).toMatch(/^"Custom Metrics" contains ".+", which is not a metric name/);
			expect(t.mock.requests).toHaveLength(0);
		});

		test('no metric at all is rejected before any request', async () => {
			const evaluation = seedEvaluation(t);
			await expect(
				t.harness.run(
					run({ operation: 'create', evaluationId: byId(evaluation.id), name: 'R', scale: 'graded', metrics: [], customMetrics: ' , ' }),
				),
			).rejects.toThrow('"Metrics" is required');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('Headers Override follows the one header-map policy: numbers and booleans are sent as their text', async () => {
			const evaluation = seedEvaluation(t);
			await t.harness.run(
				run({
					operation: 'create',
					evaluationId: byId(evaluation.id),
					name: 'R',
					scale: 'graded',
					additionalFields: { headers: '{"X-Retries": 3, "X-Debug": true, "X-Api-Key": "k"}' },
				}),
			);
			expect((t.mock.apiRequests[0].body as { headers: unknown }).headers).toEqual({ 'X-Retries': '3', 'X-Debug': 'true', 'X-Api-Key': 'k' });
		});

		test('invalid Headers Override JSON is rejected before any request', async () => {
			const evaluation = seedEvaluation(t);
			await expect(
				t.harness.run(
					run({
						operation: 'create',
						evaluationId: byId(evaluation.id),
						name: 'R',
						scale: 'graded',
						additionalFields: { headers: '{"X-Api-Key": ' },
					}),
				),
			).rejects.toThrow('"Headers Override" is not valid JSON');
			expect(t.mock.requests).toHaveLength(0);
		});

		test.each([
			['["a"]', 'must be a JSON object'],
			['{"X-Retries": [3]}', '"X-Retries" is an array'],
		])('Headers Override %s is rejected before any request', async (headers, problem) => {
			const evaluation = seedEvaluation(t);
			await expect(
				t.harness.run(
					run({ operation: 'create', evaluationId: byId(evaluation.id), name: 'R', scale: 'graded', additionalFields: { headers } }),
				),
			).rejects.toThrow(problem);
			expect(t.mock.requests).toHaveLength(0);
		});

		test('an empty Name stops before any request', async () => {
			const evaluation = seedEvaluation(t);
			await expect(
				t.harness.run(run({ operation: 'create', evaluationId: byId(evaluation.id), name: ' ', scale: 'graded' })),
			).rejects.toThrow('"Name" is required');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('an empty Evaluation stops before any request', async () => {
			await expect(
				t.harness.run(run({ operation: 'create', evaluationId: byId(''), name: 'R', scale: 'graded' })),
			).rejects.toThrow('"Evaluation" is required');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('an evaluation that does not exist surfaces Releval\'s 404', async () => {
			const error = await failureOf(
				t.harness.run(run({ operation: 'create', evaluationId: byId('01JMISSING'), name: 'R', scale: 'graded' })),
			);
			expect(error.httpCode).toBe('404');
			expect(error.description).toContain('Evaluation 01JMISSING was not found.');
		});
	});

	test('Get Many lists the runs of one evaluation, paging with page and pageSize', async () => {
		const evaluation = seedEvaluation(t);
		const other = seedEvaluation(t, 'Other');
		const first = seedRun(t.mock, { evaluation_id: evaluation.id, name: 'A' });
		seedRun(t.mock, { evaluation_id: other.id, name: 'Not mine' });
		const second = seedRun(t.mock, { evaluation_id: evaluation.id, name: 'B', status: 'completed' });
		const items = await t.harness.run(run({ operation: 'getAll', evaluationId: byId(evaluation.id), returnAll: true }));
		expect(items.map((item) => item.json.id)).toEqual([first.id, second.id]);
		expect(items[1].json).toMatchObject({ status: 'completed', metric_values: { 'NDCG@10': expect.any(Number) } });
		expect(t.mock.apiRequests[0]).toMatchObject({
			method: 'GET',
			path: `/api/v1/evaluations/${evaluation.id}/runs`,
			query: { page: '1', pageSize: '100' },
		});
	});

	test('Get fetches one run by its own path', async () => {
		const seeded = seedRun(t.mock, { name: 'Nightly', status: 'running' });
		const [item] = await t.harness.run(run({ operation: 'get', runId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/evaluations/runs/${seeded.id}` });
		expect(item.json).toMatchObject({ id: seeded.id, name: 'Nightly', status: 'running' });
	});

	test('run IDs are URL-encoded into the path, and an empty one stops before any request', async () => {
		await expect(t.harness.run(run({ operation: 'get', runId: byId('a/b?c') }))).rejects.toThrow('Not Found');
		expect(t.mock.apiRequests[0].path).toBe('/api/v1/evaluations/runs/a%2Fb%3Fc');
		t.mock.clearLog();
		await expect(t.harness.run(run({ operation: 'start', runId: byId('  ') }))).rejects.toThrow(
			'"Evaluation Run" is required',
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	describe('Start', () => {
		test('queues a pending run', async () => {
			const seeded = seedRun(t.mock);
			const [item] = await t.harness.run(run({ operation: 'start', runId: byId(seeded.id) }));
			expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: `/api/v1/evaluations/runs/${seeded.id}/start` });
			expect(item.json).toMatchObject({ id: seeded.id, status: 'queued' });
			expect(t.mock.state.runs.get(seeded.id).status).toBe('queued');
		});

		test('a run that is not pending is refused with Releval\'s 400', async () => {
			const seeded = seedRun(t.mock, { status: 'completed' });
			const error = await failureOf(t.harness.run(run({ operation: 'start', runId: byId(seeded.id) })));
			expect(error.httpCode).toBe('400');
			expect(error.message).toBe('Run is not pending');
		});
	});

	describe('Stop', () => {
		test.each(['queued', 'running'] as const)('cancels a %s run and returns id, status and update time', async (status) => {
			const seeded = seedRun(t.mock, { status });
			const [item] = await t.harness.run(run({ operation: 'stop', runId: byId(seeded.id) }));
			expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: `/api/v1/evaluations/runs/${seeded.id}/stop` });
			expect(item.json).toEqual({ id: seeded.id, status: 'cancelled', updated: expect.any(String) });
			expect(t.mock.state.runs.get(seeded.id).status).toBe('cancelled');
		});

		test.each(['pending', 'completed', 'failed', 'cancelled'] as const)(
			'on a %s run surfaces the 400 problem "Run is not queued or running"',
			async (status) => {
				const seeded = seedRun(t.mock, { status });
				const error = await failureOf(t.harness.run(run({ operation: 'stop', runId: byId(seeded.id) })));
				expect(error.message).toBe('Run is not queued or running');
				expect(error.httpCode).toBe('400');
				expect(error.description).toContain(`Evaluation run ${seeded.id} is ${status}; only a queued or running run can be stopped.`);
				expect(t.mock.state.runs.get(seeded.id).status).toBe(status);
			},
		);

		test('under Continue On Fail the 400 becomes an error item', async () => {
			const seeded = seedRun(t.mock, { status: 'completed' });
			const [item] = await t.harness.run(run({ operation: 'stop', runId: byId(seeded.id) }), { continueOnFail: true });
			expect(item.json).toMatchObject({ error: 'Run is not queued or running' });
			expect(JSON.stringify(item.json)).toContain('only a queued or running run can be stopped');
		});
	});

	describe('Get Results', () => {
		test('Simplify (default) returns one item per query with candidate IDs, titles and grades', async () => {
			const seeded = seedRun(t.mock, { status: 'completed', metrics: ['NDCG@10', 'P@5'] });
			const results = runResults(t.mock, seeded.id);
			const items = await t.harness.run(run({ operation: 'getResults', runId: byId(seeded.id) }));
			expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/evaluations/runs/${seeded.id}/results` });
			expect(items).toHaveLength(results.length);
			expect(items[0].json).toEqual({
				query_id: results[0].query_id,
				query: results[0].query,
				metric_values: results[0].metric_values,
				candidates: results[0].candidates.map(({ id, title, grade }) => ({ id, title, grade })),
			});
		});

		test('with Simplify off returns Releval\'s full answer, candidate fields and images included', async () => {
			const seeded = seedRun(t.mock, { status: 'completed' });
			const items = await t.harness.run(run({ operation: 'getResults', runId: byId(seeded.id), simplify: false }));
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ run_id: seeded.id, status: 'completed' });
			const queries = items[0].json.queries as Array<{ candidates: Array<Record<string, unknown>> }>;
			expect(queries).toHaveLength(runResults(t.mock, seeded.id).length);
			expect(queries[0].candidates[0]).toHaveProperty('image');
			expect(queries[0].candidates[0]).toHaveProperty('fields');
		});

		test('a run that has not run yet has no results', async () => {
			const seeded = seedRun(t.mock);
			const items = await t.harness.run(run({ operation: 'getResults', runId: byId(seeded.id) }));
			expect(items).toEqual([]);
		});
	});

	test('Clone creates a new pending run with the same settings', async () => {
		const seeded = seedRun(t.mock, {
			name: 'Tuned',
			scale: 'binary',
			metrics: ['P@10', 'MRR'],
			query_string: '?size=50',
			status: 'failed',
		});
		const [item] = await t.harness.run(run({ operation: 'clone', runId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: `/api/v1/evaluations/runs/${seeded.id}/clone` });
		expect(item.json.id).not.toBe(seeded.id);
		expect(item.json).toMatchObject({
			evaluation_id: seeded.evaluation_id,
			name: 'Tuned',
			scale: 'binary',
			metrics: ['P@10', 'MRR'],
			query_string: '?size=50',
			status: 'pending',
			locked: false,
		});
		expect(t.mock.state.runs.all()).toHaveLength(2);
	});

	test('Lock locks the run', async () => {
		const seeded = seedRun(t.mock, { status: 'completed' });
		const [item] = await t.harness.run(run({ operation: 'lock', runId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: `/api/v1/evaluations/runs/${seeded.id}/lock` });
		expect(item.json).toMatchObject({ id: seeded.id, locked: true });
		expect(t.mock.state.runs.get(seeded.id).locked).toBe(true);
	});

	test('Export Judgments returns one item per judged query and candidate', async () => {
		const seeded = seedRun(t.mock, { status: 'completed' });
		const graded = runResults(t.mock, seeded.id).flatMap((query) =>
			query.candidates
				.filter((candidate) => candidate.grade !== null)
				.map((candidate) => ({ query_id: query.query_id, query: query.query, candidate_id: candidate.id, grade: candidate.grade })),
		);
		const items = await t.harness.run(run({ operation: 'exportJudgments', runId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({
			method: 'GET',
			path: `/api/v1/evaluations/runs/${seeded.id}/judgments/export`,
		});
		expect(graded.length).toBeGreaterThan(0);
		expect(items.map((item) => item.json)).toEqual(graded);
	});

	test('polling Get sees a started run progress to completed with metric values (auto-advance)', async () => {
		const seeded = seedRun(t.mock, { metrics: ['NDCG@10', 'MRR@10'] });
		enableAutoAdvance(t.mock);
		await t.harness.run(run({ operation: 'start', runId: byId(seeded.id) }));
		const statuses: unknown[] = [];
		let last: Record<string, unknown> = {};
		for (let poll = 0; poll < 5 && !['completed', 'failed', 'cancelled'].includes(String(last.status)); poll++) {
			[{ json: last }] = await t.harness.run(run({ operation: 'get', runId: byId(seeded.id) }));
			statuses.push(last.status);
		}
		expect(statuses).toEqual(['running', 'completed']);
		expect(last.metric_values).toEqual({ 'NDCG@10': expect.any(Number), 'MRR@10': expect.any(Number) });
	});

	test('setRunStatus can force the metric values a test needs', async () => {
		const seeded = seedRun(t.mock);
		setRunStatus(t.mock, seeded.id, 'completed', { metric_values: { 'NDCG@10': 0.71 } });
		const [item] = await t.harness.run(run({ operation: 'get', runId: byId(seeded.id) }));
		expect(item.json.metric_values).toEqual({ 'NDCG@10': 0.71 });
	});
});

describe('Evaluation Run with a Rater App Client', () => {
	const t = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Rater'] }] });

	test('can view runs but not create, start or stop them (403)', async () => {
		const evaluation = seedEvaluation(t);
		const seeded = seedRun(t.mock, { evaluation_id: evaluation.id, status: 'running' });
		const [item] = await t.harness.run(run({ operation: 'get', runId: byId(seeded.id) }));
		expect(item.json.id).toBe(seeded.id);
		for (const parameters of [
			{ operation: 'create', evaluationId: byId(evaluation.id), name: 'R', scale: 'graded' },
			{ operation: 'start', runId: byId(seeded.id) },
			{ operation: 'stop', runId: byId(seeded.id) },
		]) {
			const error = await failureOf(t.harness.run(run(parameters)));
			expect(error.httpCode).toBe('403');
		}
		expect(t.mock.state.runs.get(seeded.id).status).toBe('running');
	});
});

describe('Evaluation Run list search', () => {
	const t = useMockReleval();

	async function search(parameters: INodeParameters, filter?: string, token?: string): Promise<INodeListSearchResult> {
		const context = t.harness.loadOptionsContext(run({ operation: 'get', ...parameters }), 'runId');
		return await listSearch.searchEvaluationRuns.call(context, filter, token);
	}

	test('lists the runs of the evaluation chosen in the node', async () => {
		const evaluation = seedEvaluation(t);
		const other = seedEvaluation(t, 'Other');
		const mine = seedRun(t.mock, { evaluation_id: evaluation.id, name: 'Nightly', status: 'completed' });
		seedRun(t.mock, { evaluation_id: other.id, name: 'Elsewhere' });
		const result = await search(run({ operation: 'getAll', evaluationId: byId(evaluation.id) }));
		expect(result.results).toEqual([{ name: 'Nightly (completed)', value: mine.id }]);
		expect(t.mock.apiRequests.map((request) => request.path)).toEqual([`/api/v1/evaluations/${evaluation.id}/runs`]);
	});

	test('without an evaluation, lists the runs of every evaluation, labelled with the evaluation', async () => {
		const baseline = seedEvaluation(t, 'Baseline');
		const tuned = seedEvaluation(t, 'Tuned');
		const first = seedRun(t.mock, { evaluation_id: baseline.id, name: 'Run 1' });
		const second = seedRun(t.mock, { evaluation_id: tuned.id, name: 'Run 2', status: 'running' });
		const result = await search({});
		expect(result.results).toEqual([
			{ name: 'Baseline › Run 1 (pending)', value: first.id },
			{ name: 'Tuned › Run 2 (running)', value: second.id },
		]);
		expect(result.paginationToken).toBeUndefined();
		const filtered = await search({}, 'tuned');
		expect(filtered.results.map((entry) => entry.value)).toEqual([second.id]);
	});
});
