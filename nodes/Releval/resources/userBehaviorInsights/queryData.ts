import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

import { defineOperation } from '../../shared/descriptions';

/**
 * INFERRED response shape: ClickHouse's JSON format ({meta, data, rows}); rows under `rows`, `items` or
 * `results`, or a bare array, are read too.
 */
const ROW_KEYS = ['data', 'rows', 'items', 'results'];

function rowsOf(body: IDataObject): IDataObject[] | undefined {
	for (const key of ROW_KEYS) {
		if (Array.isArray(body[key])) return body[key] as IDataObject[];
	}
	return undefined;
}

/** With "Split Into Items", one output item per result row; otherwise the response as one item. */
function rowsToItems(): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		if (this.getNodeParameter('splitIntoItems', true) === false) return items;
		// A bare array was already split into one item per row by the transport.
		if (items.length !== 1) return items;
		const rows = rowsOf(items[0].json);
		if (!rows) return items;
		return rows.map((row) => ({
			json: row !== null && typeof row === 'object' && !Array.isArray(row) ? row : ({ value: row } as IDataObject),
		}));
	};
}

export const queryDataOperation = defineOperation({
	name: 'Query Data',
	value: 'queryData',
	action: 'Query user behavior data',
	description:
		"Run a read-only ClickHouse SQL query over Releval's User Behavior Insights tables (ubi_queries, ubi_events) and return the rows, one item per row (or the whole response with Split Into Items off). Events arrive about two seconds after tracking.",
	endpoint: 'queryUbiData',
	postReceive: [rowsToItems()],
	fields: [
		{
			displayName: 'SQL',
			name: 'sql',
			type: 'string',
			typeOptions: { rows: 6, editor: 'sqlEditor', sqlDialect: 'StandardSQL' },
			required: true,
			default: '',
			placeholder: "e.g. SELECT action_name, count() AS events FROM ubi_events WHERE site_id = '01J8ZP4Q9K7X2M5N6R8T0V3W1Y' GROUP BY action_name",
			description: 'A ClickHouse SELECT over the tables ubi_queries and ubi_events',
			routing: { send: { type: 'body', property: 'sql' } },
		},
		{
			displayName: 'Split Into Items',
			name: 'splitIntoItems',
			type: 'boolean',
			default: true,
			description: 'Whether to output one item per result row instead of one item with the whole response',
		},
	],
});

