import type { IDataObject } from 'n8n-workflow';

import { FIRST_PAGE, MAX_PAGES, PAGE_SIZE } from '../../../../shared/api';
import { apiListPage, apiRequest, type ApiContext } from '../../../../shared/apiRequest';
import { malformedResponseToNodeError } from '../../../../shared/errors';
import { isLastPage } from '../../../../shared/listPage';
import type { RetrySettings } from '../../../../shared/retry';
import { ComparisonProblem } from './comparison';
import { COMPLETED_STATUS, RUN_FIELD, compareCreation, createdTime, resultQueries } from './runFacts';

/*
 * The requests of Evaluation Run → Compare, all through the package's `apiRequest` (transport, token renewal,
 * retries, problem details): Get of a run, Get Many of an evaluation's runs (to find the baseline), Get Results.
 */

export type BaselineMode = 'previousCompleted' | 'newestLocked' | 'specificRun';

export const BASELINE_LABELS: Record<BaselineMode, string> = {
	previousCompleted: 'the previous completed run of the same evaluation',
	newestLocked: 'the newest locked run of the same evaluation',
	specificRun: 'the chosen baseline run',
};

export interface Where {
	operation: string;
	itemIndex: number;
}

function asRun(body: unknown, where: Where, context: ApiContext, what: string): IDataObject {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw malformedResponseToNodeError(context.getNode(), `Expected the ${what} as a JSON object.`, where);
	}
	return body as IDataObject;
}

export async function getRun(context: ApiContext, runId: string, where: Where, retry: RetrySettings): Promise<IDataObject> {
	const response = await apiRequest(context, 'getEvaluationRun', { path: { runId } }, where, { retry });
	return asRun(response.body, where, context, 'evaluation run');
}

/** The query results of a run (see `resultQueries` for the shape read). */
export async function getResults(context: ApiContext, runId: string, where: Where, retry: RetrySettings): Promise<IDataObject[]> {
	const response = await apiRequest(context, 'getEvaluationRunResults', { path: { runId } }, where, { retry });
	const queries = resultQueries(response.body);
	if (!queries) {
		throw malformedResponseToNodeError(
			context.getNode(),
			`Expected the results of run ${runId} as a list of queries (a JSON array, or one under "queries", "results", "items" or "data").`,
			where,
		);
	}
	return queries;
}

/** Every run of an evaluation, page by page (evaluations have tens or hundreds of runs, not millions). */
export async function listRuns(context: ApiContext, evaluationId: string, where: Where, retry: RetrySettings): Promise<IDataObject[]> {
	const runs: IDataObject[] = [];
	for (let page = FIRST_PAGE; page < FIRST_PAGE + MAX_PAGES; page++) {
		const listPage = await apiListPage(
			context,
			'listEvaluationRuns',
			{ path: { evaluationId }, page, pageSize: PAGE_SIZE },
			where,
			{ retry },
		);
		if (typeof listPage === 'string') throw malformedResponseToNodeError(context.getNode(), listPage, where);
		runs.push(...listPage.items);
		if (isLastPage(listPage, page, PAGE_SIZE, runs.length)) return runs;
	}
	throw malformedResponseToNodeError(context.getNode(), `The list of runs did not end after ${MAX_PAGES} pages.`, where);
}

export function describeRun(run: IDataObject): string {
	const name = typeof run[RUN_FIELD.name] === 'string' ? ` "${String(run[RUN_FIELD.name])}"` : '';
	return `run ${String(run[RUN_FIELD.id])}${name}`;
}

/** A candidate or baseline that has not completed has no final metrics: stop, saying which and why. */
export function requireCompleted(run: IDataObject, role: 'Candidate' | 'Baseline'): void {
	const status = run[RUN_FIELD.status];
	if (status === COMPLETED_STATUS) return;
	const advice =
		role === 'Candidate'
			? 'Compare a run once it has completed: use Wait for Completion on Evaluation Run → Create or Start before Compare.'
			: 'Choose a completed run as the baseline.';
	throw new ComparisonProblem(`${role} ${describeRun(run)} is ${String(status ?? 'of unknown status')}, not completed`, [
		'Only a completed run has final metric values to compare.',
		advice,
	]);
}

/**
 * Finds the baseline among the other runs of the candidate's evaluation: the newest completed run created before
 * the candidate, or the newest locked run (which must have completed). Nothing is guessed: no such run is an error.
 */
export function chooseBaseline(candidate: IDataObject, runs: IDataObject[], mode: 'previousCompleted' | 'newestLocked'): IDataObject {
	const candidateId = candidate[RUN_FIELD.id];
	const others = runs.filter((run) => run[RUN_FIELD.id] !== candidateId);
	const evaluationId = String(candidate[RUN_FIELD.evaluation]);
	if (mode === 'previousCompleted') {
		if (createdTime(candidate) === undefined) {
			throw new ComparisonProblem(`Candidate ${describeRun(candidate)} has no creation time`, [
				`Releval's answer has no "${RUN_FIELD.created}" time for the run, so "previous" cannot be decided.`,
				'Choose the baseline by ID (Compare With → Specific Run).',
			]);
		}
		const previous = others
			.filter((run) => run[RUN_FIELD.status] === COMPLETED_STATUS && createdTime(run) !== undefined)
			.filter((run) => compareCreation(run, candidate) < 0)
			.sort(compareCreation)
			.pop();
		if (!previous) {
			throw new ComparisonProblem(`No baseline: evaluation ${evaluationId} has no completed run before ${describeRun(candidate)}`, [
				`Looked at ${others.length} other run(s) of the evaluation; none completed before the candidate was created.`,
				'Run the evaluation once more to have a baseline, or choose one by ID (Compare With → Specific Run).',
			]);
		}
		return previous;
	}
	const locked = others.filter((run) => run[RUN_FIELD.locked] === true).sort(compareCreation).pop();
	if (!locked) {
		throw new ComparisonProblem(`No baseline: evaluation ${evaluationId} has no locked run`, [
			`Looked at ${others.length} other run(s) of the evaluation; none is locked.`,
			'Lock the run that should be the reference (Evaluation Run → Lock), or compare with the previous completed run.',
		]);
	}
	return locked;
}
