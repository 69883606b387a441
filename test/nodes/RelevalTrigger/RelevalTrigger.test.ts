import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RelevalTrigger } from '../../../nodes/RelevalTrigger/RelevalTrigger.node';
import { MAX_PAGES_PER_LIST } from '../../../nodes/RelevalTrigger/listWindow';
import { MAX_EVALUATIONS_PER_POLL, MAX_TRACKED_RUNS, type RunRecord } from '../../../nodes/RelevalTrigger/runEvents';
import { PollHarness } from '../../harness/poll';
import { byId, failureOf, harnessFor, useMockReleval, type TestContext } from '../../helpers';
import { seedRun, setRunStatus, type RunStatus } from '../../mock/lifecycle';
import { startMockReleval, type MockReleval } from '../../mock/server';
import { pageOf } from '../../mock/state';

const finished = (extra: INodeParameters = {}): INodeParameters => ({ event: 'evaluationRunFinished', ...extra });
const started = (extra: INodeParameters = {}): INodeParameters => ({ event: 'evaluationRunStarted', ...extra });

function seedEvaluation(mock: MockReleval, name = 'Baseline') {
	return mock.state.evaluations.insert({ name, endpoint_id: 'EP1', query_set_id: 'QS1', query_template_id: 'QT1' });
}

function seedRuns(mock: MockReleval, evaluationId: string, count: number, status: RunStatus = 'running') {
	return Array.from({ length: count }, (_, index) => seedRun(mock, { evaluation_id: evaluationId, name: `Run ${index + 1}`, status }));
}

/** Sets a run's last change, as Releval's clock would have it. */
function changedAt(mock: MockReleval, runId: string, iso: string): void {
	const run = mock.state.runs.byId.get(runId);
	if (run) run.updated = iso;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json.id);

describe('Releval Trigger: description', () => {
	const { description } = new RelevalTrigger();

	test('is a polling trigger without inputs, not usable as a tool, on the Releval credential', () => {
		expect(description).toMatchObject({
			name: 'relevalTrigger',
			displayName: 'Releval Trigger',
			group: ['trigger'],
			polling: true,
			inputs: [],
			credentials: [{ name: 'relevalOAuth2Api', required: true }],
		});
		expect(description.usableAsTool).toBeUndefined();
	});

	test('says that AI judging runs cannot be watched, and why', () => {
		const notice = description.properties.find((property) => property.type === 'notice');
		expect(notice?.displayName).toContain('AI judging runs cannot be watched: Releval has no endpoint that lists them');
		expect(notice?.displayName).toContain('Wait for Completion');
	});
});

