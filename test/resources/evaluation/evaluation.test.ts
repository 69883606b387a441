import { byId, useMockReleval } from '../../helpers';

describe('Evaluation', () => {
	const t = useMockReleval();

	function seedEvaluation(name = 'Baseline') {
		return t.mock.state.evaluations.insert({
			name,
			endpoint_id: 'EP1',
			query_set_id: 'QS1',
			query_template_id: 'QT1',
		});
	}

	test('Create sends the snake_case body Releval documents and returns the new evaluation', async () => {
		const [item] = await t.harness.run({
			resource: 'evaluation',
			operation: 'create',
			name: 'Product search',
			endpointId: byId('EP1'),
			querySetId: byId('QS1'),
			queryTemplateId: byId('QT1'),
			additionalFields: { description: 'Baseline BM25' },
		});
		const request = t.mock.apiRequests[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/v1/evaluations');
		expect(request.body).toEqual({
			name: 'Product search',
			description: 'Baseline BM25',
			endpoint_id: 'EP1',
			query_set_id: 'QS1',
			query_template_id: 'QT1',
		});
		expect(item.json).toMatchObject({ name: 'Product search', endpoint_id: 'EP1' });
		expect(t.mock.state.evaluations.get(String(item.json.id)).name).toBe('Product search');
	});

	test('Get fetches one evaluation by ID', async () => {
		const evaluation = seedEvaluation();
		const [item] = await t.harness.run({ resource: 'evaluation', operation: 'get', evaluationId: byId(evaluation.id) });
		expect(t.mock.apiRequests[0].path).toBe(`/api/v1/evaluations/${evaluation.id}`);
		expect(item.json).toMatchObject({ id: evaluation.id, name: 'Baseline' });
	});

	test('Get Many returns one item per evaluation', async () => {
		seedEvaluation('A');
		seedEvaluation('B');
		const items = await t.harness.run({ resource: 'evaluation', operation: 'getAll', returnAll: true });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B']);
	});

	test('Update sends only the fields that were set', async () => {
		const evaluation = seedEvaluation();
		const [item] = await t.harness.run({
			resource: 'evaluation',
			operation: 'update',
			evaluationId: byId(evaluation.id),
			updateFields: { name: 'Renamed', querySetId: byId('QS2') },
		});
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'PUT', body: { name: 'Renamed', query_set_id: 'QS2' } });
		expect(item.json).toMatchObject({ name: 'Renamed', query_set_id: 'QS2', endpoint_id: 'EP1' });
	});

	test('Delete removes the evaluation and reports success', async () => {
		const evaluation = seedEvaluation();
		const [item] = await t.harness.run({ resource: 'evaluation', operation: 'delete', evaluationId: byId(evaluation.id) });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.evaluations.all()).toHaveLength(0);
	});

	test('an empty Evaluation ID stops the item before any request, naming the field', async () => {
		await expect(
			t.harness.run({ resource: 'evaluation', operation: 'get', evaluationId: byId('  ') }),
		).rejects.toThrow('"Evaluation" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('IDs are URL-encoded into the path', async () => {
		await expect(
			t.harness.run({ resource: 'evaluation', operation: 'get', evaluationId: byId('a/b?c') }),
		).rejects.toThrow('Not Found');
		expect(t.mock.apiRequests[0].path).toBe('/api/v1/evaluations/a%2Fb%3Fc');
	});

	test('Create without a Name stops before any request', async () => {
		await expect(
			t.harness.run({
				resource: 'evaluation',
				operation: 'create',
				name: '',
				endpointId: byId('EP1'),
				querySetId: byId('QS1'),
				queryTemplateId: byId('QT1'),
			}),
		).rejects.toThrow('"Name" is required');
		expect(t.mock.requests).toHaveLength(0);
	});
});
