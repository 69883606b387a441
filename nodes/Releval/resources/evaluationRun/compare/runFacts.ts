import type { IDataObject } from 'n8n-workflow';

/**
 * What Evaluation Run → Compare assumes about Releval's runs and results, in one place (the counterpart of
 * shared/api.ts for this operation). Each entry says whether it was SEEN in Releval's docs or INFERRED; an
 * INFERRED entry that Releval's official API document settles differently is corrected here.
 */

/** SEEN: a run's statuses; only a `completed` run has final metric values to compare. */
export const COMPLETED_STATUS = 'completed';

/**
 * INFERRED (the contract's EvaluationRun schema, `x-inferred`): the fields of a run the comparison reads. `locked`
 * is SEEN as a concept (a locked run is the accepted reference); its field name is INFERRED.
 */
export const RUN_FIELD = {
	id: 'id',
	name: 'name',
	evaluation: 'evaluation_id',
	status: 'status',
	locked: 'locked',
	created: 'created',
	metricValues: 'metric_values',
} as const;

/**
 * INFERRED: `metric_values` is a flat object from metric name, as Releval writes it (`NDCG@10`, `MAP`, a custom
 * `NAME@k`), to a number. A value that is not a finite number is treated as missing.
 */
export function metricValuesOf(run: IDataObject): Record<string, number> | undefined {
	const values = run[RUN_FIELD.metricValues];
	if (!values || typeof values !== 'object' || Array.isArray(values)) return undefined;
	const numbers: Record<string, number> = {};
	for (const [metric, value] of Object.entries(values as IDataObject)) {
		if (typeof value === 'number' && Number.isFinite(value)) numbers[metric] = value;
	}
	return numbers;
}

/**
 * INFERRED: every metric is "higher is better". True of every metric Releval documents (Precision, Recall, F-Score,
 * MAP, Best@k, MRR, DCG, NDCG, ERR); a custom metric is assumed to follow the same rule.
 */
export const HIGHER_IS_BETTER = true;

/**
 * INFERRED: the order of runs. Releval does not document the order of its run list, so "previous" and "newest"
 * go by the run's `created` time, and between runs created in the same millisecond by id (Releval's ids are
 * ULID-like, which sort by creation time).
 */
export function createdTime(run: IDataObject): number | undefined {
	const value = run[RUN_FIELD.created];
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const time = typeof value === 'number' ? value : Date.parse(value);
	return Number.isFinite(time) ? time : undefined;
}

/** Orders runs oldest first by `created`, then by id (see `createdTime`); runs without a time cannot be ordered. */
export function compareCreation(a: IDataObject, b: IDataObject): number {
	const difference = (createdTime(a) ?? 0) - (createdTime(b) ?? 0);
	if (difference !== 0) return difference;
	return String(a[RUN_FIELD.id]).localeCompare(String(b[RUN_FIELD.id]));
}

/**
 * INFERRED: the shape of a run's results (GET …/runs/{runId}/results), as Get Results reads it: a list of queries,
 * bare or under one of these keys. Each query carries its text in `query` (a string, or the JSON object of a JSON
 * query set), its candidates in rank order under `candidates` (SEEN: `{id, title, image?, fields?}`) with a
 * `grade` (null until judged), and optionally its own `metric_values`.
 */
export const RESULT_QUERY_LIST_KEYS = ['queries', 'results', 'items', 'data'] as const;

export function resultQueries(body: unknown): IDataObject[] | undefined {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!body || typeof body !== 'object') return undefined;
	const key = RESULT_QUERY_LIST_KEYS.find((name) => Array.isArray((body as IDataObject)[name]));
	return key ? ((body as IDataObject)[key] as IDataObject[]) : undefined;
}

/**
 * INFERRED: the same query is matched across two runs by its text (or its JSON object), not by `query_id`, which
 * may be per run. Releval keys judgments by query text in a corpus's default match mode (`qid`, SEEN).
 */
export function queryKey(query: IDataObject): string {
	const text = query.query;
	return typeof text === 'string' ? text : JSON.stringify(text ?? query.query_id ?? null);
}
