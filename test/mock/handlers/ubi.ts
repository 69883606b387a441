import { randomUUID } from 'crypto';

import type { MockReleval } from '../server';
import { ProblemError, type Resource } from '../state';
import { siteByPublicId } from './sites';

/*
 * User Behavior Insights.
 * - track-query (authenticated): stores the query; query_id and query_response_id are generated when not sent
 *   and returned.
 * - track-event (public, no token): always 202 with no body, validated "later" as Releval does: events whose
 *   site_id is not a registered Site, or that come from an Origin outside the Site's allowed origins, are
 *   dropped silently; a numeric object_id / internal_id drops the whole batch. Accepted events are stored.
 *   A request without an Origin header (server-side senders) passes the origin check (INFERRED from
 *   releval/tracker's integration test, whose Node-side BatchSink posts an event and sees it ingested).
 * - query (INFERRED): a tiny read-only SQL subset over the stored data, answered in ClickHouse's JSON format:
 *   SELECT <*|count()|columns> FROM ubi_events|ubi_queries [WHERE col = 'value' [AND ...]] [LIMIT n].
 */

const INTERNAL = ['id', 'created', 'updated'];

function publicRow(resource: Resource): Record<string, unknown> {
	return Object.fromEntries(Object.entries(resource).filter(([key]) => !INTERNAL.includes(key)));
}

function hasNumericId(event: Record<string, unknown>): boolean {
	const object = (event.event_attributes as { object?: Record<string, unknown> } | undefined)?.object;
	return typeof object?.object_id === 'number' || typeof object?.internal_id === 'number';
}

function sqlProblem(detail: string): ProblemError {
	return new ProblemError(400, 'The query failed', detail);
}

const SELECT =
	/^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*;?\s*$/is;
const CONDITION = /^\s*(\w+)\s*=\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))\s*$/;

function runSql(mock: MockReleval, sql: string): Record<string, unknown> {
	if (!/^\s*SELECT\b/i.test(sql)) throw sqlProblem('Only read-only SELECT queries are allowed.');
	const match = SELECT.exec(sql);
	if (!match) {
		throw sqlProblem(
			"Syntax error. (The mock understands SELECT <*|count()|columns> FROM ubi_events|ubi_queries [WHERE col = 'value' [AND ...]] [LIMIT n].)",
		);
	}
	const [, columnsText, table, whereText, limitText] = match;
	const source =
		table === 'ubi_events' ? mock.state.ubiEvents : table === 'ubi_queries' ? mock.state.ubiQueries : undefined;
	if (!source) throw sqlProblem(`Unknown table expression identifier '${table}'.`);

	let rows = source.all().map(publicRow);
	for (const condition of whereText ? whereText.split(/\s+AND\s+/i) : []) {
		const parsed = CONDITION.exec(condition);
		if (!parsed) throw sqlProblem(`Syntax error in WHERE near "${condition.trim()}".`);
		const [, column, text, number] = parsed;
		const wanted = text !== undefined ? text.replace(/''/g, "'") : Number(number);
		rows = rows.filter((row) => row[column] === wanted);
	}
	if (limitText) rows = rows.slice(0, Number(limitText));

	const columns = columnsText.split(',').map((column) => column.trim());
	const countColumn = /^count\(\)(?:\s+AS\s+(\w+))?$/i.exec(columnsText.trim());
	let data: Array<Record<string, unknown>>;
	let meta: Array<{ name: string; type: string }>;
	if (countColumn) {
		const name = countColumn[1] ?? 'count()';
		data = [{ [name]: String(rows.length) }];
		meta = [{ name, type: 'UInt64' }];
	} else if (columns.length === 1 && columns[0] === '*') {
		data = rows;
		const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
		meta = names.map((name) => ({ name, type: 'String' }));
	} else {
		data = rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null])));
		meta = columns.map((name) => ({ name, type: 'String' }));
	}
	return { meta, data, rows: data.length, statistics: { elapsed: 0.001, rows_read: source.all().length } };
}

export function registerUbiHandlers(mock: MockReleval): void {
	const { ubiQueries, ubiEvents } = mock.state;

	mock.handle('trackQuery', 'Member', ({ body }) => {
		const fields = body as Record<string, unknown>;
		const queryId = (fields.query_id as string | undefined) ?? randomUUID();
		const queryResponseId = (fields.query_response_id as string | undefined) ?? randomUUID();
		ubiQueries.insert({
			...fields,
			query_id: queryId,
			query_response_id: queryResponseId,
			timestamp: fields.timestamp ?? new Date().toISOString(),
		});
		return { status: 200, body: { query_id: queryId, query_response_id: queryResponseId } };
	});

	mock.handle('trackEvents', 'public', ({ body, request }) => {
		const events = (body as { events: Array<Record<string, unknown>> }).events;
		// Strict binding: one numeric object ID rejects the whole batch (asynchronously, so still 202).
		if (!events.some(hasNumericId)) {
			const origin = request.headers.origin;
			for (const event of events) {
				const site = siteByPublicId(mock, event.site_id);
				if (!site) continue;
				if (typeof origin === 'string' && !(site.allowed_origins as string[] | undefined)?.includes(origin)) continue;
				ubiEvents.insert(event);
			}
		}
		return { status: 202 };
	});

	mock.handle('queryUbiData', 'Member', ({ body }) => ({
		status: 200,
		body: runSql(mock, (body as { sql: string }).sql),
	}));
}
