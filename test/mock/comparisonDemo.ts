import { runResults, seedRun, setRunResults, type QueryResult } from './lifecycle';
import type { MockReleval } from './server';
import type { Resource } from './state';

/*
 * Demo data for Evaluation Run → Compare (the relevance gate, example 08): an evaluation run nightly whose two
 * finished runs form a regressing pair, and whose results are arranged so that each new run of it regresses again.
 *
 * Quality, from best to worst, per query of the top-20 product searches:
 * - Monday (locked, the accepted baseline): every one of the five candidates relevant, best first.
 * - Tuesday: the results a new run gets, re-ranked best first; its irrelevant and unjudged candidates replace
 *   Monday's extra relevant ones. Against Monday, P@5 falls (documents left the top k).
 * - A new run (what the mock's lifecycle generates): the same candidates as Tuesday in their original order.
 *   Against Tuesday, NDCG@10, MAP and MRR@10 fall; so the example's first run regresses, and a second run,
 *   compared with the first, passes (the same results).
 */

export const NIGHTLY_METRICS = ['NDCG@10', 'MAP', 'MRR@10', 'P@5'];

export interface NightlyGateDemo {
	evaluation: Resource;
	/** Locked: the newest locked run of the evaluation. */
	monday: Resource;
	/** Completed after Monday and worse on P@5: the previous completed run for the next run. */
	tuesday: Resource;
}

function bestFirst(query: QueryResult): QueryResult {
	const candidates = [...query.candidates].sort((a, b) => (b.grade ?? 0) - (a.grade ?? 0));
	return { ...query, candidates: candidates.map((candidate) => ({ ...candidate })) };
}

/** Tuesday's ranking with every irrelevant or unjudged candidate replaced by a relevant one. */
function allRelevant(query: QueryResult, queryIndex: number): QueryResult {
	let replaced = 0;
	const candidates = query.candidates.map((candidate) => {
		if ((candidate.grade ?? 0) > 0) return { ...candidate };
		replaced += 1;
		const id = `product-${queryIndex + 1}-extra-${replaced}`;
		return { id, title: `${query.query} — curated result ${replaced}`, grade: 2 };
	});
	candidates.sort((a, b) => (b.grade ?? 0) - (a.grade ?? 0));
	return { ...query, candidates };
}

export function seedNightlyGate(
	mock: MockReleval,
	ids: { evaluationId: string; endpointId: string; querySetId: string; queryTemplateId: string },
): NightlyGateDemo {
	const evaluation = mock.state.evaluations.insert({
		id: ids.evaluationId,
		name: 'Product search — nightly gate',
		description: 'Run every night after the search deploy; a drop in relevance stops the release',
		endpoint_id: ids.endpointId,
		query_set_id: ids.querySetId,
		query_template_id: ids.queryTemplateId,
	});
	const run = (name: string, locked: boolean) =>
		seedRun(mock, { evaluation_id: evaluation.id, name, scale: 'graded', metrics: NIGHTLY_METRICS, status: 'completed', locked });
	const monday = run('Nightly — Monday (accepted baseline)', true);
	const tuesday = run('Nightly — Tuesday', false);
	const tuesdayResults = runResults(mock, tuesday.id).map(bestFirst);
	setRunResults(mock, tuesday.id, tuesdayResults);
	setRunResults(
		mock,
		monday.id,
		tuesdayResults.map((query, index) => ({ ...allRelevant(query, index), query_id: runResults(mock, monday.id)[index].query_id })),
	);
	return { evaluation, monday: mock.state.runs.get(monday.id), tuesday: mock.state.runs.get(tuesday.id) };
}
