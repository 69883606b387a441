import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { failureOf, useMockReleval } from '../../helpers';
import { runResults, seedRun, setRunResults, type QueryResult, type Scale } from '../../mock/lifecycle';
import { DEFAULT_CLIENT } from '../../mock/server';

const submit = (extra: INodeParameters) => ({ resource: 'judgment', operation: 'submit', ...extra });
const items = (rows: IDataObject[]): INodeExecutionData[] => rows.map((json) => ({ json }));

/** A completed run with two known queries (q-a: candidates a1..a3, q-b: b1..b3), nothing graded yet. */
function seedJudgeableRun(t: ReturnType<typeof useMockReleval>, scale: Scale = 'graded', extra: IDataObject = {}) {
	const run = seedRun(t.mock, { status: 'completed', scale, metrics: ['NDCG@10', 'P@3'], ...extra });
	const results: QueryResult[] = ['a', 'b'].map((letter) => ({
		query_id: `q-${letter}-${run.id}`,
		query: `query ${letter}`,
		candidates: [1, 2, 3].map((rank) => ({ id: `${letter}${rank}`, title: `Result ${letter}${rank}`, grade: null })),
	}));
	setRunResults(t.mock, run.id, results);
	return { run, qa: results[0].query_id, qb: results[1].query_id };
}

