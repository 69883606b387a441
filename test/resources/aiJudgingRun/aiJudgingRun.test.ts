import type { INodeParameters } from 'n8n-workflow';

import { byId, failureOf, useMockReleval } from '../../helpers';
import { enableAutoAdvance, runResults, seedJudgingRun, seedRun, setJudgingRunStatus } from '../../mock/lifecycle';
import { DEFAULT_CLIENT } from '../../mock/server';

const judging = (extra: INodeParameters) => ({ resource: 'aiJudgingRun', ...extra });

function seedJudge(t: ReturnType<typeof useMockReleval>) {
	return t.mock.state.aiJudges.insert({
		name: 'GPT grader',
		ai_provider_id: 'PROV1',
		model: 'gpt-4o-mini',
		prompt_template: 'Grade {{query}}',
	});
}

describe('AI Judging Run', () => {
	const t = useMockReleval();

	describe('Start', () => {
		test('posts the AI judge to the run\'s ai-judge path and returns the queued judging run with its progress', async () => {
			const run = seedRun(t.mock, { status: 'completed' });
			const judge = seedJudge(t);
			const [item] = await t.harness.run(
				judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId(` ${judge.id} `) }),
			);
			expect(t.mock.apiRequests[0]).toMatchObject({
				method: 'POST',
				path: `/api/v1/evaluations/runs/${run.id}/ai-judge`,
				body: { ai_judge_id: judge.id },
			});
			expect(item.json).toMatchObject({
				id: expect.any(String),
				status: 'queued',
				evaluation_run_id: run.id,
				ai_judge_id: judge.id,
				progress: 0,
				judged_count: 0,
				failed_count: 0,
				input_tokens: 0,
				output_tokens: 0,
			});
			expect(t.mock.state.aiJudgingRuns.get(String(item.json.id)).status).toBe('queued');
		});

		test.each(['pending', 'queued', 'running', 'failed', 'cancelled'] as const)(
			'on a %s run surfaces Releval\'s 400 (AI judging needs a completed run)',
			async (status) => {
				const run = seedRun(t.mock, { status });
				const judge = seedJudge(t);
				const error = await failureOf(
					t.harness.run(judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId(judge.id) })),
				);
				expect(error.httpCode).toBe('400');
				expect(error.message).toBe('Run is not completed');
				expect(t.mock.state.aiJudgingRuns.all()).toHaveLength(0);
			},
		);

		test('on a locked run surfaces Releval\'s 409', async () => {
			const run = seedRun(t.mock, { status: 'completed', locked: true });
			const judge = seedJudge(t);
			const error = await failureOf(
				t.harness.run(judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId(judge.id) })),
			);
			expect(error.httpCode).toBe('409');
			expect(error.message).toBe('Run is locked');
		});

		test('an AI judge or run that does not exist surfaces a 404', async () => {
			const run = seedRun(t.mock, { status: 'completed' });
			const judge = seedJudge(t);
			const missingJudge = await failureOf(
				t.harness.run(judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId('01JNOJUDGE') })),
			);
			expect(missingJudge.httpCode).toBe('404');
			expect(missingJudge.description).toContain('AI judge 01JNOJUDGE was not found.');
			const missingRun = await failureOf(
				t.harness.run(judging({ operation: 'start', runId: byId('01JNORUN'), aiJudgeId: byId(judge.id) })),
			);
			expect(missingRun.httpCode).toBe('404');
		});

		test('an empty AI Judge or Evaluation Run stops before any request', async () => {
			const run = seedRun(t.mock, { status: 'completed' });
			await expect(
				t.harness.run(judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId('') })),
			).rejects.toThrow('"AI Judge" is required');
			await expect(
				t.harness.run(judging({ operation: 'start', runId: byId(''), aiJudgeId: byId('J') })),
			).rejects.toThrow('"Evaluation Run" is required');
			expect(t.mock.requests).toHaveLength(0);
		});
	});

	test('Get returns the judging run\'s status, progress, counts and tokens', async () => {
		const run = seedRun(t.mock, { status: 'completed' });
		const judgingRun = seedJudgingRun(t.mock, { evaluation_run_id: run.id, ai_judge_id: 'J1' });
		setJudgingRunStatus(t.mock, judgingRun.id, 'running');
		const [item] = await t.harness.run(judging({ operation: 'get', judgingRunId: byId(judgingRun.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/ai-judging-runs/${judgingRun.id}` });
		const total = runResults(t.mock, run.id).flatMap((query) => query.candidates).length;
		expect(item.json).toMatchObject({
			id: judgingRun.id,
			status: 'running',
			judged_count: Math.floor(total / 2),
			failed_count: 0,
			progress: expect.any(Number),
			input_tokens: expect.any(Number),
			output_tokens: expect.any(Number),
		});
		expect(item.json.progress).toBeGreaterThan(0);
		expect(item.json.progress).toBeLessThan(1);
	});

	test('polling Get sees a judging run complete, and the AI grades reach the run\'s metrics (auto-advance)', async () => {
		const run = seedRun(t.mock, { status: 'completed', metrics: ['NDCG@10'] });
		const judge = seedJudge(t);
		const before = t.mock.state.runs.get(run.id).metric_values;
		enableAutoAdvance(t.mock);
		const [{ json: started }] = await t.harness.run(
			judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId(judge.id) }),
		);
		const seen: unknown[] = [];
		for (let poll = 0; poll < 4; poll++) {
			const [{ json }] = await t.harness.run(judging({ operation: 'get', judgingRunId: byId(String(started.id)) }));
			seen.push(json.status);
			if (json.status === 'completed') {
				expect(json).toMatchObject({ progress: 1, failed_count: 0 });
				expect(json.judged_count).toBe(runResults(t.mock, run.id).flatMap((query) => query.candidates).length);
				break;
			}
		}
		expect(seen).toEqual(['running', 'completed']);
		expect(runResults(t.mock, run.id).every((query) => query.candidates.every((candidate) => candidate.grade !== null))).toBe(
			true,
		);
		expect(t.mock.state.runs.get(run.id).metric_values).not.toEqual(before);
	});

	describe('Cancel', () => {
		test.each(['queued', 'running'] as const)('cancels a %s judging run', async (status) => {
			const run = seedRun(t.mock, { status: 'completed' });
			const judgingRun = seedJudgingRun(t.mock, { evaluation_run_id: run.id, ai_judge_id: 'J1' });
			if (status === 'running') setJudgingRunStatus(t.mock, judgingRun.id, 'running');
			const [item] = await t.harness.run(judging({ operation: 'cancel', judgingRunId: byId(judgingRun.id) }));
			expect(t.mock.apiRequests[0]).toMatchObject({
				method: 'POST',
				path: `/api/v1/ai-judging-runs/${judgingRun.id}/cancel`,
			});
			expect(item.json).toMatchObject({ id: judgingRun.id, status: 'cancelled' });
		});

		test('a finished judging run cannot be cancelled (400)', async () => {
			const run = seedRun(t.mock, { status: 'completed' });
			const judgingRun = seedJudgingRun(t.mock, { evaluation_run_id: run.id, ai_judge_id: 'J1' });
			setJudgingRunStatus(t.mock, judgingRun.id, 'completed');
			const error = await failureOf(t.harness.run(judging({ operation: 'cancel', judgingRunId: byId(judgingRun.id) })));
			expect(error.httpCode).toBe('400');
			expect(error.message).toBe('Judging run is not queued or running');
		});
	});

	test('an empty judging run ID stops before any request; IDs are URL-encoded', async () => {
		await expect(t.harness.run(judging({ operation: 'get', judgingRunId: byId(' ') }))).rejects.toThrow(
			'"AI Judging Run" is required',
		);
		expect(t.mock.requests).toHaveLength(0);
		await expect(t.harness.run(judging({ operation: 'cancel', judgingRunId: byId('x/y') }))).rejects.toThrow('Not Found');
		expect(t.mock.apiRequests[0].path).toBe('/api/v1/ai-judging-runs/x%2Fy/cancel');
	});
});

describe('AI Judging Run with a Rater App Client', () => {
	const t = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Rater'] }] });

	test('can watch a judging run but not start or cancel one (403)', async () => {
		const run = seedRun(t.mock, { status: 'completed' });
		const judgingRun = seedJudgingRun(t.mock, { evaluation_run_id: run.id, ai_judge_id: 'J1' });
		const [item] = await t.harness.run(judging({ operation: 'get', judgingRunId: byId(judgingRun.id) }));
		expect(item.json.status).toBe('queued');
		const start = await failureOf(
			t.harness.run(judging({ operation: 'start', runId: byId(run.id), aiJudgeId: byId('J1') })),
		);
		expect(start.httpCode).toBe('403');
		const cancel = await failureOf(t.harness.run(judging({ operation: 'cancel', judgingRunId: byId(judgingRun.id) })));
		expect(cancel.httpCode).toBe('403');
	});
});
