import type { LoadOptionsContext } from 'n8n-core';

import { apiListPage, apiRequest } from '../../nodes/shared/apiRequest';
import { failureOf, harnessFor, useMockReleval } from '../helpers';
import { seedRun } from '../mock/lifecycle';

const where = { operation: 'Testing apiRequest' };

describe('requests outside routing (apiRequest)', () => {
	const t = useMockReleval();

	/** A list-search context whose credential's Base URL has spaces and trailing slashes, as users paste it. */
	function context(): LoadOptionsContext {
		return harnessFor(`  ${t.mock.url}//  `).loadOptionsContext({ resource: 'evaluationRun', operation: 'get' }, 'runId');
	}

	test("sends the operation's method and path to the trimmed Base URL, asking for JSON or problem details", async () => {
		const run = seedRun(t.mock, { evaluation_id: 'E1', status: 'running' });
		const response = await apiRequest(context(), 'getEvaluationRun', { path: { runId: run.id } }, where);
		expect(response.body).toMatchObject({ id: run.id, status: 'running' });
		const [request] = t.mock.apiRequests;
		expect(request).toMatchObject({ method: 'GET', path: `/api/v1/evaluations/runs/${run.id}`, query: {} });
		expect(request.headers.accept).toBe('application/json, application/problem+json');
	});

	test('encodes path values, and fails with the node error of the answer', async () => {
		const error = await failureOf(apiRequest(context(), 'getEvaluationRun', { path: { runId: 'a/b c' } }, where));
		expect(t.mock.apiRequests[0].path).toBe('/api/v1/evaluations/runs/a%2Fb%20c');
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('Testing apiRequest');
	});

	test('a list page carries page and pageSize; the credential is read once per context', async () => {
		const evaluation = t.mock.state.evaluations.insert({ name: 'E', endpoint_id: 'EP', query_set_id: 'QS', query_template_id: 'QT' });
		seedRun(t.mock, { evaluation_id: evaluation.id });
		const loadOptions = context();
		const credentialReads = jest.spyOn(loadOptions, 'getCredentials');
		const readsPerPage: number[] = [];
		for (const page of [1, 2]) {
			const before = credentialReads.mock.calls.length;
			const listPage = await apiListPage(loadOptions, 'listEvaluationRuns', { path: { evaluationId: evaluation.id }, page, pageSize: 5 }, where);
			readsPerPage.push(credentialReads.mock.calls.length - before);
			expect(typeof listPage === 'string' ? listPage : listPage.items.length).toBe(page === 1 ? 1 : 0);
		}
		expect(t.mock.apiRequests.map((request) => [request.path, request.query])).toEqual([
			[`/api/v1/evaluations/${evaluation.id}/runs`, { page: '1', pageSize: '5' }],
			[`/api/v1/evaluations/${evaluation.id}/runs`, { page: '2', pageSize: '5' }],
		]);
		// n8n reads the credential for every request it authenticates; the base URL is read only for the first
		expect(readsPerPage[1]).toBe(readsPerPage[0] - 1);
	});
});
