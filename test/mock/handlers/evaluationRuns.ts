import { advanceOnGet, runResults, setRunStatus } from '../lifecycle';
import type { MockReleval } from '../server';
import { now, requireStatus } from '../state';
import { registerCrud } from './crud';

/** The settings a run is created with, and that Clone copies. */
const RUN_SETTINGS = ['name', 'scale', 'metrics', 'body', 'query_string', 'content_type', 'headers'];

/** A new run: the settings of `source` (a create request, or the run Clone copies), pending and unlocked. */
function pendingRun(source: Record<string, unknown>): Record<string, unknown> {
	const settings = RUN_SETTINGS.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]);
	return { ...Object.fromEntries(settings), status: 'pending', locked: false, metric_values: {} };
}

/**
 * Evaluation runs: created pending under an evaluation (404 when it does not exist), started (pending → queued),
 * stopped (queued/running → cancelled, else 400 as Releval documents), locked, cloned; results and judgment
 * export once they ran. Status changes past "queued" are driven by the test (see ../lifecycle.ts).
 * Roles: Raters view runs; creating and managing them needs Member.
 */
export function registerEvaluationRunHandlers(mock: MockReleval): void {
	const { evaluations, runs } = mock.state;

	const { find } = registerCrud(mock, {
		collection: runs,
		idParam: 'runId',
		roles: { read: 'Rater', write: 'Member' },
		operations: { list: 'listEvaluationRuns', create: 'createEvaluationRun', get: 'getEvaluationRun' },
		parent: { collection: evaluations, idParam: 'evaluationId', field: 'evaluation_id' },
		create: pendingRun,
		beforeGet: (run) => advanceOnGet(mock, run.id),
	});

	mock.handle('startEvaluationRun', 'Member', (input) => {
		const run = find(input);
		requireStatus(
			run,
			['pending'],
			'Run is not pending',
			`Evaluation run ${run.id} is ${String(run.status)}; only a pending run can be started. Clone it to run it again.`,
		);
		return { status: 200, body: setRunStatus(mock, run.id, 'queued') };
	});

	mock.handle('stopEvaluationRun', 'Member', (input) => {
		const run = find(input);
		requireStatus(
			run,
			['queued', 'running'],
			'Run is not queued or running',
			`Evaluation run ${run.id} is ${String(run.status)}; only a queued or running run can be stopped.`,
		);
		const stopped = setRunStatus(mock, run.id, 'cancelled');
		return { status: 200, body: { id: stopped.id, status: stopped.status, updated: stopped.updated } };
	});

	mock.handle('getEvaluationRunResults', 'Rater', (input) => {
		const run = find(input);
		return {
			status: 200,
			body: { run_id: run.id, status: run.status, metric_values: run.metric_values ?? {}, queries: runResults(mock, run.id) },
		};
	});

	mock.handle('cloneEvaluationRun', 'Member', (input) => {
		const source = find(input);
		const clone = runs.insert({ evaluation_id: source.evaluation_id, ...pendingRun(source), cloned_from: source.id });
		return { status: 201, body: clone };
	});

	mock.handle('lockEvaluationRun', 'Member', (input) => {
		const run = find(input);
		return { status: 200, body: runs.update(run.id, { locked: true, locked_at: now() }) };
	});

	mock.handle('exportEvaluationRunJudgments', 'Rater', (input) => {
		const run = find(input);
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