describe('Judgment → Submit', () => {
	const t = useMockReleval();

	test('grades from the fields: one request with every query and its candidates', async () => {
		const { run, qa, qb } = seedJudgeableRun(t);
		const [item] = await t.harness.run(
			submit({
				scale: 'graded',
				gradesFrom: 'parameters',
				judgments: {
					queries: [
						{ queryId: qa, candidates: { candidate: [{ candidateId: 'a1', grade: 4 }, { candidateId: 'a2', grade: 0 }] } },
						{ queryId: qb, candidates: { candidate: [{ candidateId: 'b3', grade: 2 }] } },
					],
				},
			}),
		);
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: '/api/v1/judgments' });
		expect(t.mock.apiRequests[0].body).toEqual({
			queries: [
				{ query_id: qa, judgments: [{ candidate_id: 'a1', grade: 4 }, { candidate_id: 'a2', grade: 0 }] },
				{ query_id: qb, judgments: [{ candidate_id: 'b3', grade: 2 }] },
			],
		});
		expect(item.json).toEqual({ queries: 2, judgments: 3, evaluation_run_ids: [run.id] });
		const [a, b] = runResults(t.mock, run.id);
		expect(a.candidates.map((candidate) => candidate.grade)).toEqual([4, 0, null]);
		expect(b.candidates.map((candidate) => candidate.grade)).toEqual([null, null, 2]);
	});

	test('5 input items over 2 queries become ONE request, grouped per query in first-seen order', async () => {
		const { run, qa, qb } = seedJudgeableRun(t);
		const output = await t.harness.run(submit({ scale: 'graded', gradesFrom: 'items' }), {
			items: items([
				{ query_id: qb, candidate_id: 'b1', grade: 3 },
				{ query_id: qa, candidate_id: 'a1', grade: 4 },
				{ query_id: qb, candidate_id: 'b2', grade: '1' },
				{ query_id: qa, candidate_id: 'a3', grade: 0 },
				{ query_id: qb, candidate_id: 'b3', grade: 2 },
			]),
		});
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.apiRequests[0].body).toEqual({
			queries: [
				{
					query_id: qb,
					judgments: [
						{ candidate_id: 'b1', grade: 3 },
						{ candidate_id: 'b2', grade: 1 },
						{ candidate_id: 'b3', grade: 2 },
					],
				},
				{
					query_id: qa,
					judgments: [
						{ candidate_id: 'a1', grade: 4 },
						{ candidate_id: 'a3', grade: 0 },
					],
				},
			],
		});
		expect(output.map((item) => item.json)).toEqual([{ queries: 2, judgments: 5, evaluation_run_ids: [run.id] }]);
		expect(t.mock.state.judgments.all()).toHaveLength(5);
	});

	test('input field names are configurable, dot paths included, and a repeated candidate keeps its last grade', async () => {
		const { qa } = seedJudgeableRun(t);
		await t.harness.run(
			submit({ scale: 'graded', gradesFrom: 'items', queryIdField: 'qid', candidateIdField: 'doc.id', gradeField: 'rating' }),
			{
				items: items([
					{ qid: qa, doc: { id: 'a2' }, rating: 1 },
					{ qid: qa, doc: { id: 'a2' }, rating: 3 },
				]),
			},
		);
		expect(t.mock.apiRequests[0].body).toEqual({ queries: [{ query_id: qa, judgments: [{ candidate_id: 'a2', grade: 3 }] }] });
	});

	test('metrics are recomputed from the new grades', async () => {
		const { run, qa, qb } = seedJudgeableRun(t);
		expect(t.mock.state.runs.get(run.id).metric_values).toEqual({ 'NDCG@10': 0, 'P@3': 0 });
		await t.harness.run(submit({ scale: 'graded', gradesFrom: 'items' }), {
			items: items([
				{ query_id: qa, candidate_id: 'a1', grade: 4 },
				{ query_id: qb, candidate_id: 'b2', grade: 4 },
			]),
		});
		const values = t.mock.state.runs.get(run.id).metric_values as Record<string, number>;
		expect(values['P@3']).toBeCloseTo(1 / 3, 3);
		expect(values['NDCG@10']).toBeGreaterThan(0.5);
		expect(values['NDCG@10']).toBeLessThan(1);
	});

	describe('grades are checked against the chosen scale before anything is sent', () => {
		test.each<[Scale, number]>([
			['binary', 1],
			['graded', 4],
			['detailed', 9],
		])('%s accepts 0 to %i', async (scale, max) => {
			const { qa } = seedJudgeableRun(t, scale);
			await t.harness.run(submit({ scale, gradesFrom: 'items' }), {
				items: items([
					{ query_id: qa, candidate_id: 'a1', grade: 0 },
					{ query_id: qa, candidate_id: 'a2', grade: max },
				]),
			});
			expect(t.mock.apiRequests).toHaveLength(1);
		});

		test.each<[Scale, string | number | null, string]>([
			['binary', 2, 'Binary scale allows whole numbers from 0 to 1'],
			['graded', 5, 'Graded scale allows whole numbers from 0 to 4'],
			['detailed', 10, 'Detailed scale allows whole numbers from 0 to 9'],
			['graded', -1, 'from 0 to 4'],
			['graded', 2.5, 'from 0 to 4'],
			['graded', 'good', 'from 0 to 4'],
			['graded', '', 'from 0 to 4'],
			['graded', null, 'from 0 to 4'],
		])('input items: %s rejects grade %j, naming the row and field', async (scale, grade, problem) => {
			const { qa } = seedJudgeableRun(t, scale);
			const error = await failureOf(
				t.harness.run(submit({ scale, gradesFrom: 'items' }), {
					items: items([
						{ query_id: qa, candidate_id: 'a1', grade: 0 },
						{ query_id: qa, candidate_id: 'a2', grade: 1 },
						{ query_id: qa, candidate_id: 'a3', grade },
					]),
				}),
			);
			expect(error.message).toContain('Input item 3: field "grade" is ');
			expect(error.message).toContain(problem);
			expect(t.mock.requests).toHaveLength(0);
		});

		test('fields: a grade outside the scale names the query and candidate', async () => {
			const { qa, qb } = seedJudgeableRun(t, 'binary');
			const error = await failureOf(
				t.harness.run(
					submit({
						scale: 'binary',
						gradesFrom: 'parameters',
						judgments: {
							queries: [
								{ queryId: qa, candidates: { candidate: [{ candidateId: 'a1', grade: 1 }] } },
								{ queryId: qb, candidates: { candidate: [{ candidateId: 'b1', grade: 0 }, { candidateId: 'b2', grade: 3 }] } },
							],
						},
					}),
				),
			);
			expect(error.message).toBe(
				'Judgments → Query 2, Candidate 2: "Grade" is 3, but the Binary scale allows whole numbers from 0 to 1',
			);
			expect(t.mock.requests).toHaveLength(0);
		});
	});

	test.each([
		[{ candidate_id: 'a1', grade: 1 }, 'Input item 2: field "query_id" (the query ID) is empty or missing'],
		[{ query_id: ' ', candidate_id: 'a1', grade: 1 }, 'Input item 2: field "query_id" (the query ID) is empty or missing'],
		[{ query_id: 'q', grade: 1 }, 'Input item 2: field "candidate_id" (the candidate ID) is empty or missing'],
		// an ID is sent as its text, so one whose text is empty counts as missing
		[{ query_id: 'q', candidate_id: [], grade: 1 }, 'Input item 2: field "candidate_id" (the candidate ID) is empty or missing'],
		[{ query_id: 'q', candidate_id: 'a1' }, 'Input item 2: field "grade" is missing'],
	])('an input item without %j is rejected before any request', async (row, message) => {
		const { qa } = seedJudgeableRun(t);
		await expect(
			t.harness.run(submit({ scale: 'graded', gradesFrom: 'items' }), {
				items: items([{ query_id: qa, candidate_id: 'a2', grade: 1 }, row]),
			}),
		).rejects.toThrow(message);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('an empty field name is rejected before any request', async () => {
		await expect(
			t.harness.run(submit({ scale: 'graded', gradesFrom: 'items', gradeField: ' ' }), {
				items: items([{ query_id: 'q', candidate_id: 'a', grade: 1 }]),
			}),
		).rejects.toThrow('"Grade Field" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('no judgments in the fields, or a query without candidates, is rejected before any request', async () => {
		await expect(t.harness.run(submit({ scale: 'graded', gradesFrom: 'parameters' }))).rejects.toThrow(
			'"Judgments" is required',
		);
		await expect(
			t.harness.run(
				submit({ scale: 'graded', gradesFrom: 'parameters', judgments: { queries: [{ queryId: 'q', candidates: {} }] } }),
			),
		).rejects.toThrow('Judgments → Query 1 has no candidates');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('a locked run refuses every judgment change with 409', async () => {
		const { run, qa } = seedJudgeableRun(t, 'graded', { locked: true });
		const error = await failureOf(
			t.harness.run(submit({ scale: 'graded', gradesFrom: 'items' }), {
				items: items([{ query_id: qa, candidate_id: 'a1', grade: 2 }]),
			}),
		);
		expect(error.httpCode).toBe('409');
		expect(error.message).toBe('Run is locked');
		expect(error.description).toContain(`Evaluation run ${run.id} is locked`);
		expect(runResults(t.mock, run.id)[0].candidates[0].grade).toBeNull();
	});

	test('after Evaluation Run → Lock, judgments on that run are refused', async () => {
		const { run, qa } = seedJudgeableRun(t);
		await t.harness.run({ resource: 'evaluationRun', operation: 'lock', runId: { __rl: true, mode: 'id', value: run.id } });
		const error = await failureOf(
			t.harness.run(submit({ scale: 'graded', gradesFrom: 'items' }), {
				items: items([{ query_id: qa, candidate_id: 'a1', grade: 2 }]),
			}),
		);
		expect(error.httpCode).toBe('409');
	});

	test('an unknown query surfaces Releval\'s 404', async () => {
		const error = await failureOf(
			t.harness.run(submit({ scale: 'graded', gradesFrom: 'items' }), {
				items: items([{ query_id: 'nope', candidate_id: 'a1', grade: 2 }]),
			}),
		);
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('Query nope was not found');
	});

	test('a grade the node accepts but the run\'s own scale does not is refused by Releval (400 naming the field)', async () => {
		const { qa } = seedJudgeableRun(t, 'binary');
		const error = await failureOf(
			t.harness.run(submit({ scale: 'graded', gradesFrom: 'items' }), {
				items: items([{ query_id: qa, candidate_id: 'a1', grade: 3 }]),
			}),
		);
		expect(error.httpCode).toBe('400');
		expect(error.description).toContain('queries[0].judgments[0].grade: The binary scale allows grades from 0 to 1.');
	});
});

describe('Judgment → Submit with a Rater App Client', () => {
	const t = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Rater'] }] });

	test('Raters may submit judgments', async () => {
		const { qa } = seedJudgeableRun(t);
		const [item] = await t.harness.run(submit({ scale: 'graded', gradesFrom: 'items' }), {
			items: items([{ query_id: qa, candidate_id: 'a1', grade: 4 }]),
		});
		expect(item.json).toMatchObject({ judgments: 1 });
	});
});
