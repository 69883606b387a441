import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { FIRST_PAGE, PAGE_SIZE, type OperationId } from '../../shared/api';
import { apiListPage } from '../../shared/apiRequest';
import { isLastPage, type ListPage } from '../shared/pagination';

/*
 * "From list" of evaluation runs. Runs belong to an evaluation and Releval has no endpoint that lists every run,
 * so the list shows the runs of the evaluation chosen in the node; when none is chosen (or it is an expression),
 * it walks the evaluations a few at a time and shows each one's runs, labelled with the evaluation's name.
 */

/** Evaluations whose runs are loaded per page of the dropdown when no evaluation is chosen. */
const EVALUATIONS_PER_LOAD = 10;

async function loadPage(
	context: ILoadOptionsFunctions,
	listOperation: OperationId,
	path: Record<string, string>,
	page: number,
	pageSize: number,
): Promise<ListPage | undefined> {
	const listPage = await apiListPage(context, listOperation, { path, page, pageSize }, {
		operation: 'Loading the list of evaluation runs',
	});
	return typeof listPage === 'string' ? undefined : listPage;
}

function chosenEvaluation(context: ILoadOptionsFunctions): string | undefined {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter('evaluationId', { extractValue: true });
	} catch {
		value = undefined;
	}
	if (value && typeof value === 'object') value = (value as IDataObject).value;
	if (typeof value !== 'string') return undefined;
	const id = value.trim();
	// An expression cannot be resolved while editing: list across evaluations instead.
	return id === '' || id.startsWith('=') ? undefined : id;
}

function runItem(run: IDataObject, evaluationName?: string): INodeListSearchItems {
	const name = String(run.name ?? run.id);
	const status = run.status ? ` (${String(run.status)})` : '';
	return { name: `${evaluationName ? `${evaluationName} › ` : ''}${name}${status}`, value: String(run.id) };
}

function matches(item: INodeListSearchItems, filter: string | undefined): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle);
}

export async function searchEvaluationRuns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : FIRST_PAGE;
	const evaluationId = chosenEvaluation(this);

	if (evaluationId) {
		const runs = await loadPage(this, 'listEvaluationRuns', { evaluationId }, page, PAGE_SIZE);
		if (!runs) return { results: [] };
		const collected = (page - FIRST_PAGE) * PAGE_SIZE + runs.items.length;
		return {
			results: runs.items.map((run) => runItem(run)).filter((item) => matches(item, filter)),
			paginationToken: isLastPage(runs, page, PAGE_SIZE, collected) ? undefined : String(page + 1),
		};
	}

	const evaluations = await loadPage(this, 'listEvaluations', {}, page, EVALUATIONS_PER_LOAD);
	if (!evaluations) return { results: [] };
	const results: INodeListSearchItems[] = [];
	for (const evaluation of evaluations.items) {
		const runs = await loadPage(this, 'listEvaluationRuns', { evaluationId: String(evaluation.id) }, FIRST_PAGE, PAGE_SIZE);
		const evaluationName = String(evaluation.name ?? evaluation.id);
		results.push(...(runs?.items ?? []).map((run) => runItem(run, evaluationName)));
	}
	const collected = (page - FIRST_PAGE) * EVALUATIONS_PER_LOAD + evaluations.items.length;
	return {
		results: results.filter((item) => matches(item, filter)),
		paginationToken: isLastPage(evaluations, page, EVALUATIONS_PER_LOAD, collected) ? undefined : String(page + 1),
	};
}
