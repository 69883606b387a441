import { DEFAULT_PAGES_IN_PARALLEL, MAX_PAGES } from '../../nodes/shared/api';
import { failureOf, useMockReleval } from '../helpers';

/*
 * A server that ignores `page` (a proxy that drops the query string, or another name for the paging parameter)
 * answers every request with the same full page. Whatever the envelope, with or without a total, one page at a
 * time or several: the repeat is caught as it arrives, not after MAX_PAGES requests.
 */

const fullPage = Array.from({ length: 100 }, (_, index) => ({ id: `same-${index}` }));
const REPEAT = /^Releval returned the same items for page (\d+) as for page 1, so paging would never end\.$/m;

describe.each<[string, unknown, boolean]>([
	// envelope, body of every answer, whether it tells the total (and so lets pages be fetched in parallel)
	['a bare array', fullPage, false],
	['"items" without a total', { items: fullPage }, false],
	['"data" without a total', { data: fullPage }, false],
	['"results" without a total', { results: fullPage }, false],
	['"items" with "total"', { items: fullPage, total: 100_000 }, true],
	['"data" with "total_count"', { data: fullPage, total_count: 100_000 }, true],
	['"results" with "total_pages"', { results: fullPage, total_pages: 1_000 }, true],
])('a server that ignores the page and always answers %s', (_envelope, body, toldTotal) => {
	const t = useMockReleval();

	test.each([1, DEFAULT_PAGES_IN_PARALLEL])('Pages in Parallel %i: stopped by the first repeated page', async (pagesInParallel) => {
		t.mock.injectFault({ operationId: 'listEvaluations', status: 200, body, times: MAX_PAGES });
		const error = await failureOf(
			t.harness.run({ resource: 'evaluation', operation: 'getAll', returnAll: true, pagesInParallel }),
		);
		expect(error.message).toBe('Releval sent a response this node cannot read');
		const repeatedPage = Number(REPEAT.exec(String(error.description))?.[1]);
		if (toldTotal && pagesInParallel > 1) {
			// the pages already in flight when the first repeat arrived, and not one more
			expect(repeatedPage).toBeGreaterThanOrEqual(2);
			expect(repeatedPage).toBeLessThanOrEqual(1 + pagesInParallel);
			expect(t.mock.apiRequests).toHaveLength(1 + pagesInParallel);
		} else {
			expect(repeatedPage).toBe(2);
			expect(t.mock.apiRequests).toHaveLength(2);
		}
	});
});

describe('a server that alternates between two pages', () => {
	const t = useMockReleval();

	test('is stopped at the first page that repeats an earlier one', async () => {
		const otherPage = fullPage.map(({ id }) => ({ id: `other-${id}` }));
		for (const items of [fullPage, otherPage, fullPage, otherPage]) {
			t.mock.injectFault({ operationId: 'listEvaluations', status: 200, body: items });
		}
		const error = await failureOf(
			t.harness.run({ resource: 'evaluation', operation: 'getAll', returnAll: true, pagesInParallel: 1 }),
		);
		expect(error.description).toMatch(REPEAT);
		expect(error.description).toContain('for page 3 as for page 1');
		expect(t.mock.apiRequests).toHaveLength(3);
	});
});
