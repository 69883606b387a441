import { SCALE_MAX, findQuery, recomputeMetrics, type Scale } from '../lifecycle';
import type { MockReleval } from '../server';
import { ProblemError, invalidFields } from '../state';

interface SubmittedJudgments {
	queries: Array<{ query_id: string; judgments: Array<{ candidate_id: string; grade: number }> }>;
}

/**
 * Judgments: grades for the candidates of run queries, identified by the query_id of the run's results. Every
 * query must exist (404), its run must not be locked (409: "a locked run rejects every judgment change") and
 * each grade must fit the run's scale (400 with the field in `errors`); nothing is stored unless all pass.
 * Stored grades replace the candidate's grade and the run's metrics are recomputed. Raters may submit.
 */
export function registerJudgmentHandlers(mock: MockReleval): void {
	mock.handle('submitJudgments', 'Rater', ({ body, client }) => {
		const { queries } = body as SubmittedJudgments;
		const targets = queries.map((submitted) => {
			const found = findQuery(mock, submitted.query_id);
			if (!found) throw new ProblemError(404, 'Not Found', `Query ${submitted.query_id} was not found in any evaluation run.`);
			return { submitted, ...found };
		});

		const locked = targets.find((target) => target.run.locked === true);
		if (locked) {
			throw new ProblemError(
				409,
				'Run is locked',
				`Evaluation run ${locked.run.id} is locked; a locked run rejects every judgment change.`,
			);
		}

		const errors: Record<string, string[]> = {};
		targets.forEach(({ submitted, run, query }, queryIndex) => {
			const max = SCALE_MAX[run.scale as Scale] ?? 9;
			submitted.judgments.forEach((judgment, judgmentIndex) => {
				const field = `queries[${queryIndex}].judgments[${judgmentIndex}]`;
				if (judgment.grade > max) {
					(errors[`${field}.grade`] ??= []).push(`The ${String(run.scale)} scale allows grades from 0 to ${max}.`);
				}
				if (!query.candidates.some((candidate) => candidate.id === judgment.candidate_id)) {
					(errors[`${field}.candidate_id`] ??= []).push(
						`Candidate ${judgment.candidate_id} is not a result of query ${query.query_id}.`,
					);
				}
			});
		});
		if (Object.keys(errors).length) throw invalidFields(errors);

		const runIds = new Set<string>();
		let count = 0;
		for (const { submitted, run, query } of targets) {
			for (const judgment of submitted.judgments) {
				query.candidates.find((candidate) => candidate.id === judgment.candidate_id)!.grade = judgment.grade;
				mock.state.judgments.insert({
					evaluation_run_id: run.id,
					query_id: query.query_id,
					candidate_id: judgment.candidate_id,
					grade: judgment.grade,
					judge: client.clientId,
				});
				count += 1;
			}
			runIds.add(run.id);
		}
		for (const runId of runIds) recomputeMetrics(mock, runId);

		// INFERRED: Releval's answer is not documented; the mock says what it stored.
		return {
			status: 200,
			body: { queries: targets.length, judgments: count, evaluation_run_ids: [...runIds] },
		};
	});
}
