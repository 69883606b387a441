import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import { simplifyParameter } from '../../shared/output';
import { operation } from '../../shared/descriptions';
import { RUN_PATH_LABELS, runIdFor, showFor } from './shared';

/**
 * INFERRED: the results shape is not documented. The per-query list is read from a bare array or from the
 * first of these keys; each query carries its candidates ({id, title, image?, fields?} SEEN) and their grades.
 */
const QUERY_LIST_KEYS = ['queries', 'results', 'items', 'data'];
const QUERY_FIELDS = ['query_id', 'query', 'metric_values'];
const CANDIDATE_FIELDS = ['id', 'title', 'grade'];

function queryList(body: unknown): IDataObject[] | undefined {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!body || typeof body !== 'object') return undefined;
	const key = QUERY_LIST_KEYS.find((name) => Array.isArray((body as IDataObject)[name]));
	return key ? ((body as IDataObject)[key] as IDataObject[]) : undefined;
}

function pick(source: IDataObject, fields: string[]): IDataObject {
	return Object.fromEntries(fields.filter((field) => field in source).map((field) => [field, source[field]]));
}

/** Simplify: one item per query with its candidates reduced to ID, title and grade. */
function simplifyResults(): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
		const queries = queryList(response.body);
		if (!queries) return items;
		return queries.map((query) => ({
			json: {
				...pick(query, QUERY_FIELDS),
				candidates: (Array.isArray(query.candidates) ? (query.candidates as IDataObject[]) : []).map(
					(candidate) => pick(candidate, CANDIDATE_FIELDS),
				),
			},
		}));
	};
}

export const getResultsOperation = operation({
	name: 'Get Results',
	value: 'getResults',
	action: 'Get the results of an evaluation run',
	description:
		'Get the results of an evaluation run: for each query, the candidates the search endpoint returned, in rank order, with their grades. With Simplify on, returns one item per query with candidate ID, title and grade only.',
	endpoint: 'getEvaluationRunResults',
	pathLabels: RUN_PATH_LABELS,
	postReceive: [simplifyResults()],
});

export const getResultsFields: INodeProperties[] = [
	runIdFor(['getResults']),
	{
		...simplifyParameter(showFor(['getResults']) as Record<string, string[]>),
		description:
			'Whether to return one item per query with candidate IDs, titles and grades only, instead of the full results (candidate fields, images and everything else Releval sends)',
	},
];
