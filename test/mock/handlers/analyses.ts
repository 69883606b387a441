import { createHash } from 'crypto';

import type { MockReleval } from '../server';
import { validationProblem } from '../state';
import { registerCrud } from './crud';
import { jsonLinesOf, requireExtension, requireFile, textOf } from './uploads';

/*
 * Analyses compare the result lists of query templates with a baseline template's (SEEN): rank-biased overlap
 * (RBO, persistence p = 0.9 by default) and Jaccard similarity, per query and averaged per template. Live analyses
 * get deterministic synthetic result lists (the mock runs no search); uploaded ones are scored from the file.
 */

export const RBO_P = 0.9;
const RESULT_DEPTH = 10;

/** Extrapolated rank-biased overlap of two rankings (Webber, Moffat & Zobel 2010), evaluated to the shorter depth. */
export function rbo(a: string[], b: string[], p = RBO_P): number {
	const depth = Math.min(a.length, b.length);
	if (depth === 0) return a.length === b.length ? 1 : 0;
	const seenA = new Set<string>();
	const seenB = new Set<string>();
	let overlap = 0;
	let sum = 0;
	for (let d = 1; d <= depth; d++) {
		const x = a[d - 1];
		const y = b[d - 1];
		if (x === y) overlap += 1;
		else {
			if (seenB.has(x)) overlap += 1;
			if (seenA.has(y)) overlap += 1;
		}
		seenA.add(x);
		seenB.add(y);
		sum += (overlap / d) * p ** d;
	}
	return (overlap / depth) * p ** depth + ((1 - p) / p) * sum;
}

