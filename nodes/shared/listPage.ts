import type { IDataObject } from 'n8n-workflow';

import { FIRST_PAGE, LIST_ITEM_KEYS, LIST_TOTAL_KEYS, LIST_TOTAL_PAGES_KEYS } from './api';

/* One page of a Releval list as both nodes read it: the routed lists (Get Many), the list searches and the trigger. */

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
