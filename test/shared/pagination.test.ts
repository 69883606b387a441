import type { IExecutePaginationFunctions } from 'n8n-workflow';

import { DEFAULT_PAGES_IN_PARALLEL } from '../../nodes/shared/api';
import { returnAllAndLimit } from '../../nodes/Releval/shared/descriptions';
import { paginateList, readListPage } from '../../nodes/Releval/shared/pagination';
import { failureOf, useMockReleval } from '../helpers';
import type { EnvelopeStyle } from '../mock/state';

const getMany = (extra: Record<string, unknown>) => ({ resource: 'evaluation', operation: 'getAll', ...extra });

function pagesRequested(t: ReturnType<typeof useMockReleval>) {
	return t.mock.apiRequests.map((request) => `${request.query.page}/${request.query.pageSize}`);
}

function seed(t: ReturnType<typeof useMockReleval>, count: number): string[] {
	return Array.from(
		{ length: count },
		(_, index) =>
			t.mock.state.evaluations.insert({ name: `E${index}`, endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' }).id,
	);
}

describe.each<[EnvelopeStyle, number]>([
	// envelope style, requests for 200 items (exact multiple of the page size)
	['items', 2], // total says 200: no third request
	['data-total-count', 2],
	['results-total-pages', 2],
	['array', 3], // no total: the third (empty) page ends it
	['items-no-total', 3],
])('Return All with the "%s" list envelope', (envelope, requestsForExactMultiple) => {
	const t = useMockReleval({ envelope });

	test('returns every item, in order, paging with page and pageSize', async () => {
		const ids = seed(t, 250);
		const output = await t.harness.run(getMany({ returnAll: true }));
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(pagesRequested(t)).toEqual(['1/100', '2/100', '3/100']);
	});

	test('stops correctly at an exact multiple of the page size', async () => {
		seed(t, 200);
		const output = await t.harness.run(getMany({ returnAll: true }));
		expect(output).toHaveLength(200);
		expect(t.mock.apiRequests).toHaveLength(requestsForExactMultiple);
	});

	test('an empty list is one request and no items', async () => {
		const output = await t.harness.run(getMany({ returnAll: true }));
		expect(output).toEqual([]);
		expect(pagesRequested(t)).toEqual(['1/100']);
	});
});

describe('Limit', () => {
	const t = useMockReleval();

	test('below one page: one request for just that many', async () => {
		seed(t, 30);
		const output = await t.harness.run(getMany({ returnAll: false, limit: 5 }));
		expect(output).toHaveLength(5);
		expect(pagesRequested(t)).toEqual(['1/5']);
	});

	test('above one page: keeps paging until the limit', async () => {
		const ids = seed(t, 250);
		const output = await t.harness.run(getMany({ returnAll: false, limit: 150 }));
		expect(output.map((item) => item.json.id)).toEqual(ids.slice(0, 150));
		expect(pagesRequested(t)).toEqual(['1/100', '2/100']);
	});

	test('above the number of items: returns them all', async () => {
		seed(t, 7);
		const output = await t.harness.run(getMany({ returnAll: false, limit: 500 }));
		expect(output).toHaveLength(7);
		expect(t.mock.apiRequests).toHaveLength(1);
	});
});

describe('servers that misbehave', () => {
	const t = useMockReleval();
	const fullPage = { items: Array.from({ length: 100 }, (_, index) => ({ id: `same-${index}` })), total: 100000 };

	test('a server that repeats the same page forever is stopped with a clear error', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', status: 200, body: fullPage, times: 50 });
		const error = await failureOf(t.harness.run(getMany({ returnAll: true })));
		expect(error.message).toBe('Releval sent a response this node cannot read');
		// whichever of the pages requested together arrives first is the repeat (see pagination-repeats.test.ts)
		expect(error.description).toMatch(/returned the same items for page \d+ as for page 1,/);
		// found as soon as a repeat arrived: only the pages already in flight were requested
		expect(t.mock.apiRequests.length).toBeLessThanOrEqual(1 + DEFAULT_PAGES_IN_PARALLEL);
	});

	test('a list response without its items array says what was expected', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', status: 200, body: { total: 3, page: 1 } });
		const error = await failureOf(t.harness.run(getMany({ returnAll: true })));
		expect(error.description).toContain('Page 1: The list response has no array under "items", "data", "results".');
	});

	test('a 200 with a malformed JSON body is reported, not crashed on', async () => {
		t.mock.injectFault({
			operationId: 'listEvaluations',
			status: 200,
			headers: { 'content-type': 'application/json' },
			body: '{"items": [',
		});
		const error = await failureOf(t.harness.run(getMany({ returnAll: true })));
		expect(error.message).toBe('Releval sent a response this node cannot read');
	});
});

describe('readListPage', () => {
	test.each([
		[[{ id: 1 }], { items: [{ id: 1 }] }],
		[{ items: [], total: 0 }, { items: [], total: 0, totalPages: undefined }],
		[{ data: [{ id: 1 }], total_count: '7' }, { items: [{ id: 1 }], total: 7, totalPages: undefined }],
		[{ results: [], total_pages: 3 }, { items: [], total: undefined, totalPages: 3 }],
	])('%j', (body, expected) => {
		expect(readListPage(body)).toEqual(expected);
	});
});

describe('paginateList keeps every other query parameter on every page', () => {
	test('filters set by the operation travel with page 2 and later', async () => {
		const sent: Array<Record<string, unknown>> = [];
		const context = {
			getNode: () => ({ name: 'Releval', parameters: { resource: 'evaluationRun', operation: 'getAll' } }),
			getNodeParameter: (name: string, fallback: unknown) => (name === 'returnAll' ? true : fallback),
			getItemIndex: () => 0,
			continueOnFail: () => false,
			getCredentials: async () => ({}),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: { qs: Record<string, unknown> }) => {
					sent.push({ ...options.qs });
					const page = Number(options.qs.page);
					const count = page < 3 ? 100 : 1;
					const items = Array.from({ length: count }, (_, index) => ({ id: `${page}-${index}` }));
					return { statusCode: 200, headers: {}, body: { items, total: 201 } };
				},
			},
		} as unknown as IExecutePaginationFunctions;
		const output = await paginateList.call(context, {
			options: { url: '/runs', qs: { status: 'completed', sort: 'created' } },
			preSend: [],
			postReceive: [],
		});
		expect(output).toHaveLength(201);
		expect(sent).toEqual([1, 2, 3].map((page) => ({ status: 'completed', sort: 'created', page, pageSize: 100 })));
	});
});

describe('Pages in Parallel', () => {
	test('the parameter default is the one the paginator uses', () => {
		const property = returnAllAndLimit().find(
			(candidate) => candidate.name === 'pagesInParallel',
		);
		expect(property?.default).toBe(DEFAULT_PAGES_IN_PARALLEL);
	});
});
