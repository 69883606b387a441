import { createServer, request as httpRequest } from 'http';
import type { AddressInfo } from 'net';

import { byId, failureOf, harnessFor, useMockReleval } from '../../helpers';

/** A loopback proxy to the mock that records the raw request URLs (path and query string as sent). */
async function recordingProxy(target: string) {
	const urls: string[] = [];
	const server = createServer((incoming, outgoing) => {
		urls.push(incoming.url ?? '');
		const forward = httpRequest(
			new URL(incoming.url ?? '/', target),
			{ method: incoming.method, headers: incoming.headers },
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		incoming.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		urls,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('Query Template', () => {
	const t = useMockReleval();

	const BODY = '{"query": {"match": {"title": "{{query}}"}}}';

	function seedTemplate(name = 'BM25') {
		return t.mock.state.queryTemplates.insert({ name, body: BODY, content_type: 'application/json', query_string: '?size=10' });
	}

	test('Create sends the template fields and returns the new template', async () => {
		const [item] = await t.harness.run({
			resource: 'queryTemplate',
			operation: 'create',
			name: 'Title boost',
			additionalFields: {
				body: BODY,
				contentType: 'application/json',
				description: 'Boost titles',
				headers: '{"X-Segment": "{{segment}}"}',
				queryString: '?size={{size}}',
			},
		});
		const request = t.mock.apiRequests[0];
		expect(request).toMatchObject({ method: 'POST', path: '/api/v1/query-templates' });
		expect(request.body).toEqual({
			name: 'Title boost',
			body: BODY,
			content_type: 'application/json',
			description: 'Boost titles',
			headers: { 'X-Segment': '{{segment}}' },
			query_string: '?size={{size}}',
		});
		expect(item.json).toMatchObject({ name: 'Title boost', body: BODY });
		expect(t.mock.state.queryTemplates.get(String(item.json.id)).query_string).toBe('?size={{size}}');
	});

	test('Get fetches one template by ID', async () => {
		const template = seedTemplate();
		const [item] = await t.harness.run({ resource: 'queryTemplate', operation: 'get', queryTemplateId: byId(template.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/query-templates/${template.id}` });
		expect(item.json).toMatchObject({ id: template.id, name: 'BM25', body: BODY });
	});

	test('Get Many returns one item per template', async () => {
		seedTemplate('A');
		seedTemplate('B');
		const items = await t.harness.run({ resource: 'queryTemplate', operation: 'getAll', returnAll: false, limit: 50 });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/query-templates' });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B']);
	});

	test('Update sends only the fields that were set', async () => {
		const template = seedTemplate();
		const [item] = await t.harness.run({
			resource: 'queryTemplate',
			operation: 'update',
			queryTemplateId: byId(template.id),
			updateFields: { queryString: '?size=50', headers: '{"X-Debug": true}' },
		});
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'PUT', path: `/api/v1/query-templates/${template.id}` });
		expect(t.mock.apiRequests[0].body).toEqual({ query_string: '?size=50', headers: { 'X-Debug': 'true' } });
		expect(item.json).toMatchObject({ name: 'BM25', body: BODY, query_string: '?size=50' });
	});

	test('Update with no field set stops before any request', async () => {
		const template = seedTemplate();
		await expect(
			t.harness.run({ resource: 'queryTemplate', operation: 'update', queryTemplateId: byId(template.id) }),
		).rejects.toThrow('"Update Fields" has no field set');
		expect(t.mock.requests).toHaveLength(0);
	});

	describe('Delete', () => {
		test('sends every template ID as a repeated ids parameter in one request and lists them', async () => {
			const a = seedTemplate('A');
			const b = seedTemplate('B');
			// The mock keeps only the last of repeated query parameters, so the raw URL is read in front of it.
			const proxy = await recordingProxy(t.mock.url);
			try {
				const harness = harnessFor(proxy.url);
				const [item, ...rest] = await harness.run({
					resource: 'queryTemplate',
					operation: 'delete',
					queryTemplates: { values: [{ queryTemplateId: byId(a.id) }, { queryTemplateId: byId(` ${b.id} `) }] },
				});
				expect(t.mock.apiRequests).toHaveLength(1);
				expect(t.mock.apiRequests[0]).toMatchObject({ method: 'DELETE', path: '/api/v1/query-templates' });
				const deletes = proxy.urls.filter((url) => url.startsWith('/api/v1/query-templates'));
				expect(deletes).toEqual([`/api/v1/query-templates?ids=${a.id}&ids=${b.id}`]);
				expect(rest).toHaveLength(0);
				expect(item.json).toEqual({ success: true, deleted: [a.id, b.id] });
			} finally {
				await proxy.close();
			}
		});

		test('one template is enough', async () => {
			const a = seedTemplate('A');
			const [item] = await t.harness.run({
				resource: 'queryTemplate',
				operation: 'delete',
				queryTemplates: { values: [{ queryTemplateId: byId(a.id) }] },
			});
			expect(item.json).toEqual({ success: true, deleted: [a.id] });
			expect(t.mock.state.queryTemplates.all()).toHaveLength(0);
		});

		test('an unknown ID is Releval\'s 404 and nothing is deleted', async () => {
			// (With several IDs the mock handler is all-or-nothing, but the mock server currently passes it only the
			// last of repeated query parameters; the unknown ID is last here so the 404 path is exercised either way.)
			const a = seedTemplate('A');
			const error = await failureOf(
				t.harness.run({
					resource: 'queryTemplate',
					operation: 'delete',
					queryTemplates: { values: [{ queryTemplateId: byId(a.id) }, { queryTemplateId: byId('01JUNKNOWN') }] },
				}),
			);
			expect(error.httpCode).toBe('404');
			expect(error.description).toContain('01JUNKNOWN');
			expect(t.mock.state.queryTemplates.all()).toHaveLength(1);
		});

		test.each([
			[{}, '"Query Templates" is required'],
			[{ values: [{ queryTemplateId: byId('01JA') }, { queryTemplateId: byId('  ') }] }, '"Query Templates" has an empty ID in entry 2'],
		])('no or empty IDs stop before any request (%j)', async (queryTemplates, message) => {
			await expect(t.harness.run({ resource: 'queryTemplate', operation: 'delete', queryTemplates })).rejects.toThrow(message);
			expect(t.mock.requests).toHaveLength(0);
		});
	});

	describe('Test (ad-hoc queries)', () => {
		test('renders the template for each query, one item per query', async () => {
			const items = await t.harness.run({
				resource: 'queryTemplate',
				operation: 'test',
				queries: '["red shoes", "socks"]',
				additionalFields: { body: BODY, contentType: 'application/json', queryString: '?q={{query}}' },
			});
			const request = t.mock.apiRequests[0];
			expect(request).toMatchObject({ method: 'POST', path: '/api/v1/query-templates/test' });
			expect(request.body).toEqual({
				queries: ['red shoes', 'socks'],
				body: BODY,
				content_type: 'application/json',
				query_string: '?q={{query}}',
			});
			expect(items.map((item) => item.json)).toEqual([
				{
					format: 'text',
					query: 'red shoes',
					body: '{"query": {"match": {"title": "red shoes"}}}',
					query_string: '?q=red shoes',
					headers: null,
				},
				{
					format: 'text',
					query: 'socks',
					body: '{"query": {"match": {"title": "socks"}}}',
					query_string: '?q=socks',
					headers: null,
				},
			]);
		});

		test('accepts query objects and renders their properties', async () => {
			const items = await t.harness.run({
				resource: 'queryTemplate',
				operation: 'test',
				queries: [{ query: 'tv', size: 5 }],
				additionalFields: { queryString: '?q={{query}}&size={{size}}', headers: '{"X-Q": "{{query}}"}' },
			});
			expect((t.mock.apiRequests[0].body as Record<string, unknown>).queries).toEqual([{ query: 'tv', size: 5 }]);
			expect(items[0].json).toMatchObject({ format: 'json', query_string: '?q=tv&size=5', headers: { 'X-Q': 'tv' } });
		});

		test.each([
			['', '"Queries" is required'],
			['[]', '"Queries" is required'],
			['["red shoes",', '"Queries" is not valid JSON'],
			['{"query": "red shoes"}', '"Queries" must be a JSON array'],
			['["red shoes", {"query": "socks"}]', '"Queries" must be all strings or all objects'],
			['[{"text": "socks"}]', '"Queries" must be all strings or all objects'],
		])('queries %j are rejected before any request', async (queries, message) => {
			await expect(
				t.harness.run({ resource: 'queryTemplate', operation: 'test', queries, additionalFields: { body: BODY } }),
			).rejects.toThrow(message);
			expect(t.mock.requests).toHaveLength(0);
		});

		test('a test with nothing to render stops before any request', async () => {
			await expect(
				t.harness.run({ resource: 'queryTemplate', operation: 'test', queries: '["a"]', additionalFields: { contentType: 'json' } }),
			).rejects.toThrow('"Template Fields" has nothing to render');
			expect(t.mock.requests).toHaveLength(0);
		});
	});

	describe('Test With Query Set', () => {
		test('renders the template for the first five queries of the set', async () => {
			const querySet = t.mock.state.querySets.insert({
				name: 'Popular',
				queries: ['one', 'two', 'three', 'four', 'five', 'six', 'seven'],
			});
			const items = await t.harness.run({
				resource: 'queryTemplate',
				operation: 'testWithQuerySet',
				querySetId: byId(querySet.id),
				additionalFields: { body: BODY },
			});
			const request = t.mock.apiRequests[0];
			expect(request).toMatchObject({ method: 'POST', path: `/api/v1/query-templates/test/${querySet.id}` });
			expect(request.body).toEqual({ body: BODY });
			expect(items.map((item) => item.json.query)).toEqual(['one', 'two', 'three', 'four', 'five']);
			expect(items[4].json.body).toBe('{"query": {"match": {"title": "five"}}}');
		});

		test('an unknown query set is Releval\'s 404', async () => {
			const error = await failureOf(
				t.harness.run({
					resource: 'queryTemplate',
					operation: 'testWithQuerySet',
					querySetId: byId('01JNOSET'),
					additionalFields: { body: BODY },
				}),
			);
			expect(error.httpCode).toBe('404');
		});

		test('an empty Query Set stops before any request', async () => {
			await expect(
				t.harness.run({ resource: 'queryTemplate', operation: 'testWithQuerySet', querySetId: byId(''), additionalFields: { body: BODY } }),
			).rejects.toThrow('"Query Set" is required');
			expect(t.mock.requests).toHaveLength(0);
		});
	});
});
