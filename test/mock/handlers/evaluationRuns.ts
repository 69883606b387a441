import { advanceOnGet, runResults, setRunStatus } from '../lifecycle';
import type { MockReleval } from '../server';
import { ProblemError, now, pageOf } from '../state';

/** The settings a run is created with, and that Clone copies. */
const RUN_SETTINGS = ['name', 'scale', 'metrics', 'body', 'query_string', 'content_type', 'headers'];

function pickSettings(source: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(RUN_SETTINGS.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

/**
 * Evaluation runs: created pending under an evaluation (404 when it does not exist), started (pending → queued),
 * stopped (queued/running → cancelled, else 400 as Releval documents), locked, cloned; results and judgment
 * export once they ran. Status changes past "queued" are driven by the test (see ../lifecycle.ts).
 * Roles: Raters view runs; creating and managing them needs Member.
 */
export function registerEvaluationRunHandlers(mock: MockReleval): void {
	const { evaluations, runs } = mock.state;

	mock.handle('listEvaluationRuns', 'Rater', ({ params, query }) => {
		evaluations.get(params.evaluationId);
		const list = runs.all().filter((run) => run.evaluation_id === params.evaluationId);
		return { status: 200, body: pageOf(list, query, mock.options.envelope) };
	});

	mock.handle('createEvaluationRun', 'Member', ({ params, body }) => {
		evaluations.get(params.evaluationId);
		const run = runs.insert({
			evaluation_id: params.evaluationId,
			...pickSettings(body as Record<string, unknown>),
			status: 'pending',
			locked: false,
			metric_values: {},
		});
		return { status: 201, body: run };
	});

	mock.handle('getEvaluationRun', 'Rater', ({ params }) => {
		runs.get(params.runId);
		advanceOnGet(mock, params.runId);
		return { status: 200, body: runs.get(params.runId) };
	});

	mock.handle('startEvaluationRun', 'Member', ({ params }) => {
		const run = runs.get(params.runId);
		if (run.status !== 'pending') {
			throw new ProblemError(
				400,
				'Run is not pending',
				`Evaluation run ${run.id} is ${String(run.status)}; only a pending run can be started. Clone it to run it again.`,
			);
		}
		return { status: 200, body: setRunStatus(mock, run.id, 'queued') };
	});

	mock.handle('stopEvaluationRun', 'Member', ({ params }) => {
		const run = runs.get(params.runId);
		if (run.status !== 'queued' && run.status !== 'running') {
			throw new ProblemError(
				400,
				'Run is not queued or running',
				`Evaluation run ${run.id} is ${String(run.status)}; only a queued or running run can be stopped.`,
			);
		}
		const stopped = setRunStatus(mock, run.id, 'cancelled');
		return { status: 200, body: { id: stopped.id, status: stopped.status, updated: stopped.updated } };
	});

	mock.handle('getEvaluationRunResults', 'Rater', ({ params }) => {
		const run = runs.get(params.runId);
		return {
			status: 200,
			body: { run_id: run.id, status: run.status, metric_values: run.metric_values ?? {}, queries: runResults(mock, run.id) },
		};
	});

	mock.handle('cloneEvaluationRun', 'Member', ({ params }) => {
		const source = runs.get(params.runId);
		const clone = runs.insert({
			evaluation_id: source.evaluation_id,
			...pickSettings(source),
			status: 'pending',
			locked: false,
			metric_values: {},
			cloned_from: source.id,
		});
		return { status: 201, body: clone };
	});

	mock.handle('lockEvaluationRun', 'Member', ({ params }) => {
		runs.get(params.runId);
		return { status: 200, body: runs.update(params.runId, { locked: true, locked_at: now() }) };
	});

	mock.handle('exportEvaluationRunJudgments', 'Rater', ({ params }) => {
		const run = runs.get(params.runId);
		const rows = runResults(mock, run.id).flatMap((query) =>
			query.candidates
				.filter((candidate) => candidate.grade !== null)
				.map((candidate) => ({
					query_id: query.query_id,
					query: query.query,
					candidate_id: candidate.id,
					grade: candidate.grade,
				})),
		);
		return { status: 200, body: rows };
	});
}
