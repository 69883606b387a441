import { failureOf, useMockReleval } from '../helpers';

// A small cap so that "a server that never stops" is quick to reproduce; production uses 10,000 pages.
jest.mock('../../nodes/shared/api', () => ({
	...jest.requireActual('../../nodes/shared/api'),
	MAX_PAGES: 3,
}));

describe('the hard page cap', () => {
	const t = useMockReleval();

	test('a server that keeps sending new full pages is cut off with a clear error', async () => {
		let call = 0;
		t.mock.onRequest = (request) => {
			if (request.operationId !== 'listEvaluations') return;
			call += 1;
			const items = Array.from({ length: 100 }, (_, index) => ({ id: `${call}-${index}` }));
			t.mock.injectFault({ operationId: 'listEvaluations', status: 200, body: { items, total: 1_000_000 } });
		};
		const error = await failureOf(
			t.harness.run({ resource: 'evaluation', operation: 'getAll', returnAll: true, pagesInParallel: 1 }),
		);
		expect(error.description).toContain('kept returning full pages after 3 pages (300 items)');
		expect(t.mock.apiRequests).toHaveLength(3);
	});

	test('a total beyond the cap is refused after the first page, before fetching in parallel', async () => {
		t.mock.injectFault({
			operationId: 'listEvaluations',
			status: 200,
			body: { items: Array.from({ length: 100 }, (_, index) => ({ id: `${index}` })), total: 1_000_000 },
		});
		const error = await failureOf(t.harness.run({ resource: 'evaluation', operation: 'getAll', returnAll: true }));
		expect(error.description).toContain('Releval reports 10000 pages, more than the 3 this node fetches in one run.');
		expect(t.mock.apiRequests).toHaveLength(1);
	});
});
