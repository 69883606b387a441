import { sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	ICredentialsDecrypted,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import {
	CREDENTIAL_TYPE,
	DEFAULT_PAGES_IN_PARALLEL,
	FIRST_PAGE,
	MAX_PAGES,
	PAGE_PARAMETER,
	PAGE_SIZE,
	PAGE_SIZE_PARAMETER,
} from '../../shared/api';
import { malformedResponseToNodeError } from '../../shared/errors';
import { isLastPage, readListPage, type ListPage } from '../../shared/listPage';
import { applyPostReceive, routedSettings, routedWhere, withContinueOnFail } from './routing';
import { send, type SendSettings } from '../../shared/transport';

// Kept for the callers that read a list page through this module (Evaluation Run → Compare).
export { isLastPage, readListPage, type ListPage };

/*
 * The one place for pagination. List operations send `page` and `pageSize` (Releval's documented names) and
 * keep every other query parameter on every page. Paging ends at the last page by total or total pages, at a
 * short page, at an empty page, or at the user's limit; a server that repeats a page is stopped as soon as the
 * repeat arrives, and one that never stops is cut off at MAX_PAGES.
 */

/**
 * Spots a server that repeats itself: one that ignores `page` (a proxy dropping the query string, another paging
 * parameter name) answers every request with the same full page and would be paged until MAX_PAGES. Every page
 * is checked as it arrives, in whatever order the parallel requests return, against every page seen before it,
 * so such a server is stopped by the second page that arrives.
 */
class RepeatedPageCheck {
	/** Each non-empty page seen so far, by its length and first and last items. */
	private readonly pageBySignature = new Map<string, number>();

	/** The earlier page that `items` repeats, or undefined; remembers `page` otherwise. */
	earlierPageRepeatedBy(page: number, items: IDataObject[]): number | undefined {
		if (items.length === 0) return undefined;
		const signature = `${items.length}:${JSON.stringify(items[0])}:${JSON.stringify(items[items.length - 1])}`;
		const earlier = this.pageBySignature.get(signature);
		if (earlier !== undefined) return earlier;
		this.pageBySignature.set(signature, page);
		return undefined;
	}
}

/** How many items the user asked for: everything with Return All, else the Limit. */
function requestedCount(context: IExecutePaginationFunctions): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	return Math.max(1, Number(context.getNodeParameter('limit', 50)));
}

/** The last page worth asking for, when the first page told the total; undefined when it did not. */
export function lastPageToRequest(first: ListPage, pageSize: number, wanted: number): number | undefined {
	const byServer =
		first.totalPages ?? (first.total !== undefined ? Math.ceil(first.total / pageSize) : undefined);
	if (byServer === undefined) return undefined;
	const byLimit = Number.isFinite(wanted) ? Math.ceil(wanted / pageSize) : Infinity;
	return FIRST_PAGE + Math.min(byServer, byLimit) - 1;
}

/**
 * Fetches pages one after another, or — once the first page told the total — several at once (Pages in
 * Parallel), keeping them in page order. A short or empty page ends the list even if the total promised more.
 * A Retry-After on any page pauses the start of further pages for all of them. Every page passes the repetition
 * check on arrival (`fetch`), whichever way it was requested.
 */
class Pager {
	private readonly where: { operation: string; itemIndex: number };

	private readonly settings: SendSettings;

	private pausedUntil = 0;

	private readonly repeatedPages = new RepeatedPageCheck();

	constructor(
		private readonly context: IExecutePaginationFunctions,
		private readonly options: IHttpRequestOptions,
		private readonly pageSize: number,
		credentials: ICredentialsDecrypted | undefined,
	) {
		this.where = routedWhere(context);
		this.settings = {
			...routedSettings(context),
			credentials,
			onRetryWait: (delayMs) => {
				this.pausedUntil = Math.max(this.pausedUntil, Date.now() + delayMs);
			},
		};
	}

