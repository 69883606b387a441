import type { IDataObject } from 'n8n-workflow';

import { clean } from './comparison';
import { HIGHER_IS_BETTER, queryKey } from './runFacts';

/* Two runs' results query by query: whose top K changed, which documents entered or left it, with their grades. */


export interface QueryChangeSettings {
	/** The ranks compared: documents entering or leaving the first `topK`. */
	topK: number;
	/** At most this many changed queries are listed (the largest falls first). */
	maxQueries: number;
	/** The metric whose per-query fall orders the list (the first regressed metric, else the first compared). */
	orderBy?: string;
	/** The metrics whose per-query values are shown. */
	metrics: string[];
}

interface RankedDocument extends IDataObject {
	id: string;
	rank: number;
}

interface IndexedQuery {
	query: unknown;
	ids: string[];
	documents: Map<string, RankedDocument>;
	metricValues?: IDataObject;
}

function indexQuery(query: IDataObject, topK: number): IndexedQuery {
	const candidates = Array.isArray(query.candidates) ? (query.candidates as IDataObject[]) : [];
	const documents = new Map<string, RankedDocument>();
	const ids: string[] = [];
	for (let index = 0; index < candidates.length && ids.length < topK; index++) {
		const candidate = candidates[index] ?? {};
		const id = String(candidate.id);
		if (documents.has(id)) continue;
		const document: RankedDocument = { id, rank: index + 1 };
		if (candidate.title !== undefined) document.title = candidate.title;
		// grades only where judged (null until someone grades the candidate)
		if (candidate.grade !== undefined && candidate.grade !== null) document.grade = candidate.grade;
		documents.set(id, document);
		ids.push(id);
	}
	const metricValues =
		query.metric_values && typeof query.metric_values === 'object' ? (query.metric_values as IDataObject) : undefined;
	return { query: query.query, ids, documents, metricValues };
}

/** The queries of a run by their key; a text that appears twice keeps both, as "text", "text#2". */
function byKey(queries: IDataObject[]): Map<string, IDataObject> {
	const map = new Map<string, IDataObject>();
	for (const query of queries) {
		const key = queryKey(query);
		let unique = key;
		for (let occurrence = 2; map.has(unique); occurrence++) unique = `${key}#${occurrence}`;
		map.set(unique, query);
	}
	return map;
}

export interface QueryChange extends IDataObject {
	query: IDataObject['query'];
	top_k_changed: boolean;
	entered: RankedDocument[];
	left: RankedDocument[];
	metrics: Record<string, { baseline: number; candidate: number; delta: number }>;
}

export interface QueriesComparison extends IDataObject {
	top_k: number;
	compared: number;
	changed: number;
	only_in_baseline: number;
	only_in_candidate: number;
	listed: number;
	not_listed: number;
	changes: QueryChange[];
}

function sameOrder(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * What changed between two runs' results, query by query: the queries whose top k changed (order or documents),
 * the documents that entered or left the top k (with their grades where judged), and each query's own metric
 * values where Releval gives them. At most `maxQueries` changed queries are listed, the largest fall in
 * `orderBy` first; the counts cover all of them.
 */
export function compareQueries(
	baselineQueries: IDataObject[],
	candidateQueries: IDataObject[],
	settings: QueryChangeSettings,
): QueriesComparison {
	const before = byKey(baselineQueries);
	const after = byKey(candidateQueries);
	const changes: Array<{ change: QueryChange; fall: number }> = [];
	let compared = 0;
	for (const [key, candidateQuery] of after) {
		const baselineQuery = before.get(key);
		if (!baselineQuery) continue;
		compared += 1;
		const old = indexQuery(baselineQuery, settings.topK);
		const current = indexQuery(candidateQuery, settings.topK);
		const topKChanged = !sameOrder(old.ids, current.ids);
		const metrics: QueryChange['metrics'] = {};
		let metricsChanged = false;
		for (const metric of settings.metrics) {
			const oldValue = old.metricValues?.[metric];
			const newValue = current.metricValues?.[metric];
			if (typeof oldValue !== 'number' || typeof newValue !== 'number') continue;
			const delta = clean(newValue - oldValue);
			if (delta !== 0) metricsChanged = true;
			metrics[metric] = { baseline: oldValue, candidate: newValue, delta };
		}
		if (!topKChanged && !metricsChanged) continue;
		const entered = current.ids.filter((id) => !old.documents.has(id)).map((id) => current.documents.get(id)!);
		const left = old.ids.filter((id) => !current.documents.has(id)).map((id) => old.documents.get(id)!);
		const orderDelta = settings.orderBy ? metrics[settings.orderBy]?.delta : undefined;
		changes.push({
			change: { query: candidateQuery.query, top_k_changed: topKChanged, entered, left, metrics },
			fall: orderDelta === undefined ? 0 : HIGHER_IS_BETTER ? -orderDelta : orderDelta,
		});
	}
	changes.sort(
		(a, b) =>
			b.fall - a.fall ||
			b.change.entered.length + b.change.left.length - (a.change.entered.length + a.change.left.length),
	);
	const listed = changes.slice(0, Math.max(0, settings.maxQueries)).map(({ change }) => change);
	return {
		top_k: settings.topK,
		compared,
		changed: changes.length,
		only_in_baseline: [...before.keys()].filter((key) => !after.has(key)).length,
		only_in_candidate: [...after.keys()].filter((key) => !before.has(key)).length,
		listed: listed.length,
		not_listed: changes.length - listed.length,
		changes: listed,
	};
}
