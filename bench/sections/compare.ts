import type { IDataObject } from 'n8n-workflow';

import { compareMetrics } from '../../nodes/Releval/resources/evaluationRun/compare/comparison';
import { compareQueries } from '../../nodes/Releval/resources/evaluationRun/compare/queryChanges';
import { summarise, type Summary } from '../lib/stats';

/*
 * Part 9: Evaluation Run → Compare's own CPU time for two runs of 10,000 queries (issue 15: under 1 s). What is
 * measured is the comparison the node runs once Releval's answers are in — every metric against its threshold and
 * every query's top 10 against the baseline's (Simplify off, the heavy case) — not the HTTP requests or n8n.
 * The two runs are shaped like Releval's results (the mock's): ten candidates per query with grades, per-query
 * metric values; one query in ten has a document that entered and one that left the top 10, and every query's
 * NDCG@10 moved, so every query is a change to rank.
 */

export interface CompareCpuResult {
	queries: number;
	candidatesPerQuery: number;
	rounds: number;
	/** CPU time (user + system) of this process per comparison, ms. */
	cpuMs: Summary;
	changedQueries: number;
}

const CANDIDATES = 10;

function runResults(queries: number, variant: 0 | 1): IDataObject[] {
	return Array.from({ length: queries }, (_, index) => ({
		query_id: `q-${variant}-${index}`,
		query: `search ${index}`,
		candidates: Array.from({ length: CANDIDATES }, (__, rank) => ({
			id: variant === 1 && index % 10 === 0 && rank === CANDIDATES - 1 ? `doc-${index}-new` : `doc-${index}-${rank}`,
			title: `Document ${index}/${rank}`,
			image: `https://images.example.com/${index}-${rank}.jpg`,
			grade: rank < 6 ? 4 - (rank % 5) : null,
		})),
		metric_values: { 'NDCG@10': 0.8 - variant * ((index % 7) / 100), MAP: 0.7, 'MRR@10': 0.9, 'P@5': 0.6 },
	}));
}

function cpuMsOf(work: () => void): number {
	const before = process.cpuUsage();
	work();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000;
}

export function compareCpu(queries: number, rounds: number): CompareCpuResult {
	// JSON round trip: the node compares parsed answers, objects it has not touched before
	const baseline = JSON.stringify(runResults(queries, 0));
	const candidate = JSON.stringify(runResults(queries, 1));
	const baselineMetrics = { 'NDCG@10': 0.8, MAP: 0.7, 'MRR@10': 0.9, 'P@5': 0.6 };
	const candidateMetrics = { 'NDCG@10': 0.77, MAP: 0.7, 'MRR@10': 0.91, 'P@5': 0.6 };
	const samples: number[] = [];
	let changedQueries = 0;
	for (let round = 0; round < rounds + 1; round++) {
		const baselineQueries = JSON.parse(baseline) as IDataObject[];
		const candidateQueries = JSON.parse(candidate) as IDataObject[];
		const ms = cpuMsOf(() => {
			const metrics = compareMetrics(baselineMetrics, candidateMetrics, [{ metric: '*', maxDrop: 0.01, relative: false }]);
			const compared = compareQueries(baselineQueries, candidateQueries, {
				topK: 10,
				maxQueries: 25,
				metrics: Object.keys(metrics.metrics),
				orderBy: metrics.regressedMetrics[0],
			});
			changedQueries = compared.changed;
		});
		// the first round warms the JIT up and is not counted
		if (round > 0) samples.push(ms);
	}
	return { queries, candidatesPerQuery: CANDIDATES, rounds, cpuMs: summarise(samples), changedQueries };
}