describe('Releval Trigger', () => {
	const t = useMockReleval();
	let trigger: PollHarness;
	beforeEach(() => {
		trigger = new PollHarness(t.harness);
	});

	describe('Evaluation Run Finished, one evaluation', () => {
		test('the first activation records what exists and emits nothing', async () => {
			const evaluation = seedEvaluation(t.mock);
			const [done] = seedRuns(t.mock, evaluation.id, 1, 'completed');
			const [running] = seedRuns(t.mock, evaluation.id, 1, 'running');
			expect(await trigger.poll(finished({ evaluationId: byId(evaluation.id) }))).toBeNull();
			expect(t.mock.apiRequests.map((request) => `${request.method} ${request.path}`)).toEqual([
				`GET /api/v1/evaluations/${evaluation.id}/runs`,
			]);
			expect(t.mock.apiRequests[0].query).toEqual({ page: '1', pageSize: '100' });
			const record = trigger.nodeStaticData.runs as unknown as RunRecord;
			expect(record.evaluations[evaluation.id].runs).toEqual({ [done.id]: 'completed', [running.id]: 'running' });
		});

		test('polls that see no change emit nothing', async () => {
			const evaluation = seedEvaluation(t.mock);
			seedRuns(t.mock, evaluation.id, 3);
			const parameters = finished({ evaluationId: byId(evaluation.id) });
			await trigger.poll(parameters);
			expect(await trigger.poll(parameters)).toBeNull();
			expect(await trigger.poll(parameters)).toBeNull();
			expect(t.mock.apiRequests).toHaveLength(3); // one page per poll
		});

		test('one run that finished is emitted once, with its metric values', async () => {
			const evaluation = seedEvaluation(t.mock);
			const [run, other] = seedRuns(t.mock, evaluation.id, 2);
			const parameters = finished({ evaluationId: byId(evaluation.id) });
			await trigger.poll(parameters);
			setRunStatus(t.mock, run.id, 'completed');
			const items = await trigger.poll(parameters);
			expect(items).toHaveLength(1);
			expect(items?.[0].json).toMatchObject({ id: run.id, status: 'completed', metric_values: { 'NDCG@10': expect.any(Number) } });
			expect(await trigger.poll(parameters)).toBeNull();
			setRunStatus(t.mock, other.id, 'failed');
			expect(ids(await trigger.poll(parameters))).toEqual([other.id]);
			expect(await trigger.poll(parameters)).toBeNull();
		});

		test('a run created and finished between two polls is emitted', async () => {
			const evaluation = seedEvaluation(t.mock);
			const parameters = finished({ evaluationId: byId(evaluation.id) });
			await trigger.poll(parameters);
			const [run] = seedRuns(t.mock, evaluation.id, 1, 'completed');
			expect(ids(await trigger.poll(parameters))).toEqual([run.id]);
		});

		test('only the chosen statuses trigger', async () => {
			const evaluation = seedEvaluation(t.mock);
			const [completes, fails, isCancelled] = seedRuns(t.mock, evaluation.id, 3);
			const parameters = finished({ evaluationId: byId(evaluation.id), statuses: ['failed'] });
			await trigger.poll(parameters);
			setRunStatus(t.mock, completes.id, 'completed');
			setRunStatus(t.mock, fails.id, 'failed');
			setRunStatus(t.mock, isCancelled.id, 'cancelled');
			const items = await trigger.poll(parameters);
			expect(ids(items)).toEqual([fails.id]);
			expect(items?.[0].json.error).toBe('The search endpoint could not be reached.');
		});

		test('many runs finishing at once are emitted across pages, in the order they finished, and only once', async () => {
			const evaluation = seedEvaluation(t.mock);
			const runs = seedRuns(t.mock, evaluation.id, 250);
			const parameters = finished({ evaluationId: byId(evaluation.id) });
			await trigger.poll(parameters);
			const order = [...runs].reverse();
			order.forEach((run, index) => {
				setRunStatus(t.mock, run.id, index % 2 ? 'failed' : 'completed');
				changedAt(t.mock, run.id, minutesAgo(10 - index / 60));
			});
			t.mock.clearLog();
			const items = await trigger.poll(parameters);
			expect(ids(items)).toEqual(order.map((run) => run.id));
			expect(t.mock.apiRequests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
			expect(await trigger.poll(parameters)).toBeNull();
		});

		test.each(['items', 'items-no-total'] as const)(
			'reads at most %s-shaped 5 pages per poll, the newest ones, and still sees the newest run finish',
			async (envelope) => {
				const mock = await startMockReleval({ envelope });
				try {
					const harness = new PollHarness(harnessFor(mock.url));
					const evaluation = seedEvaluation(mock);
					for (const run of seedRuns(mock, evaluation.id, 740, 'completed')) changedAt(mock, run.id, '2025-01-01T00:00:00.000Z');
					const parameters = finished({ evaluationId: byId(evaluation.id) });
					const requestsPerPoll: number[] = [];
					const poll = async () => {
						mock.clearLog();
						const items = await harness.poll(parameters);
						requestsPerPoll.push(mock.apiRequests.length);
						return items;
					};
					expect(await poll()).toBeNull();
					expect(await poll()).toBeNull(); // without a total, the second poll finds the end of the list
					const [newest] = seedRuns(mock, evaluation.id, 1, 'running');
					expect(await poll()).toBeNull();
					setRunStatus(mock, newest.id, 'completed');
					expect(ids(await poll())).toEqual([newest.id]);
					expect(await poll()).toBeNull();
					expect(Math.max(...requestsPerPoll)).toBeLessThanOrEqual(MAX_PAGES_PER_LIST);
					expect(mock.contractViolations).toEqual([]);
				} finally {
					await mock.stop();
				}
			},
		);

		test('a list that comes newest first is read from its first pages', async () => {
			const evaluation = seedEvaluation(t.mock);
			const runs = seedRuns(t.mock, evaluation.id, 740, 'completed');
			const createdAt = (index: number) => new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString();
			runs.forEach((run, index) => Object.assign(t.mock.state.runs.get(run.id), { created: createdAt(index), updated: createdAt(index) }));
			t.mock.handle('listEvaluationRuns', 'Rater', ({ params, query }) => {
				const list = t.mock.state.runs.all().filter((run) => run.evaluation_id === params.evaluationId);
				const newestFirst = [...list].sort((a, b) => String(b.created).localeCompare(String(a.created)));
				return { status: 200, body: pageOf(newestFirst, query, 'items') };
			});
			const parameters = finished({ evaluationId: byId(evaluation.id) });
			expect(await trigger.poll(parameters)).toBeNull();
			expect(t.mock.apiRequests.map((request) => request.query.page)).toEqual(['1', '2', '3', '4', '5']);
			const [newest] = seedRuns(t.mock, evaluation.id, 1, 'completed');
			expect(ids(await trigger.poll(parameters))).toEqual([newest.id]);
		});

		test('an old run that drifts back into the window is not taken for a new one', async () => {
			const evaluation = seedEvaluation(t.mock);
			const parameters = finished({ evaluationId: byId(evaluation.id) });
			seedRuns(t.mock, evaluation.id, 1, 'running');
			await trigger.poll(parameters);
			// e.g. deletions moved a run the record had forgotten back into the pages read
			const [old] = seedRuns(t.mock, evaluation.id, 1, 'completed');
			changedAt(t.mock, old.id, '2020-01-01T00:00:00.000Z');
			const [fresh] = seedRuns(t.mock, evaluation.id, 1, 'completed');
			expect(ids(await trigger.poll(parameters))).toEqual([fresh.id]);
		});

		test('the record stays bounded: ended runs are forgotten an hour after newer changes', async () => {
			const evaluation = seedEvaluation(t.mock);
			const old = seedRuns(t.mock, evaluation.id, 120, 'completed');
			old.forEach((run) => changedAt(t.mock, run.id, '2020-01-01T00:00:00.000Z'));
			const [active] = seedRuns(t.mock, evaluation.id, 1, 'running');
			await trigger.poll(finished({ evaluationId: byId(evaluation.id) }));
			const record = trigger.nodeStaticData.runs as unknown as RunRecord;
			expect(record.evaluations[evaluation.id].runs).toEqual({ [active.id]: 'running' });
		});

		test('a failing poll surfaces Releval\'s problem details and loses no event', async () => {
			const evaluation = seedEvaluation(t.mock);
			const [run] = seedRuns(t.mock, evaluation.id, 1);
			const parameters = finished({ evaluationId: byId(evaluation.id) });
			await trigger.poll(parameters);
			const before = JSON.stringify(trigger.staticData);
			setRunStatus(t.mock, run.id, 'completed');
			t.mock.injectFault({
				operationId: 'listEvaluationRuns',
				status: 403,
				headers: { 'content-type': 'application/problem+json' },
				body: { title: 'Forbidden', status: 403, detail: 'The App Client lost its Rater role.', traceId: '00-abc-01' },
			});
			const error = await failureOf(trigger.poll(parameters));
			expect(error.httpCode).toBe('403');
			expect(error.message).toBe("The App Client's roles do not allow this operation");
			expect(error.description).toContain('The App Client lost its Rater role.');
			expect(error.description).toContain('Trace ID: 00-abc-01');
			expect(error.description).toContain('Operation: Releval Trigger: Evaluation Run Finished');
			expect(JSON.stringify(trigger.staticData)).toBe(before);
			expect(ids(await trigger.poll(parameters))).toEqual([run.id]);
		});

		test('an evaluation that does not exist surfaces Releval\'s 404', async () => {
			const error = await failureOf(trigger.poll(finished({ evaluationId: byId('01JNOSUCHEVALUATION') })));
			expect(error.httpCode).toBe('404');
			expect(error.description).toContain('Evaluation 01JNOSUCHEVALUATION was not found.');
		});
	});

	describe('Evaluation Run Started', () => {
		test('emits a run once when it is queued, not again when it runs or ends', async () => {
			const evaluation = seedEvaluation(t.mock);
			const [run] = seedRuns(t.mock, evaluation.id, 1, 'pending');
			const parameters = started({ evaluationId: byId(evaluation.id) });
			await trigger.poll(parameters);
			setRunStatus(t.mock, run.id, 'queued');
			expect((await trigger.poll(parameters))?.map((item) => [item.json.id, item.json.status])).toEqual([[run.id, 'queued']]);
			setRunStatus(t.mock, run.id, 'running');
			expect(await trigger.poll(parameters)).toBeNull();
			setRunStatus(t.mock, run.id, 'completed');
			expect(await trigger.poll(parameters)).toBeNull();
		});

		test('a new run already running is emitted; one that already ended is not', async () => {
			const evaluation = seedEvaluation(t.mock);
			const parameters = started({ evaluationId: byId(evaluation.id) });
			await trigger.poll(parameters);
			const [running] = seedRuns(t.mock, evaluation.id, 1, 'running');
			seedRuns(t.mock, evaluation.id, 1, 'completed');
			expect(ids(await trigger.poll(parameters))).toEqual([running.id]);
		});
	});

	describe('every evaluation', () => {
		test('watches the runs of all evaluations, and of evaluations created later', async () => {
			const first = seedEvaluation(t.mock, 'A');
			const second = seedEvaluation(t.mock, 'B');
			const [a] = seedRuns(t.mock, first.id, 1);
			const [b] = seedRuns(t.mock, second.id, 1);
			expect(await trigger.poll(finished())).toBeNull();
			expect(t.mock.apiRequests.map((request) => request.path)).toEqual([
				'/api/v1/evaluations',
				`/api/v1/evaluations/${first.id}/runs`,
				`/api/v1/evaluations/${second.id}/runs`,
			]);
			setRunStatus(t.mock, b.id, 'completed');
			setRunStatus(t.mock, a.id, 'cancelled');
			changedAt(t.mock, b.id, minutesAgo(2));
			changedAt(t.mock, a.id, minutesAgo(1));
			expect(ids(await trigger.poll(finished()))).toEqual([b.id, a.id]);
			const later = seedEvaluation(t.mock, 'C');
			const [c] = seedRuns(t.mock, later.id, 1, 'completed');
			expect(ids(await trigger.poll(finished()))).toEqual([c.id]);
			expect(await trigger.poll(finished())).toBeNull();
		});

		test(`reads the runs of at most ${MAX_EVALUATIONS_PER_POLL} evaluations per poll, taking turns`, async () => {
			const evaluations = Array.from({ length: 30 }, (_, index) => seedEvaluation(t.mock, `E${index + 1}`));
			const runs = evaluations.map((evaluation) => seedRuns(t.mock, evaluation.id, 1)[0]);
			const runLists = () => t.mock.apiRequests.filter((request) => request.operationId === 'listEvaluationRuns').length;

			expect(await trigger.poll(finished())).toBeNull(); // E1–E25, recorded
			expect(runLists()).toBe(25);
			t.mock.clearLog();
			expect(await trigger.poll(finished())).toBeNull(); // E26–E30 recorded, then E1–E20
			expect(runLists()).toBe(25);
			setRunStatus(t.mock, runs[27].id, 'completed'); // E28
			setRunStatus(t.mock, runs[17].id, 'completed'); // E18
			t.mock.clearLog();
			expect(ids(await trigger.poll(finished()))).toEqual([runs[27].id]); // E21–E30, E1–E15
			expect(ids(await trigger.poll(finished()))).toEqual([runs[17].id]); // E16–E30, E1–E10: E18's turn
			expect(await trigger.poll(finished())).toBeNull();
		});
	});

	describe('manual mode (Fetch Test Event)', () => {
		test('returns the run that ended last, and leaves the record alone', async () => {
			const evaluation = seedEvaluation(t.mock);
			const [older, newer] = seedRuns(t.mock, evaluation.id, 2, 'completed');
			seedRuns(t.mock, evaluation.id, 1, 'running');
			changedAt(t.mock, older.id, '2030-01-02T00:00:00.000Z');
			changedAt(t.mock, newer.id, '2030-01-01T00:00:00.000Z');
			const items = await trigger.poll(finished({ evaluationId: byId(evaluation.id) }), { mode: 'manual' });
			expect(ids(items)).toEqual([older.id]);
			expect(trigger.staticData).toEqual({});
			// the first active poll still records silently
			expect(await trigger.poll(finished({ evaluationId: byId(evaluation.id) }))).toBeNull();
		});

		test('explains when no run matches yet', async () => {
			const evaluation = seedEvaluation(t.mock);
			seedRuns(t.mock, evaluation.id, 1, 'pending');
			const error = await failureOf(trigger.poll(started({ evaluationId: byId(evaluation.id) }), { mode: 'manual' }));
			expect(error.message).toBe('No evaluation run to show yet');
			expect(error.description).toContain(`No run of evaluation ${evaluation.id} is queued or running right now.`);
		});
	});

	describe('Judgment List Uploaded', () => {
		const uploaded: INodeParameters = { event: 'judgmentListUploaded' };
		const seedList = (t: TestContext, name: string) =>
			t.mock.state.judgmentLists.insert({ name, corpus_id: 'C1', type: 'explicit', scale: 'graded', row_count: 10 });

		test('records the existing lists first, then emits each new list once', async () => {
			seedList(t, 'Existing');
			expect(await trigger.poll(uploaded)).toBeNull();
			const first = seedList(t, 'Golden set v2');
			const second = seedList(t, 'Crowd ratings');
			const items = await trigger.poll(uploaded);
			expect(items?.map((item) => item.json.name)).toEqual(['Golden set v2', 'Crowd ratings']);
			expect(ids(items)).toEqual([first.id, second.id]);
			expect(await trigger.poll(uploaded)).toBeNull();
			expect(t.mock.apiRequests.every((request) => request.path === '/api/v1/judgment-lists')).toBe(true);
		});

		test('manual mode returns the newest list; with none, says so', async () => {
			const error = await failureOf(trigger.poll(uploaded, { mode: 'manual' }));
			expect(error.message).toBe('No judgment list to show yet');
			seedList(t, 'A');
			const newest = seedList(t, 'B');
			expect(ids(await trigger.poll(uploaded, { mode: 'manual' }))).toEqual([newest.id]);
		});
	});

	test(`the record of run statuses never holds more than ${MAX_TRACKED_RUNS} runs`, async () => {
		const evaluations = Array.from({ length: 5 }, (_, index) => seedEvaluation(t.mock, `E${index}`));
		for (const evaluation of evaluations) seedRuns(t.mock, evaluation.id, 480, 'queued');
		await trigger.poll(finished());
		const record = trigger.nodeStaticData.runs as unknown as RunRecord;
		const tracked = Object.values(record.evaluations).reduce((sum, evaluation) => sum + Object.keys(evaluation.runs).length, 0);
		expect(tracked).toBe(MAX_TRACKED_RUNS);
		expect(JSON.stringify(trigger.staticData).length).toBeLessThan(150_000);
	});
});
