import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { FIRST_PAGE, PAGE_SIZE, type OperationId } from './api';
import { apiListPage } from './apiRequest';
import { isLastPage } from './listPage';

/*
 * "From list" dropdowns of the resource locators. Each call loads one page; n8n asks for the next page
 * (pagination token) as the user scrolls. The search box filters by name or ID: Releval documents no search
 * parameter, so the filtering happens here.
 */

function labelOf(item: IDataObject): string {
	const name = item.name ?? item.title ?? item.id;
	return String(name);
}

function matches(item: IDataObject, filter: string | undefined): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return labelOf(item).toLowerCase().includes(needle) || String(item.id).toLowerCase().includes(needle);
}

/** `valueKey`: the field the chosen item stands for (its `id`, or e.g. a Site's public `site_id`). */
export function searchList(listOperation: OperationId, what: string, valueKey = 'id') {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = paginationToken ? Number(paginationToken) : FIRST_PAGE;
		const listPage = await apiListPage(this, listOperation, { page, pageSize: PAGE_SIZE }, {
			operation: `Loading the list of ${what}`,
		});
		if (typeof listPage === 'string') return { results: [] };
		return {
			results: listPage.items
				.filter((item) => matches(item, filter))
				.map((item) => ({ name: labelOf(item), value: String(item[valueKey] ?? item.id) })),
			paginationToken: isLastPage(listPage, page, PAGE_SIZE, (page - FIRST_PAGE) * PAGE_SIZE + listPage.items.length)
				? undefined
				: String(page + 1),
		};
	};
}
