import type { INodeParameters } from 'n8n-workflow';

import { WAIT_SCHEDULE, formatDuration, plannedStatusChecks } from '../../nodes/Releval/shared/waitForCompletion';
import { byId, failureOf, useMockReleval, type TestContext } from '../helpers';
import { enableAutoAdvance, seedJudgingRun, seedRun, setJudgingRunStatus, setRunStatus } from '../mock/lifecycle';

/*
 * Wait for Completion against the mock's run lifecycle. Waiting is virtual: n8n-workflow's `sleep` (re-exported
 * from @n8n/utils/sleep) is replaced by one that advances a clock offset that `Date.now` adds, so the production
 * schedule (2 s growing ×1.5 up to 60 s) and minute-long timeouts run in milliseconds. The mock's token expiry
 * and the credential's refresh margin read the same clock, so a token can expire during a long wait.
 */

const mockClock = { offsetMs: 0, sleeps: [] as number[] };

jest.mock('@n8n/utils/sleep', () => ({
	sleep: async (ms: number) => {
		mockClock.sleeps.push(ms);
		mockClock.offsetMs += ms;
	},
}));

const realNow = Date.now.bind(Date);

beforeEach(() => {
	mockClock.offsetMs = 0;
	mockClock.sleeps.length = 0;
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + mockClock.offsetMs);
});

afterEach(() => jest.restoreAllMocks());

const evaluationRun = (extra: INodeParameters) => ({ resource: 'evaluationRun', ...extra });
const judging = (extra: INodeParameters) => ({ resource: 'aiJudgingRun', ...extra });
const wait = (extra: INodeParameters = {}) => ({ options: { waitForCompletion: true, ...extra } });

function seedEvaluation(t: TestContext) {
	return t.mock.state.evaluations.insert({ name: 'Baseline', endpoint_id: 'EP1', query_set_id: 'QS1', query_template_id: 'QT1' });
}

function seedJudge(t: TestContext) {
	return t.mock.state.aiJudges.insert({ name: 'Grader', ai_provider_id: 'P1', model: 'gpt-4o-mini', prompt_template: 'Grade {{query}}' });
}

const polls = (t: TestContext, operationId: string) => t.mock.apiRequests.filter((request) => request.operationId === operationId);

describe('poll schedule and request budget', () => {
	test('checks after 2 s, then waits growing ×1.5 up to 60 s', () => {
		expect(WAIT_SCHEDULE).toMatchObject({ firstDelayMs: 2000, growth: 1.5, maxDelayMs: 60000 });
	});

	test.each([
		[1, 7],
		[5, 12],
		[10, 17],
		[30, 37],
		[60, 67],
		[240, 247],
	])('a run that never finishes costs %i min → %i status checks', (minutes, checks) => {
		expect(plannedStatusChecks(minutes * 60_000)).toBe(checks);
	});

	test('durations read naturally', () => {
		expect([formatDuration(9_500), formatDuration(60_000), formatDuration(150_000)]).toEqual(['10 s', '1 min', '2 min 30 s']);
	});
});

