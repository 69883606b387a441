import { byId, failureOf, useMockReleval } from '../../helpers';
import { binaryItem } from '../../shared/binary';

describe('Analysis', () => {
	const t = useMockReleval();

	function seed() {
		const endpoint = t.mock.state.endpoints.insert({ name: 'Products', url: 'https://search.example/products', type: 'elasticsearch' });
		const querySet = t.mock.state.querySets.insert({ name: 'Top', format: 'text', query_count: 3, queries: ['shoes', 'boots', 'hats'] });
		const [baseline, hybrid, vector] = ['BM25', 'Hybrid', 'Vector'].map((name) =>
			t.mock.state.queryTemplates.insert({ name, body: '{"query": "{{query}}"}', content_type: 'json' }),
		);
		return { endpoint, querySet, baseline, hybrid, vector };
	}

	function createParameters(ids: ReturnType<typeof seed>, templateIds: string[]) {
		return {
			resource: 'analysis',
			operation: 'create',
			name: 'BM25 vs. others',
			endpointId: byId(ids.endpoint.id),
			querySetId: byId(ids.querySet.id),
			baseline: byId(ids.baseline.id),
			queryTemplates: { template: templateIds.map((id) => ({ queryTemplateId: byId(id) })) },
		};
	}

	test('Create sends the baseline and the templates to compare; scores come back per template', async () => {
		const ids = seed();
		const [item] = await t.harness.run(createParameters(ids, [ids.hybrid.id, ids.vector.id, ids.hybrid.id]));
		const request = t.mock.apiRequests[0];
		expect(request).toMatchObject({ method: 'POST', path: '/api/v1/analysis' });
		expect(request.body).toEqual({
			name: 'BM25 vs. others',
			endpoint_id: ids.endpoint.id,
			query_set_id: ids.querySet.id,
			baseline: ids.baseline.id,
			query_template_ids: [ids.hybrid.id, ids.vector.id],
		});
		const templates = (item.json.metrics as { templates: Array<Record<string, unknown>> }).templates;
		expect(templates.map((entry) => entry.template_id)).toEqual([ids.hybrid.id, ids.vector.id]);
		for (const entry of templates) {
			expect(entry.queries).toBe(3);
			expect(entry.rbo).toBeGreaterThanOrEqual(0);
			expect(entry.rbo).toBeLessThanOrEqual(1);
			expect(entry.jaccard).toBeGreaterThanOrEqual(0);
			expect(entry.jaccard).toBeLessThanOrEqual(1);
		}
		expect(item.json).toMatchObject({ status: 'completed', query_count: 3 });
	});

	test('Create without templates to compare, or with an empty one, stops before any request', async () => {
		const ids = seed();
		const none = await failureOf(t.harness.run(createParameters(ids, [])));
		expect(none.message).toBe('"Query Templates to Compare" needs at least one query template to compare with the baseline');
		const blank = await failureOf(t.harness.run(createParameters(ids, [ids.hybrid.id, ' '])));
		expect(blank.message).toBe('"Query Templates to Compare" has an empty template (entry 2)');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Create with an empty Baseline Template stops before any request', async () => {
		const ids = seed();
		const error = await failureOf(t.harness.run({ ...createParameters(ids, [ids.hybrid.id]), baseline: byId('') }));
		expect(error.message).toBe('"Baseline Template" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Create with an unknown template is reported as not found', async () => {
		const ids = seed();
		const error = await failureOf(t.harness.run(createParameters(ids, ['01JNOTEMPLATE'])));
		expect(error.httpCode).toBe('404');
		expect(t.mock.state.analyses.all()).toHaveLength(0);
	});

	test('Upload sends the name and the executions file as "input"; identical lists score 1, disjoint ones 0', async () => {
		const lines = [
			{ query: 'shoes', template_id: 'base', candidates: ['a', 'b', 'c'] },
			{ query: 'shoes', template_id: 'same', candidates: ['a', 'b', 'c'] },
			{ query: 'shoes', template_id: 'other', candidates: [{ id: 'x' }, { id: 'y' }, { id: 'z' }] },
		];
		const [item] = await t.harness.run(
			{ resource: 'analysis', operation: 'upload', name: 'Offline' },
			{ items: [binaryItem(lines.map((line) => JSON.stringify(line)).join('\n'), 'executions.jsonl')] },
		);
		const request = t.mock.apiRequests[0];
		expect(request).toMatchObject({ method: 'POST', path: '/api/v1/analysis/upload', body: { name: 'Offline' } });
		expect(request.files?.input).toMatchObject({ filename: 'executions.jsonl', mimetype: 'application/jsonl' });
		expect(request.files).not.toHaveProperty('file');
		expect(item.json).toMatchObject({
			baseline: 'base',
			query_template_ids: ['same', 'other'],
			metrics: {
				rbo_p: 0.9,
				templates: [
					{ template_id: 'same', rbo: 1, jaccard: 1, queries: 1 },
					{ template_id: 'other', rbo: 0, jaccard: 0, queries: 1 },
				],
			},
		});
	});

	test('Upload of a file that is not JSON Lines is refused before any request', async () => {
		const error = await failureOf(
			t.harness.run({ resource: 'analysis', operation: 'upload', name: 'Offline' }, { items: [binaryItem('a', 'runs.txt')] }),
		);
		expect(error.message).toMatch(/^"Input Binary Field" has the file name "runs.txt", but this upload accepts only .jsonl files/);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Get simplifies by default (no per-query results) and returns everything with Simplify off', async () => {
		const ids = seed();
		await t.harness.run(createParameters(ids, [ids.hybrid.id]));
		const analysis = t.mock.state.analyses.all()[0];
		t.mock.clearLog();

		const [simple] = await t.harness.run({ resource: 'analysis', operation: 'get', analysisId: byId(analysis.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/analysis/${analysis.id}` });
		expect(Object.keys(simple.json).sort()).toEqual(
			['baseline', 'created', 'id', 'metrics', 'name', 'query_count', 'query_template_ids', 'status'].sort(),
		);

		const [full] = await t.harness.run({ resource: 'analysis', operation: 'get', analysisId: byId(analysis.id), simplify: false });
		expect(full.json.results).toHaveLength(3);
		expect(full.json).toMatchObject({ endpoint_id: ids.endpoint.id, source: 'live' });
	});

	test('Get Many returns one item per analysis', async () => {
		t.mock.state.analyses.insert({ name: 'A', status: 'completed' });
		t.mock.state.analyses.insert({ name: 'B', status: 'completed' });
		const items = await t.harness.run({ resource: 'analysis', operation: 'getAll', returnAll: true });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/analysis' });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B']);
	});

	test('an empty Analysis ID stops the item before any request', async () => {
		const error = await failureOf(t.harness.run({ resource: 'analysis', operation: 'get', analysisId: byId('') }));
		expect(error.message).toBe('"Analysis" is required');
		expect(t.mock.requests).toHaveLength(0);
	});
});
