import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import {
	FIRST_PAGE,
	LIST_ITEM_KEYS,
	LIST_TOTAL_KEYS,
	LIST_TOTAL_PAGES_KEYS,
	MAX_PAGES,
	PAGE_PARAMETER,
	PAGE_SIZE,
	PAGE_SIZE_PARAMETER,
} from './api';
import { malformedResponseToNodeError } from './errors';
import { applyPostReceive, operationLabel, sendRequest, withContinueOnFail } from './transport';

/*
 * The one place for pagination. List operations send `page` and `pageSize` (Releval's documented names) and
 * keep every other query parameter on every page. Paging ends at the last page by total or total pages, at a
 * short page, at an empty page, or at the user's limit; a server that never stops is cut off at MAX_PAGES.
 */

export interface ListPage {
	items: IDataObject[];
	/** Total number of items across all pages, when the server says. */
	total?: number;
	/** Total number of pages, when the server says. */
	totalPages?: number;
}

function firstNumber(source: IDataObject, keys: readonly string[]): number | undefined {
	for (const key of keys) {
		const value = Number(source[key]);
		if (source[key] !== undefined && source[key] !== null && Number.isFinite(value)) return value;
	}
	return undefined;
}

/**
 * INFERRED: Releval's list envelope is not documented. A page is a bare array, or an object holding the array
 * under one of LIST_ITEM_KEYS with an optional total (LIST_TOTAL_KEYS) or page count (LIST_TOTAL_PAGES_KEYS).
 * Returns a reason string when the body is neither.
 */
export function readListPage(body: unknown): ListPage | string {
	if (Array.isArray(body)) return { items: body as IDataObject[] };
	if (!body || typeof body !== 'object') {
		return `Expected a JSON list, got ${body === '' || body === undefined ? 'an empty body' : typeof body}.`;
	}
	const envelope = body as IDataObject;
	const itemsKey = LIST_ITEM_KEYS.find((key) => Array.isArray(envelope[key]));
	if (!itemsKey) {
		return `The list response has no array under ${LIST_ITEM_KEYS.map((key) => `"${key}"`).join(', ')}.`;
	}
	return {
		items: envelope[itemsKey] as IDataObject[],
		total: firstNumber(envelope, LIST_TOTAL_KEYS),
		totalPages: firstNumber(envelope, LIST_TOTAL_PAGES_KEYS),
	};
}

/** Whether `page` (1-based) is the last one, given what it held and what the server said about the total. */
export function isLastPage(listPage: ListPage, page: number, pageSize: number, collected: number): boolean {
	if (listPage.items.length === 0 || listPage.items.length < pageSize) return true;
	if (listPage.totalPages !== undefined && page - FIRST_PAGE + 1 >= listPage.totalPages) return true;
	if (listPage.total !== undefined && collected >= listPage.total) return true;
	return false;
}

function pageSignature(items: IDataObject[]): string {
	return `${items.length}:${JSON.stringify(items[0])}:${JSON.stringify(items[items.length - 1])}`;
}

/** How many items the user asked for: everything with Return All, else the Limit. */
function requestedCount(context: IExecutePaginationFunctions): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	return Math.max(1, Number(context.getNodeParameter('limit', 50)));
}

/** Routing entry point of every list operation. */
export async function paginateList(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await withContinueOnFail(this, async () => {
		const wanted = requestedCount(this);
		const pageSize = Math.min(PAGE_SIZE, wanted);
		const options = requestData.options as IHttpRequestOptions;
		const collected: IDataObject[] = [];
		let lastResponse: IN8nHttpFullResponse | undefined;
		let previousSignature = '';

		for (let page = FIRST_PAGE; ; page++) {
			if (page - FIRST_PAGE >= MAX_PAGES) {
				throw malformedResponseToNodeError(
					this.getNode(),
					`Releval kept returning full pages after ${MAX_PAGES} pages (${collected.length} items); stopped to protect the workflow.`,
					{ operation: operationLabel(this), itemIndex: this.getItemIndex() },
				);
			}
			lastResponse = await sendRequest.call(this, {
				...options,
				qs: { ...options.qs, [PAGE_PARAMETER]: page, [PAGE_SIZE_PARAMETER]: pageSize },
			});
			const listPage = readListPage(lastResponse.body);
			if (typeof listPage === 'string') {
				throw malformedResponseToNodeError(this.getNode(), `Page ${page}: ${listPage}`, {
					operation: operationLabel(this),
					itemIndex: this.getItemIndex(),
				});
			}
			const signature = pageSignature(listPage.items);
			if (listPage.items.length > 0 && signature === previousSignature) {
				throw malformedResponseToNodeError(
					this.getNode(),
					`Releval returned the same items for page ${page} as for page ${page - 1}, so paging would never end.`,
					{ operation: operationLabel(this), itemIndex: this.getItemIndex() },
				);
			}
			previousSignature = signature;
			collected.push(...listPage.items);
			if (collected.length >= wanted || isLastPage(listPage, page, pageSize, collected.length)) break;
		}

		const items = collected.slice(0, wanted).map((json) => ({ json }));
		return await applyPostReceive.call(this, requestData, items, lastResponse);
	});
}