	async fetch(page: number): Promise<{ listPage: ListPage; response: IN8nHttpFullResponse }> {
		const waitMs = this.pausedUntil - Date.now();
		if (waitMs > 0) await sleep(waitMs);
		const response = await send(
			this.context,
			{ ...this.options, qs: { ...this.options.qs, [PAGE_PARAMETER]: page, [PAGE_SIZE_PARAMETER]: this.pageSize } },
			this.where,
			this.settings,
		);
		const listPage = readListPage(response.body);
		if (typeof listPage === 'string') throw this.malformed(`Page ${page}: ${listPage}`);
		const earlierPage = this.repeatedPages.earlierPageRepeatedBy(page, listPage.items);
		if (earlierPage !== undefined) {
			throw this.malformed(
				`Releval returned the same items for page ${page} as for page ${earlierPage}, so paging would never end.`,
			);
		}
		return { listPage, response };
	}

	malformed(problem: string) {
		return malformedResponseToNodeError(this.context.getNode(), problem, this.where);
	}

	/** Pages `from`..`to` with up to `parallel` requests at a time, in page order, cut at the first short page. */
	async fetchRange(from: number, to: number, parallel: number): Promise<ListPage[]> {
		const pages: ListPage[] = [];
		let next = from;
		let endsAt = to;
		let failure: unknown;
		const worker = async () => {
			while (failure === undefined && next <= endsAt) {
				const page = next++;
				try {
					const { listPage } = await this.fetch(page);
					pages[page - from] = listPage;
					if (listPage.items.length < this.pageSize) endsAt = Math.min(endsAt, page);
				} catch (error) {
					failure ??= error;
				}
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
		if (failure !== undefined) throw failure;
		return pages.slice(0, endsAt - from + 1);
	}
}

/** Routing entry point of every list operation. */
export async function paginateList(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await withContinueOnFail(this, async () => {
		const wanted = requestedCount(this);
		const pageSize = Math.min(PAGE_SIZE, wanted);
		const parallel = Math.max(1, Number(this.getNodeParameter('pagesInParallel', DEFAULT_PAGES_IN_PARALLEL)));
		// Decrypt the credential once for all pages instead of once per page (n8n's default).
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const nodeCredential = this.getNode().credentials?.[CREDENTIAL_TYPE];
		const decrypted = nodeCredential
			? { id: String(nodeCredential.id), name: nodeCredential.name, type: CREDENTIAL_TYPE, data: credentials }
			: undefined;
		const pager = new Pager(this, requestData.options as IHttpRequestOptions, pageSize, decrypted);

		const { listPage: first, response } = await pager.fetch(FIRST_PAGE);
		const pages = [first];
		if (first.items.length < wanted && !isLastPage(first, FIRST_PAGE, pageSize, first.items.length)) {
			const lastPage = lastPageToRequest(first, pageSize, wanted);
			if (lastPage !== undefined && parallel > 1) {
				if (lastPage - FIRST_PAGE + 1 > MAX_PAGES) {
					throw pager.malformed(`Releval reports ${lastPage} pages, more than the ${MAX_PAGES} this node fetches in one run.`);
				}
				pages.push(...(await pager.fetchRange(FIRST_PAGE + 1, lastPage, parallel)));
			} else {
				let collected = first.items.length;
				for (let page = FIRST_PAGE + 1; ; page++) {
					if (page - FIRST_PAGE >= MAX_PAGES) {
						throw pager.malformed(
							`Releval kept returning full pages after ${MAX_PAGES} pages (${collected} items); stopped to protect the workflow.`,
						);
					}
					const { listPage } = await pager.fetch(page);
					pages.push(listPage);
					collected += listPage.items.length;
					if (collected >= wanted || isLastPage(listPage, page, pageSize, collected)) break;
				}
			}
		}

		const items: INodeExecutionData[] = [];
		for (const page of pages) {
			for (const json of page.items) {
				if (items.length >= wanted) break;
				items.push({ json });
			}
		}
		return await applyPostReceive.call(this, requestData, items, response);
	});
}