export function jaccard(a: string[], b: string[]): number {
	const setA = new Set(a);
	const setB = new Set(b);
	const union = new Set([...setA, ...setB]);
	if (union.size === 0) return 1;
	return [...setA].filter((id) => setB.has(id)).length / union.size;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Deterministic numbers in [0, 1) from a text seed. */
function randomFrom(seed: string): () => number {
	let counter = 0;
	return () => createHash('sha256').update(`${seed}:${counter++}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** What a template "returned" for a query: the baseline's list, partly reordered and replaced. */
function syntheticResults(query: string, templateId: string, baselineId: string): string[] {
	const baseline = Array.from({ length: RESULT_DEPTH }, (_, index) => `doc-${createHash('md5').update(`${query}#${index}`).digest('hex').slice(0, 8)}`);
	if (templateId === baselineId) return baseline;
	const random = randomFrom(`${templateId}|${query}`);
	const keep = 0.45 + 0.5 * randomFrom(templateId)(); // each template stays this close to the baseline
	const list = baseline.map((id, index) => (random() < keep ? id : `doc-${templateId.slice(-4)}-${index}`));
	for (let index = list.length - 1; index > 0; index--) {
		if (random() < 0.3) [list[index], list[index - 1]] = [list[index - 1], list[index]];
	}
	return list;
}

interface Execution {
	query: string;
	templateId: string;
	candidates: string[];
}

/** Scores per query and per template against the baseline's results for the same query. */
function score(executions: Execution[], baseline: string, templateIds: string[]) {
	const baselineByQuery = new Map(
		executions.filter((execution) => execution.templateId === baseline).map((execution) => [execution.query, execution.candidates]),
	);
	const results = executions
		.filter((execution) => execution.templateId !== baseline && baselineByQuery.has(execution.query))
		.map((execution) => {
			const baselineCandidates = baselineByQuery.get(execution.query) as string[];
			return {
				query: execution.query,
				template_id: execution.templateId,
				rbo: round(rbo(baselineCandidates, execution.candidates)),
				jaccard: round(jaccard(baselineCandidates, execution.candidates)),
				baseline_candidates: baselineCandidates,
				candidates: execution.candidates,
			};
		});
	const templates = templateIds.map((templateId) => {
		const mine = results.filter((result) => result.template_id === templateId);
		const mean = (key: 'rbo' | 'jaccard') => (mine.length ? round(mine.reduce((sum, result) => sum + result[key], 0) / mine.length) : null);
		return { template_id: templateId, queries: mine.length, rbo: mean('rbo'), jaccard: mean('jaccard') };
	});
	return { metrics: { rbo_p: RBO_P, templates }, results, query_count: baselineByQuery.size };
}

interface LiveAnalysisRequest {
	name: string;
	endpoint_id: string;
	query_set_id: string;
	baseline: string;
	query_template_ids: string[];
}

function idsOf(value: unknown): string[] | undefined {
	if (!Array.isArray(value)) return undefined;
	return value.map((entry) => (entry && typeof entry === 'object' ? String((entry as { id?: unknown }).id) : String(entry)));
}

export function registerAnalysisHandlers(mock: MockReleval): void {
	const { analyses, endpoints, querySets, queryTemplates } = mock.state;

	registerCrud(mock, {
		collection: analyses,
		idParam: 'analysisId',
		roles: { read: 'Rater', write: 'Member' },
		operations: { list: 'listAnalyses', create: 'createAnalysis', get: 'getAnalysis' },
		listed: ({ results: _results, ...rest }) => rest,
		create: (fields) => liveAnalysis(fields as unknown as LiveAnalysisRequest),
	});

	/** A live analysis: every template run on every query of the set, scored against the baseline. */
	function liveAnalysis(request: LiveAnalysisRequest): Record<string, unknown> {
		if (!request.name.trim()) throw validationProblem('name', 'The name field is required.');
		if (request.query_template_ids.length === 0) {
			throw validationProblem('query_template_ids', 'At least one query template is required.');
		}
		endpoints.get(request.endpoint_id);
		const querySet = querySets.get(request.query_set_id);
		for (const id of [request.baseline, ...request.query_template_ids]) queryTemplates.get(id);
		const queries = ((querySet.queries as Array<string | { query: string }> | undefined) ?? []).map((query) =>
			typeof query === 'string' ? query : query.query,
		);
		const templateIds = [request.baseline, ...request.query_template_ids.filter((id) => id !== request.baseline)];
		const executions = queries.flatMap((query) =>
			templateIds.map((templateId) => ({ query, templateId, candidates: syntheticResults(query, templateId, request.baseline) })),
		);
		return { ...request, status: 'completed', source: 'live', ...score(executions, request.baseline, templateIds.slice(1)) };
	}

	mock.handle('uploadAnalysis', 'Member', ({ body, files }) => {
		const { name } = body as { name: string };
		if (!name.trim()) throw validationProblem('name', 'The name field is required.');
		const file = requireFile(files, 'input');
		requireExtension(file, 'input', ['.jsonl']);
		const lines = jsonLinesOf(textOf(file, 'input'), 'input');
		const executions: Execution[] = lines.map(({ line, value }) => {
			const templateId = value.template_id ?? value.template;
			const candidates = idsOf(value.candidates ?? value.results);
			if (typeof value.query !== 'string' || typeof templateId !== 'string' || !candidates) {
				throw validationProblem('input', `Line ${line} needs "query", "template_id" and a "candidates" array.`);
			}
			return { query: value.query, templateId, candidates };
		});
		// The baseline is the template of the line marked "baseline": true, or else of the first line.
		const marked = lines.findIndex(({ value }) => value.baseline === true);
		const baseline = executions[Math.max(0, marked)]?.templateId;
		const templateIds = [...new Set(executions.map((execution) => execution.templateId))].filter((id) => id !== baseline);
		if (!baseline || templateIds.length === 0) {
			throw validationProblem('input', 'The file needs executions of the baseline and at least one other template.');
		}
		return {
			status: 201,
			body: analyses.insert({
				name,
				status: 'completed',
				source: 'upload',
				file_name: file.filename,
				baseline,
				query_template_ids: templateIds,
				execution_count: executions.length,
				...score(executions, baseline, templateIds),
			}),
		};
	});
}
