import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import { simplifyParameter } from '../../shared/output';
import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';
import { resultQueries } from './compare/runFacts';

// INFERRED: the results shape is not documented; `resultQueries` (compare/runFacts.ts) says what is assumed.
const QUERY_FIELDS = ['query_id', 'query', 'metric_values'];
const CANDIDATE_FIELDS = ['id', 'title', 'grade'];

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
		const queries = resultQueries(response.body);
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

export const getResultsOperation = defineOperation({
	name: 'Get Results',
	value: 'getResults',
	action: 'Get the results of an evaluation run',
	description:
		'Get the results of an evaluation run: for each query, the candidates the search endpoint returned, in rank order, with their grades. With Simplify on, returns one item per query with candidate ID, title and grade only.',
	endpoint: 'getEvaluationRunResults',
	postReceive: [simplifyResults()],
	fields: [
		RESOURCES.evaluationRun.locator(),
		{
			...simplifyParameter(),
			description:
				'Whether to return one item per query with candidate IDs, titles and grades only, instead of the full results (candidate fields, images and everything else Releval sends)',
		},
	],
});

