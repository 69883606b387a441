import { searchList } from '../../shared/listSearch';
import { RESOURCES } from '../shared/catalog';
import { searchEvaluationRuns } from './evaluationRuns';

/**
 * The `searchListMethod` of every resource locator: each resource's list search as the catalog declares it
 * (shared/catalog.ts), the runs of an evaluation, and sites by their public site_id.
 */
export const listSearch: Record<string, ReturnType<typeof searchList>> = {
	...Object.fromEntries(
		Object.values(RESOURCES).flatMap(({ listSearch: search }) =>
			search?.list ? [[search.method, searchList(search.list, search.plural)]] : [],
		),
	),
	searchEvaluationRuns,
	searchSiteIds: searchList('listSites', 'sites', 'site_id'),
};
