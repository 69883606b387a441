import type { MockReleval } from './server';
import { newId, now, type Resource } from './state';

/*
 * Lifecycles of evaluation runs and AI judging runs in the mock Releval, under the test's control.
 *
 * Evaluation runs: pending → (Start) queued → running → completed | failed | cancelled (Stop). AI judging runs:
 * queued → running → completed | failed | cancelled (Cancel). A test moves them with `setRunStatus` /
 * `setJudgingRunStatus`, or turns on `enableAutoAdvance` so that each GET of a run moves it one step and answers
 * with the new state (the way a "wait for completion" poll sees a run progress).
 *
 * A run that reaches "completed" gets results (per query: candidates with ids, titles and grades) and
 * `metric_values` computed from the grades; judgments and AI judging change the grades and recompute them, as
 * Releval does (SEEN: "metrics are recomputed automatically whenever judgments change").
 */

export type RunStatus = 'pending' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type JudgingRunStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type Scale = 'binary' | 'graded' | 'detailed';

export const SCALE_MAX: Record<Scale, number> = { binary: 1, graded: 4, detailed: 9 };

export interface ResultCandidate {
	id: string;
	title: string;
	image?: string;
	fields?: Record<string, unknown>;
	/** null until judged. */
	grade: number | null;
}

export interface QueryResult {
	query_id: string;
	query: string;
	candidates: ResultCandidate[];
	metric_values?: Record<string, number>;
}

export interface AutoAdvanceOptions {
	/** Evaluation runs advance on each GET (default true). */
	runs?: boolean;
	/** AI judging runs advance on each GET (default true). */
	judgingRuns?: boolean;
	/** Also move pending runs to queued, as if they had been started (default false: pending waits for Start). */
	fromPending?: boolean;
	/** Where a running evaluation run ends (default completed). */
	runOutcome?: 'completed' | 'failed';
	/** Where a running AI judging run ends (default completed). */
	judgingOutcome?: 'completed' | 'failed';
}

interface LifecycleState {
	results: Map<string, QueryResult[]>;
	autoAdvance?: Required<AutoAdvanceOptions>;
}

const states = new WeakMap<MockReleval, LifecycleState>();

function stateOf(mock: MockReleval): LifecycleState {
	let state = states.get(mock);
	if (!state) {
		state = { results: new Map() };
		states.set(mock, state);
	}
	return state;
}

export const TERMINAL_RUN_STATUSES: RunStatus[] = ['completed', 'failed', 'cancelled'];
const NEXT_RUN_STATUS: Partial<Record<RunStatus, RunStatus>> = { pending: 'queued', queued: 'running' };

/** Each GET of a run (and of a judging run) moves it one step, until it is completed, failed or cancelled. */
export function enableAutoAdvance(mock: MockReleval, options: AutoAdvanceOptions = {}): void {
	stateOf(mock).autoAdvance = {
		runs: options.runs ?? true,
		judgingRuns: options.judgingRuns ?? true,
		fromPending: options.fromPending ?? false,
		runOutcome: options.runOutcome ?? 'completed',
		judgingOutcome: options.judgingOutcome ?? 'completed',
	};
}

export function disableAutoAdvance(mock: MockReleval): void {
	stateOf(mock).autoAdvance = undefined;
}

/** Called by the GET handlers: advances the run one step when auto mode is on. */
export function advanceOnGet(mock: MockReleval, runId: string): void {
	const auto = stateOf(mock).autoAdvance;
	if (!auto?.runs) return;
	const run = mock.state.runs.get(runId);
	const status = run.status as RunStatus;
	if (status === 'pending' && !auto.fromPending) return;
	const next = status === 'running' ? auto.runOutcome : NEXT_RUN_STATUS[status];
	if (next) setRunStatus(mock, runId, next);
}