describe('Wait for Completion', () => {
	const t = useMockReleval();

	describe('Evaluation Run → Start', () => {
		test('off (the default): returns the queued run at once, no status checks', async () => {
			const run = seedRun(t.mock);
			enableAutoAdvance(t.mock);
			const [item] = await t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id) }));
			expect(item.json).toMatchObject({ id: run.id, status: 'queued' });
			expect(t.mock.apiRequests).toHaveLength(1);
			expect(mockClock.sleeps).toEqual([]);
		});

		test('polls the run until it completes and returns it with its metric values', async () => {
			const run = seedRun(t.mock, { metrics: ['NDCG@10', 'MAP'] });
			enableAutoAdvance(t.mock); // each GET moves it one step: queued → running → completed
			const [item] = await t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id), ...wait() }));
			expect(t.mock.apiRequests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
				`POST /api/v1/evaluations/runs/${run.id}/start 200`,
				`GET /api/v1/evaluations/runs/${run.id} 200`,
				`GET /api/v1/evaluations/runs/${run.id} 200`,
			]);
			expect(mockClock.sleeps).toEqual([2000, 3000]);
			expect(item.json).toMatchObject({
				id: run.id,
				status: 'completed',
				metric_values: { 'NDCG@10': expect.any(Number), MAP: expect.any(Number) },
			});
			expect(item.json.metric_values).toEqual(t.mock.state.runs.get(run.id).metric_values);
			expect(item.pairedItem).toEqual({ item: 0 });
		});

		test('every input item waits for its own run', async () => {
			const runs = [seedRun(t.mock), seedRun(t.mock)];
			enableAutoAdvance(t.mock);
			const output = await t.harness.run(evaluationRun({ operation: 'start', runId: '={{ $json.runId }}', ...wait() }), {
				items: runs.map((run) => ({ json: { runId: run.id } })),
			});
			expect(output.map((item) => [item.json.id, item.json.status])).toEqual(runs.map((run) => [run.id, 'completed']));
		});

		test('a failed run fails the item with the run id, status and Releval\'s reason', async () => {
			const run = seedRun(t.mock);
			enableAutoAdvance(t.mock, { runOutcome: 'failed' });
			const error = await failureOf(t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id), ...wait() })));
			expect(error.message).toBe(`Evaluation run ${run.id} failed`);
			expect(error.description).toContain('Releval says: The search endpoint could not be reached.');
			expect(error.description).toContain('Status: failed');
			expect(error.description).toContain('"Return Failed Runs as Output"');
			expect(error.description).toContain('Operation: Evaluation Run → Start (Wait for Completion)');
			expect(error.httpCode).toBeNull();
		});

		test('a cancelled run fails the item; with Return Failed Runs as Output it is returned instead', async () => {
			const run = seedRun(t.mock, { status: 'queued' });
			// someone stops the run while the node waits
			t.mock.onRequest = (request) => {
				if (request.operationId === 'getEvaluationRun') setRunStatus(t.mock, run.id, 'cancelled');
			};
			setRunStatus(t.mock, run.id, 'pending');
			const error = await failureOf(t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id), ...wait() })));
			expect(error.message).toBe(`Evaluation run ${run.id} was cancelled`);
			expect(error.description).toContain('Releval gives no reason');

			const again = seedRun(t.mock);
			t.mock.onRequest = (request) => {
				if (request.operationId === 'getEvaluationRun') setRunStatus(t.mock, again.id, 'cancelled');
			};
			const [item] = await t.harness.run(
				evaluationRun({ operation: 'start', runId: byId(again.id), ...wait({ returnFailedRuns: true }) }),
			);
			expect(item.json).toMatchObject({ id: again.id, status: 'cancelled' });
		});

		test('Return Failed Runs as Output returns a failed run as an item', async () => {
			const run = seedRun(t.mock);
			enableAutoAdvance(t.mock, { runOutcome: 'failed' });
			const [item] = await t.harness.run(
				evaluationRun({ operation: 'start', runId: byId(run.id), ...wait({ returnFailedRuns: true }) }),
			);
			expect(item.json).toMatchObject({ id: run.id, status: 'failed', error: 'The search endpoint could not be reached.' });
		});

		test('under "continue on error" a failed run becomes an error item and the other items go on', async () => {
			const failing = seedRun(t.mock);
			const fine = seedRun(t.mock);
			t.mock.onRequest = (request) => {
				if (request.path === `/api/v1/evaluations/runs/${failing.id}`) setRunStatus(t.mock, failing.id, 'failed', { error: 'Quota exceeded' });
				if (request.path === `/api/v1/evaluations/runs/${fine.id}`) setRunStatus(t.mock, fine.id, 'completed');
			};
			const output = await t.harness.run(evaluationRun({ operation: 'start', runId: '={{ $json.runId }}', ...wait() }), {
				items: [{ json: { runId: failing.id } }, { json: { runId: fine.id } }],
				continueOnFail: true,
			});
			expect(output[0].json).toMatchObject({
				error: `Evaluation run ${failing.id} failed`,
				details: { description: expect.stringContaining('Releval says: Quota exceeded') },
			});
			expect(output[1].json).toMatchObject({ id: fine.id, status: 'completed' });
		});

		test('times out after the user\'s timeout, saying how long it waited and the last status seen', async () => {
			const run = seedRun(t.mock);
			const error = await failureOf(
				t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id), ...wait({ timeoutMinutes: 1 }) })),
			);
			// no auto-advance: the run stays queued
			expect(error.message).toBe(`Evaluation run ${run.id} did not finish within 1 min`);
			expect(error.description).toContain('Waited 1 min (7 status checks); the last status seen was "queued".');
			expect(error.description).toContain('Evaluation Run → Get');
			expect(polls(t, 'getEvaluationRun')).toHaveLength(plannedStatusChecks(60_000));
			// the last wait is cut to the deadline (less the time the requests took)
			expect(mockClock.sleeps.slice(0, 6)).toEqual([2000, 3000, 4500, 6750, 10125, 15187.5]);
			expect(mockClock.sleeps[6]).toBeLessThanOrEqual(60_000 - 41_562.5);
		});

		test('the default 60-minute timeout stays within its budget of 67 status checks', async () => {
			const run = seedRun(t.mock);
			const error = await failureOf(t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id), ...wait() })));
			expect(error.message).toBe(`Evaluation run ${run.id} did not finish within 60 min`);
			const checks = polls(t, 'getEvaluationRun');
			expect(checks.filter((request) => request.status === 200)).toHaveLength(67);
			// the 1-hour token runs out near the end of the wait: at most one check is repeated with a new token
			expect(checks.length - 67).toBeLessThanOrEqual(1);
			expect(t.mock.tokenRequests).toHaveLength(2);
			expect(Math.max(...mockClock.sleeps)).toBe(60_000);
			expect(mockClock.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(60 * 60_000);
		});

		test('keeps polling across a token revoked in the middle of the wait: exactly one extra token request', async () => {
			const run = seedRun(t.mock);
			enableAutoAdvance(t.mock);
			let gets = 0;
			t.mock.onRequest = (request) => {
				if (request.operationId === 'getEvaluationRun' && ++gets === 2) t.mock.revokeTokens();
			};
			const [item] = await t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id), ...wait() }));
			expect(item.json.status).toBe('completed');
			expect(t.mock.tokenRequests).toHaveLength(2);
			expect(polls(t, 'getEvaluationRun').map((request) => request.status)).toEqual([200, 401, 200]);
		});

		test('keeps polling when the token expires during a long wait (70 min run, 1-hour tokens)', async () => {
			const run = seedRun(t.mock, { status: 'queued' });
			setRunStatus(t.mock, run.id, 'pending');
			const startedAt = Date.now();
			t.mock.onRequest = (request) => {
				if (request.operationId === 'getEvaluationRun' && Date.now() - startedAt >= 70 * 60_000) {
					setRunStatus(t.mock, run.id, 'completed');
				} else if (request.operationId === 'getEvaluationRun') {
					setRunStatus(t.mock, run.id, 'running');
				}
			};
			const [item] = await t.harness.run(
				evaluationRun({ operation: 'start', runId: byId(run.id), ...wait({ timeoutMinutes: 120 }) }),
			);
			expect(item.json.status).toBe('completed');
			expect(t.mock.tokenRequests).toHaveLength(2);
			expect(polls(t, 'getEvaluationRun').filter((request) => request.status !== 200).length).toBeLessThanOrEqual(1);
		});

		test('a gateway error during a status check is retried by the transport', async () => {
			const run = seedRun(t.mock);
			enableAutoAdvance(t.mock);
			t.mock.injectFault({ operationId: 'getEvaluationRun', status: 502, body: 'Bad Gateway' });
			const [item] = await t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id), ...wait() }));
			expect(item.json.status).toBe('completed');
			expect(polls(t, 'getEvaluationRun').map((request) => request.status)).toEqual([502, 200, 200]);
		});

		test('a run deleted during the wait surfaces Releval\'s 404 problem details', async () => {
			const run = seedRun(t.mock);
			t.mock.onRequest = (request) => {
				if (request.operationId === 'getEvaluationRun') t.mock.state.runs.byId.delete(run.id);
			};
			const error = await failureOf(t.harness.run(evaluationRun({ operation: 'start', runId: byId(run.id), ...wait() })));
			expect(error.httpCode).toBe('404');
			expect(error.description).toContain(`Evaluation run ${run.id} was not found.`);
			expect(error.description).toContain('Operation: Evaluation Run → Start (Wait for Completion)');
		});
	});

	describe('Evaluation Run → Create', () => {
		const create = (evaluationId: string, extra: INodeParameters = {}) =>
			evaluationRun({ operation: 'create', evaluationId: byId(evaluationId), name: 'Nightly', scale: 'graded', ...extra });

		test('waits for a run that Releval queues on creation', async () => {
			const evaluation = seedEvaluation(t);
			enableAutoAdvance(t.mock, { fromPending: true });
			const [item] = await t.harness.run(create(evaluation.id, wait()));
			expect(item.json).toMatchObject({ evaluation_id: evaluation.id, name: 'Nightly', status: 'completed' });
			expect(polls(t, 'getEvaluationRun')).toHaveLength(3); // pending → queued → running → completed
			expect(t.mock.apiRequests[0].body).toEqual({ name: 'Nightly', scale: 'graded', metrics: ['NDCG@10'] });
		});

		test('a run that stays pending fails after 2 minutes with a hint to use Start, not after the whole timeout', async () => {
			const evaluation = seedEvaluation(t);
			const error = await failureOf(t.harness.run(create(evaluation.id, wait({ timeoutMinutes: 60 }))));
			expect(error.message).toMatch(/^Evaluation run \S+ was never started$/);
			expect(error.description).toContain('still "pending" after 2 min');
			expect(error.description).toContain('Evaluation Run → Start');
			expect(mockClock.offsetMs).toBeGreaterThanOrEqual(WAIT_SCHEDULE.pendingGraceMs);
			expect(mockClock.offsetMs).toBeLessThan(WAIT_SCHEDULE.pendingGraceMs + WAIT_SCHEDULE.maxDelayMs);
		});
	});

	describe('AI Judging Run → Start', () => {
		test('waits for the judging run and returns its counts and tokens', async () => {
			const run = seedRun(t.mock, { status: 'completed' });
			const judge = seedJudge(t);
			enableAutoAdvance(t.mock);
			const [item] = await t.harness.run(
				judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId(judge.id), ...wait() }),
			);
			const judgingRunId = String(item.json.id);
			expect(polls(t, 'getAiJudgingRun').map((request) => request.path)).toEqual([
				`/api/v1/ai-judging-runs/${judgingRunId}`,
				`/api/v1/ai-judging-runs/${judgingRunId}`,
			]);
			expect(item.json).toMatchObject({ status: 'completed', progress: 1, failed_count: 0 });
			expect(item.json.judged_count).toBeGreaterThan(0);
			expect(item.json.input_tokens).toBeGreaterThan(0);
		});

		test('a failed judging run fails the item with the provider\'s reason', async () => {
			const run = seedRun(t.mock, { status: 'completed' });
			const judge = seedJudge(t);
			enableAutoAdvance(t.mock, { judgingOutcome: 'failed' });
			const error = await failureOf(
				t.harness.run(judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId(judge.id), ...wait() })),
			);
			expect(error.message).toMatch(/^AI judging run \S+ failed$/);
			expect(error.description).toContain('Releval says: The AI provider rejected the request: invalid API key.');
			expect(error.description).toMatch(/Operation: A[iI] Judging Run → Start \(Wait for Completion\)/);
		});

		test('a judging run that keeps running times out with its last status', async () => {
			const run = seedRun(t.mock, { status: 'completed' });
			const judge = seedJudge(t);
			const existing = seedJudgingRun(t.mock, { evaluation_run_id: run.id, ai_judge_id: judge.id });
			setJudgingRunStatus(t.mock, existing.id, 'running');
			t.mock.onRequest = (request) => {
				if (request.operationId === 'getAiJudgingRun') {
					const id = request.path.split('/').pop() as string;
					if (t.mock.state.aiJudgingRuns.get(id).status === 'queued') setJudgingRunStatus(t.mock, id, 'running');
				}
			};
			const error = await failureOf(
				t.harness.run(
					judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId(judge.id), ...wait({ timeoutMinutes: 5 }) }),
				),
			);
			expect(error.message).toMatch(/^AI judging run \S+ did not finish within 5 min$/);
			expect(error.description).toContain(`(${plannedStatusChecks(5 * 60_000)} status checks); the last status seen was "running"`);
			expect(error.description).toContain('AI Judging Run → Get');
		});
	});
});
