import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';

/** A query of a query set: plain text, or a JSON object with a "query" property (SEEN). */
export type Query = string | IDataObject;

/**
 * One query from a parameter entry or an input item: text stays text (numbers become text), a JSON object
 * (or text starting with `{`, as Releval reads .jsonl lines) must carry a non-empty "query" string.
 */
export function toQuery(context: IExecuteSingleFunctions, value: unknown, label: string, where: string): Query {
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') throw invalidParameter(context, label, `has an empty query (${where})`);
		if (!text.startsWith('{')) return text;
		try {
			value = JSON.parse(text);
		} catch (error) {
			throw invalidParameter(
				context,
				label,
				`has a query written as a JSON object that is not valid JSON (${where}): ${(error as Error).message}`,
			);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidParameter(
			context,
			label,
			`has a query that is neither text nor a JSON object (${where}: ${JSON.stringify(value) ?? String(value)})`,
		);
	}
	const query = (value as IDataObject).query;
	if (typeof query !== 'string' || query.trim() === '') {
		throw invalidParameter(
			context,
			label,
			`has a query object without a "query" text property (${where}); every object needs one, like {"query": "red shoes"}`,
		);
	}
	return value as IDataObject;
}

/** Releval takes either only text queries or only query objects: never both in one set (SEEN). */
export function checkOneKind(context: IExecuteSingleFunctions, queries: Query[], label: string, describe: (index: number) => string): Query[] {
	if (queries.length === 0) throw invalidParameter(context, label, 'has no queries: add at least one');
	const firstText = queries.findIndex((query) => typeof query === 'string');
	const firstObject = queries.findIndex((query) => typeof query !== 'string');
	if (firstText !== -1 && firstObject !== -1) {
		throw invalidParameter(
			context,
			label,
			`mixes text queries (first: ${describe(firstText)}) and JSON query objects (first: ${describe(firstObject)}). Releval needs all queries of a set to be of one kind.`,
		);
	}
	return queries;
}

