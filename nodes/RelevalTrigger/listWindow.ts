import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { FIRST_PAGE, PAGE_SIZE, type OperationId } from '../shared/api';
import { apiListPage } from '../shared/apiRequest';
import { malformedResponseToNodeError } from '../shared/errors';
import { isLastPage, type ListPage } from '../shared/listPage';
import type { RetrySettings } from '../shared/retry';

/*
 * Bounded reads of Releval lists for the trigger: at most MAX_PAGES_PER_LIST pages of PAGE_SIZE per list per
 * poll, chosen so that the newest items are among them. Releval does not document the order of its lists
 * (INFERRED: creation order, oldest first, as the mock does), so the first page decides: when its items get
 * older from first to last, the list is newest first and the first pages are read; otherwise the last pages
 * are read (found from the total the envelope gives, or from where the previous poll found the end).
 */

/** Pages of 100 read per list per poll: 500 items. */
export const MAX_PAGES_PER_LIST = 5;

/** The trigger retries less than an operation: the next poll is a retry too. */
export const TRIGGER_RETRY: RetrySettings = { maxRetries: 2, maxWaitSeconds: 20 };

/** Where the previous poll got to in an oldest-first list without a total (kept in static data). */
export interface ListCursor {
	/** The page the list ended at. */
	end?: number;
	/** The list went on after this page, which was the last one read. */
	resume?: number;
}

export interface ListWindow {
	/** The items read, each once, in list order. */
	items: IDataObject[];
	cursor: ListCursor;
	requests: number;
}

/** The time a Releval object was last changed (or created), in ms; undefined when it has none. */
export function timeOf(item: IDataObject, keys: readonly string[] = ['updated', 'created']): number | undefined {
	for (const key of keys) {
		const value = item[key];
		if (typeof value === 'string' || typeof value === 'number') {
			const time = typeof value === 'number' ? value : Date.parse(value);
			if (Number.isFinite(time)) return time;
		}
	}
	return undefined;
}

function isNewestFirst(items: IDataObject[]): boolean {
	if (items.length < 2) return false;
	const first = timeOf(items[0], ['created']);
	const last = timeOf(items[items.length - 1], ['created']);
	return first !== undefined && last !== undefined && first > last;
}

/** Reads pages of Releval lists through the shared transport, for one poll. */
export class ListReader {
	requests = 0;

	constructor(
		private readonly context: IPollFunctions,
		private readonly operation: string,
	) {}

	private async page(listOperation: OperationId, path: Record<string, string>, page: number): Promise<ListPage> {
		const where = { operation: this.operation };
		this.requests += 1;
		const listPage = await apiListPage(this.context, listOperation, { path, page, pageSize: PAGE_SIZE }, where, {
			retry: TRIGGER_RETRY,
		});
		if (typeof listPage === 'string') {
			throw malformedResponseToNodeError(this.context.getNode(), `Page ${page}: ${listPage}`, where);
		}
		return listPage;
	}

	/** The window of a list that holds its newest items: page 1, then the next or the last pages. */
	async window(
		listOperation: OperationId,
		path: Record<string, string>,
		previous: ListCursor | undefined,
		maxPages = MAX_PAGES_PER_LIST,
	): Promise<ListWindow> {
		const before = this.requests;
		const byId = new Map<string, IDataObject>();
		const add = (items: IDataObject[]) => {
			for (const item of items) byId.set(String(item.id), item);
		};
		const first = await this.page(listOperation, path, FIRST_PAGE);
		add(first.items);
		const done = (cursor: ListCursor): ListWindow => ({ items: [...byId.values()], cursor, requests: this.requests - before });
		if (isLastPage(first, FIRST_PAGE, PAGE_SIZE, first.items.length) || maxPages < 2) return done({});

		if (isNewestFirst(first.items)) {
			for (let page = FIRST_PAGE + 1; page < FIRST_PAGE + maxPages; page++) {
				const listPage = await this.page(listOperation, path, page);
				add(listPage.items);
				if (isLastPage(listPage, page, PAGE_SIZE, Number.NaN)) break;
			}
			return done({});
		}

		// Oldest first: read the last pages (maxPages - 1 of them), where the newest items are.
		const totalPages =
			first.totalPages ?? (first.total !== undefined ? Math.ceil(first.total / PAGE_SIZE) : undefined);
		const start =
			totalPages !== undefined || previous?.end !== undefined
				? Math.max(FIRST_PAGE + 1, (totalPages ?? previous?.end ?? 0) - (maxPages - 2))
				: Math.max(FIRST_PAGE + 1, previous?.resume ?? 0);
		let page = start;
		for (; page < start + maxPages - 1; page++) {
			const listPage = await this.page(listOperation, path, page);
			if (listPage.items.length === 0) {
				// The list ended before `page` (items were deleted): look further back next time.
				return done({ end: Math.max(FIRST_PAGE, page - 1) });
			}
			add(listPage.items);
			if (isLastPage(listPage, page, PAGE_SIZE, Number.NaN)) return done({ end: page });
		}
		// The end is further on: continue from the last page read.
		return done({ resume: page - 1 });
	}
}
