import { advanceJudgingRunOnGet, seedJudgingRun, setJudgingRunStatus } from '../lifecycle';
import type { MockReleval } from '../server';
import { ProblemError, notFound, requireStatus } from '../state';
import { registerCrud } from './crud';

/**
 * AI judging runs: started on a completed (else 400), unlocked (else 409) evaluation run with an existing AI
 * judge (else 404); they start queued with zero progress. Cancel works while queued or running (else 400).
 * Progress past "queued" is driven by the test (see ../lifecycle.ts). Starting and cancelling need Member;
 * Raters can watch progress.
 */
export function registerAiJudgingRunHandlers(mock: MockReleval): void {
	const { runs, aiJudges, aiJudgingRuns } = mock.state;

	mock.handle('startAiJudgingRun', 'Member', ({ params, body }) => {
		const run = runs.get(params.runId);
		const { ai_judge_id: aiJudgeId } = body as { ai_judge_id: string };
		if (!aiJudges.byId.has(aiJudgeId)) throw notFound('AI judge', aiJudgeId);
		requireStatus(
			run,
			['completed'],
			'Run is not completed',
			`Evaluation run ${run.id} is ${String(run.status)}; AI judging needs a completed run.`,
		);
		if (run.locked === true) {
			throw new ProblemError(409, 'Run is locked', `Evaluation run ${run.id} is locked; AI judging needs an unlocked run.`);
		}
		return { status: 201, body: seedJudgingRun(mock, { evaluation_run_id: run.id, ai_judge_id: aiJudgeId }) };
	});

	const { find } = registerCrud(mock, {
		collection: aiJudgingRuns,
		idParam: 'judgingRunId',
		roles: { read: 'Rater', write: 'Member' },
		operations: { get: 'getAiJudgingRun' },
		beforeGet: (judgingRun) => advanceJudgingRunOnGet(mock, judgingRun.id),
	});

	mock.handle('cancelAiJudgingRun', 'Member', (input) => {
		const judgingRun = find(input);
		requireStatus(
			judgingRun,
			['queued', 'running'],
			'Judging run is not queued or running',
			`AI judging run ${judgingRun.id} is ${String(judgingRun.status)}; only a queued or running judging run can be cancelled.`,
		);
		return { status: 200, body: setJudgingRunStatus(mock, judgingRun.id, 'cancelled') };
	});
}
