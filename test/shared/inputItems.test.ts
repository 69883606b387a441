import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import * as inputItems from '../../nodes/Releval/shared/inputItems';
import { useMockReleval } from '../helpers';
import { seedRun, setRunResults } from '../mock/lifecycle';

/*
 * Operations that turn all input items into one request build it once, as the first item, so that the node's work
 * grows with the number of items, not with its square: each input row is read once.
 */

const ROWS = 25;

/** ROWS input items made by `row`, whose `field` counts its reads. */
function countingItems(row: (index: number) => IDataObject, field: string) {
	let reads = 0;
	const items: INodeExecutionData[] = Array.from({ length: ROWS }, (_, index) => {
		const json = row(index);
		const value = json[field];
		Object.defineProperty(json, field, {
			enumerable: true,
			get: () => {
				reads += 1;
				return value;
			},
		});
		return { json };
	});
	return { items, reads: () => reads };
}

describe('one request for all input items reads each row once', () => {
	const t = useMockReleval();

	test('Judgment → Submit from input items', async () => {
		const run = seedRun(t.mock, { status: 'completed', scale: 'graded' });
		const queryId = `q-${run.id}`;
		const candidates = Array.from({ length: ROWS }, (_, index) => ({ id: `c${index}`, title: `Result ${index}`, grade: null }));
		setRunResults(t.mock, run.id, [{ query_id: queryId, query: 'shoes', candidates }]);
		const { items, reads } = countingItems((index) => ({ query_id: queryId, candidate_id: `c${index}`, grade: index % 5 }), 'grade');

		const output = await t.harness.run({ resource: 'judgment', operation: 'submit', scale: 'graded', gradesFrom: 'items' }, { items });

		expect(output.map((item) => item.json)).toEqual([{ queries: 1, judgments: ROWS, evaluation_run_ids: [run.id] }]);
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(reads()).toBe(ROWS);
	});

	test('Query Set → Create from input items', async () => {
		const { items, reads } = countingItems((index) => ({ query: `query ${index}` }), 'query');

		const output = await t.harness.run(
			{ resource: 'querySet', operation: 'create', name: 'Top searches', querySource: 'inputItems', queryField: 'query' },
			{ items },
		);

		expect(output).toHaveLength(1);
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(reads()).toBe(ROWS);
	});

	test.each<[string, INodeParameters, IDataObject[], string]>([
		[
			'Judgment → Submit',
			{ resource: 'judgment', operation: 'submit', scale: 'graded', gradesFrom: 'items' },
			[1, 9, 2].map((grade, index) => ({ query_id: 'q', candidate_id: `c${index}`, grade })),
			'Input item 2: field "grade" is 9, but the Graded scale allows whole numbers from 0 to 4',
		],
		[
			'Query Set → Create',
			{ resource: 'querySet', operation: 'create', name: 'Top searches', querySource: 'inputItems', queryField: 'query' },
			[{ query: 'boots' }, {}, { query: 'shoes' }],
			'"Query Field" is "query", but input item 2 has no value in that field',
		],
	])('%s: with Continue On Fail, a bad row fails the one request once', async (_operation, parameters, rows, message) => {
		const output = await t.harness.run(parameters, { items: rows.map((json) => ({ json })), continueOnFail: true });

		expect(output.map((item) => item.error?.message)).toEqual([message]);
		expect(t.mock.apiRequests).toHaveLength(0);
	});

	describe('User Behavior Insights → Track Events: each event built once, and counted without building it again', () => {
		// n8n itself evaluates every expression of the node per item, so count the node's own reads of the parameter
		let parameterReads: jest.SpiedFunction<typeof inputItems.parameterForItem>;
		beforeEach(() => {
			parameterReads = jest.spyOn(inputItems, 'parameterForItem');
		});
		afterEach(() => parameterReads.mockRestore());
		const itemsWhoseActionNameWasRead = () =>
			parameterReads.mock.calls.filter(([, parameter]) => parameter === 'actionName').map(([, , itemIndex]) => itemIndex);

		const trackEvents = (extra: INodeParameters) => ({
			resource: 'userBehaviorInsights',
			operation: 'trackEvents',
			eventsFrom: 'fields',
			siteId: { __rl: true, mode: 'id', value: 'SITE-1' },
			actionName: '={{ $json.action }}',
			...extra,
		});
		const items: INodeExecutionData[] = Array.from({ length: ROWS }, () => ({ json: { action: 'click' } }));
		const everyItemOnce = Array.from({ length: ROWS }, (_, index) => index);

		test('in one batch', async () => {
			const output = await t.harness.run(trackEvents({}), { items });

			expect(output.map((item) => item.json)).toEqual([{ accepted: true, events: ROWS }]);
			expect(t.mock.apiRequests).toHaveLength(1);
			expect(itemsWhoseActionNameWasRead()).toEqual(everyItemOnce);
		});

		test('one request per item', async () => {
			const output = await t.harness.run(trackEvents({ sendInOneBatch: false }), { items });

			expect(output.map((item) => item.json)).toEqual(Array(ROWS).fill({ accepted: true, events: 1 }));
			expect(t.mock.apiRequests).toHaveLength(ROWS);
			expect(itemsWhoseActionNameWasRead().sort((a, b) => a - b)).toEqual(everyItemOnce);
		});
	});
});