export function advanceJudgingRunOnGet(mock: MockReleval, judgingRunId: string): void {
	const auto = stateOf(mock).autoAdvance;
	if (!auto?.judgingRuns) return;
	const judgingRun = mock.state.aiJudgingRuns.get(judgingRunId);
	if (judgingRun.status === 'queued') setJudgingRunStatus(mock, judgingRunId, 'running');
	else if (judgingRun.status === 'running') setJudgingRunStatus(mock, judgingRunId, auto.judgingOutcome);
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation runs

export interface RunSeed {
	evaluation_id?: string;
	name?: string;
	scale?: Scale;
	metrics?: string[];
	status?: RunStatus;
	locked?: boolean;
	[key: string]: unknown;
}

/** Inserts an evaluation run (a completed one gets results and metric values). */
export function seedRun(mock: MockReleval, seed: RunSeed = {}): Resource {
	const { status = 'pending', ...fields } = seed;
	const run = mock.state.runs.insert({
		evaluation_id: 'EVAL1',
		name: 'Run 1 - Baseline',
		scale: 'graded',
		metrics: ['NDCG@10'],
		locked: false,
		metric_values: {},
		...fields,
		status: 'pending',
	});
	if (status !== 'pending') setRunStatus(mock, run.id, status);
	return mock.state.runs.get(run.id);
}

/**
 * Moves a run to `status`. Reaching "running" creates its results (grades not yet given by anyone, except those
 * the corpus already had); "completed" computes its metric values. `extra` is merged into the run last, e.g.
 * `{ metric_values: { 'NDCG@10': 0.71 } }` or `{ error: 'Endpoint timed out' }`.
 */
export function setRunStatus(mock: MockReleval, runId: string, status: RunStatus, extra: Record<string, unknown> = {}): Resource {
	const run = mock.state.runs.get(runId);
	const lifecycle = stateOf(mock);
	if ((status === 'running' || status === 'completed') && !lifecycle.results.has(runId)) {
		lifecycle.results.set(runId, generateResults(mock, run));
	}
	mock.state.runs.update(runId, { status });
	if (status === 'completed') recomputeMetrics(mock, runId);
	if (status === 'failed' && extra.error === undefined) {
		mock.state.runs.update(runId, { error: 'The search endpoint could not be reached.' });
	}
	return mock.state.runs.update(runId, extra);
}

/** The results of a run (empty before it ran). */
export function runResults(mock: MockReleval, runId: string): QueryResult[] {
	return stateOf(mock).results.get(runId) ?? [];
}

/** Replaces the results of a run (e.g. with known queries and grades) and recomputes its metrics. */
export function setRunResults(mock: MockReleval, runId: string, results: QueryResult[]): void {
	stateOf(mock).results.set(runId, results);
	recomputeMetrics(mock, runId);
}

/** The run and the query result that hold `queryId`, across every run. */
export function findQuery(mock: MockReleval, queryId: string): { run: Resource; query: QueryResult } | undefined {
	for (const [runId, results] of stateOf(mock).results) {
		const query = results.find((candidate) => candidate.query_id === queryId);
		if (query && mock.state.runs.byId.has(runId)) return { run: mock.state.runs.get(runId), query };
	}
	return undefined;
}

const DEFAULT_QUERIES = ['wireless headphones', 'usb-c charger', 'running shoes'];
const CANDIDATES_PER_QUERY = 5;

function queriesOf(mock: MockReleval, run: Resource): string[] {
	const evaluation = mock.state.evaluations.byId.get(String(run.evaluation_id));
	const querySet = evaluation && mock.state.querySets.byId.get(String(evaluation.query_set_id));
	const queries = Array.isArray(querySet?.queries) ? (querySet.queries as unknown[]) : [];
	const texts = queries
		.map((query) => (typeof query === 'string' ? query : (query as { query?: unknown })?.query))
		.filter((query): query is string => typeof query === 'string' && query !== '');
	return texts.length ? texts : DEFAULT_QUERIES;
}

/**
 * Deterministic results: five candidates per query, the first ones already graded from earlier judgments of the
 * corpus (so a fresh completed run has non-trivial metrics), the rest ungraded.
 */
function generateResults(mock: MockReleval, run: Resource): QueryResult[] {
	const max = SCALE_MAX[(run.scale as Scale) ?? 'graded'] ?? 4;
	return queriesOf(mock, run).map((query, queryIndex) => ({
		query_id: newId(),
		query,
		candidates: Array.from({ length: CANDIDATES_PER_QUERY }, (_, rank) => {
			const id = `product-${queryIndex + 1}${rank + 1}`;
			const known = rank < 3;
			return {
				id,
				title: `${query} — result ${rank + 1}`,
				image: `https://images.example.com/${id}.jpg`,
				fields: { brand: ['Acme', 'Globex', 'Initech'][rank % 3], price: 10 + rank * 5 },
				grade: known ? Math.max(0, max - ((rank + queryIndex) % (max + 1))) : null,
			};
		}),
	}));
}

// ---------------------------------------------------------------------------------------------------------------
// Metrics (the common IR definitions; unknown metric names are left out of metric_values)

function round(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}

function metricOf(name: string, grades: number[], max: number): number | undefined {
	const [family, cutoff] = name.split('@');
	const k = cutoff ? Number(cutoff) : grades.length;
	const top = grades.slice(0, k);
	const relevant = (grade: number) => grade > 0;
	const totalRelevant = grades.filter(relevant).length;
	const dcg = (list: number[]) => list.reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
	const precision = top.length ? top.filter(relevant).length / k : 0;
	const recall = totalRelevant ? top.filter(relevant).length / totalRelevant : 0;
	switch (family.toUpperCase()) {
		case 'P':
		case 'PRECISION':
			return precision;
		case 'RECALL':
		case 'R':
			return recall;
		case 'F-SCORE':
		case 'F1':
		case 'F':
			return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
		case 'DCG':
			return dcg(top);
		case 'NDCG': {
			const ideal = dcg([...grades].sort((a, b) => b - a).slice(0, k));
			return ideal ? dcg(top) / ideal : 0;
		}
		case 'MAP':
		case 'AP': {
			let hits = 0;
			let sum = 0;
			top.forEach((grade, index) => {
				if (relevant(grade)) {
					hits += 1;
					sum += hits / (index + 1);
				}
			});
			const denominator = Math.min(totalRelevant, k);
			return denominator ? sum / denominator : 0;
		}
		case 'MRR':
		case 'RR': {
			const first = top.findIndex(relevant);
			return first < 0 ? 0 : 1 / (first + 1);
		}
		case 'ERR': {
			let notSatisfied = 1;
			let err = 0;
			top.forEach((grade, index) => {
				const probability = (2 ** grade - 1) / 2 ** max;
				err += (notSatisfied * probability) / (index + 1);
				notSatisfied *= 1 - probability;
			});
			return err;
		}
		case 'BEST': {
			const best = Math.max(0, ...grades);
			return best ? Math.max(0, ...top) / best : 0;
		}
		default:
			return undefined;
	}
}

/** Recomputes per-query and run-level metric values from the current grades (ungraded counts as 0). */
export function recomputeMetrics(mock: MockReleval, runId: string): void {
	const run = mock.state.runs.get(runId);
	const results = runResults(mock, runId);
	const max = SCALE_MAX[(run.scale as Scale) ?? 'graded'] ?? 4;
	const metrics = Array.isArray(run.metrics) ? (run.metrics as string[]) : [];
	const totals: Record<string, number> = {};
	for (const query of results) {
		const grades = query.candidates.map((candidate) => candidate.grade ?? 0);
		query.metric_values = {};
		for (const metric of metrics) {
			const value = metricOf(metric, grades, max);
			if (value === undefined) continue;
			query.metric_values[metric] = round(value);
			totals[metric] = (totals[metric] ?? 0) + value;
		}
	}
	const metricValues = Object.fromEntries(
		Object.entries(totals).map(([metric, total]) => [metric, round(total / Math.max(1, results.length))]),
	);
	if (run.status === 'completed' || run.status === 'cancelled') mock.state.runs.update(runId, { metric_values: metricValues });
}

// ---------------------------------------------------------------------------------------------------------------
// AI judging runs

/** Inserts a judging run for an evaluation run, status queued, progress zero. */
export function seedJudgingRun(mock: MockReleval, fields: { evaluation_run_id: string; ai_judge_id: string; [key: string]: unknown }): Resource {
	return mock.state.aiJudgingRuns.insert({
		status: 'queued',
		progress: 0,
		judged_count: 0,
		failed_count: 0,
		input_tokens: 0,
		output_tokens: 0,
		error: null,
		...fields,
	});
}

/**
 * Moves a judging run to `status`. Running judges half the candidates; completed judges all of them, writing
 * the AI's grades into the evaluation run (a later judging run overwrites earlier grades) and recomputing its
 * metrics; failed stops with an error. Progress and token counts follow.
 */
export function setJudgingRunStatus(
	mock: MockReleval,
	judgingRunId: string,
	status: JudgingRunStatus,
	extra: Record<string, unknown> = {},
): Resource {
	const judgingRun = mock.state.aiJudgingRuns.get(judgingRunId);
	const runId = String(judgingRun.evaluation_run_id);
	const run = mock.state.runs.byId.get(runId);
	const candidates = runResults(mock, runId).flatMap((query) => query.candidates);
	const total = candidates.length;
	const progressFields = (judged: number, failed: number) => ({
		progress: total ? round((judged + failed) / total) : 1,
		judged_count: judged,
		failed_count: failed,
		input_tokens: judged * 420,
		output_tokens: judged * 12,
	});
	if (status === 'running') {
		mock.state.aiJudgingRuns.update(judgingRunId, { status, ...progressFields(Math.floor(total / 2), 0) });
	} else if (status === 'completed') {
		const max = SCALE_MAX[(run?.scale as Scale) ?? 'graded'] ?? 4;
		candidates.forEach((candidate, index) => {
			candidate.grade = (index * 3 + 1) % (max + 1);
		});
		if (run) recomputeMetrics(mock, runId);
		mock.state.aiJudgingRuns.update(judgingRunId, { status, ...progressFields(total, 0), completed: now() });
	} else if (status === 'failed') {
		const judged = Math.floor(total / 2);
		mock.state.aiJudgingRuns.update(judgingRunId, {
			status,
			...progressFields(judged, total - judged),
			error: 'The AI provider rejected the request: invalid API key.',
		});
	} else {
		mock.state.aiJudgingRuns.update(judgingRunId, { status });
	}
	return mock.state.aiJudgingRuns.update(judgingRunId, extra);
}
