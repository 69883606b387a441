import { byId, failureOf, useMockReleval } from '../../helpers';

describe('Search Endpoint', () => {
	const t = useMockReleval();

	const base = {
		resource: 'searchEndpoint',
		name: 'Products',
		url: 'https://search.example.com:9200/products/_search',
		method: 'POST',
		type: 'elasticsearch',
	};

	function seedEndpoint(fields: Record<string, unknown> = {}) {
		return t.mock.state.endpoints.insert({
			name: 'Products',
			url: 'https://search.example.com/products/_search',
			method: 'POST',
			type: 'opensearch',
			candidates_mapping: '@',
			authentication: { type: 'bearer', token: 'engine-secret-token' },
			...fields,
		});
	}

	describe('Create', () => {
		test('sends the required fields, the nested authentication and the additional fields', async () => {
			const corpus = t.mock.state.corpora.insert({ name: 'Catalogue', match_mode: 'qid' });
			const [item] = await t.harness.run({
				...base,
				operation: 'create',
				authenticationType: 'basic',
				basicUsername: ' elastic ',
				basicPassword: 's3cret pass',
				additionalFields: {
					candidatesMapping: '{total: hits.total.value, candidates: hits.hits[].{id: _id, title: _source.title}}',
					corpusId: byId(corpus.id),
					description: 'Production cluster',
					headers: '{"X-Tenant": "eu", "X-Version": 2}',
				},
			});
			const request = t.mock.apiRequests[0];
			expect(request).toMatchObject({ method: 'POST', path: '/api/v1/endpoints' });
			expect(request.body).toEqual({
				name: 'Products',
				url: 'https://search.example.com:9200/products/_search',
				method: 'POST',
				type: 'elasticsearch',
				authentication: { type: 'basic', username: 'elastic', password: 's3cret pass' },
				candidates_mapping: '{total: hits.total.value, candidates: hits.hits[].{id: _id, title: _source.title}}',
				corpus_id: corpus.id,
				description: 'Production cluster',
				headers: { 'X-Tenant': 'eu', 'X-Version': '2' },
			});
			expect(item.json).toMatchObject({ name: 'Products', corpus_id: corpus.id, authentication: { type: 'basic', username: 'elastic' } });
			// Secrets are write-only: stored, never returned.
			expect(item.json.authentication).not.toHaveProperty('password');
			expect((t.mock.state.endpoints.get(String(item.json.id)).authentication as Record<string, unknown>).password).toBe(
				's3cret pass',
			);
		});

		test.each([
			['none', {}, { type: 'none' }],
			['bearer', { bearerToken: 'tok-123' }, { type: 'bearer', token: 'tok-123' }],
			[
				'aws',
				{ awsAccessKey: 'AKIAEXAMPLE', awsAccessSecret: 'aws-secret', awsRegion: 'eu-west-1' },
				{ type: 'aws', access_key: 'AKIAEXAMPLE', access_secret: 'aws-secret', aws_region: 'eu-west-1' },
			],
			[
				'custom',
				{ customHeaderName: 'X-Api-Key', customHeaderValue: 'key-1' },
				{ type: 'custom', header_name: 'X-Api-Key', header_value: 'key-1' },
			],
		])('authentication "%s" sends only the fields of that type', async (authenticationType, fields, expected) => {
			await t.harness.run({
				...base,
				operation: 'create',
				authenticationType,
				// Fields of other types are ignored: the editor hides them.
				bearerToken: authenticationType === 'bearer' ? undefined : 'ignored-token',
				...fields,
			});
			expect((t.mock.apiRequests[0].body as Record<string, unknown>).authentication).toEqual(expected);
		});

		test('a chosen authentication type with an empty secret stops before any request', async () => {
			await expect(
				t.harness.run({ ...base, operation: 'create', authenticationType: 'custom', customHeaderName: 'X-Key', customHeaderValue: '' }),
			).rejects.toThrow('"Header Value" is required for this authentication type');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('an unknown corpus is Releval\'s 404 and nothing is created', async () => {
			const error = await failureOf(
				t.harness.run({ ...base, operation: 'create', additionalFields: { corpusId: byId('01JMISSING') } }),
			);
			expect(error.httpCode).toBe('404');
			expect(t.mock.state.endpoints.all()).toHaveLength(0);
		});

		test.each([
			[{ name: '' }, '"Name" is required'],
			[{ url: '' }, '"URL" is required'],
			[{ url: 'search.example.com/_search' }, '"URL" must be an absolute http(s) URL'],
			[{ url: 'ftp://search.example.com/' }, '"URL" must be an absolute http(s) URL'],
			[{ type: 'mysql' }, '"Type" must be one of api, elasticsearch, opensearch, page, solr, vespa'],
			[{ method: 'DELETE' }, '"Method" must be one of GET, POST'],
			[{ method: '' }, '"Method" is required'],
			[{ authenticationType: 'kerberos' }, '"Authentication" must be one of'],
			[{ additionalFields: { headers: '{"X-Tenant": ' } }, '"Headers" is not valid JSON'],
			[{ additionalFields: { headers: '["X-Tenant"]' } }, '"Headers" must be a JSON object'],
			[{ additionalFields: { headers: '{"X-Tenant": {"nested": true}}' } }, '"Headers" must map each name to a text value'],
		])('bad input %j is rejected before any request', async (override, message) => {
			await expect(t.harness.run({ ...base, operation: 'create', ...override })).rejects.toThrow(message);
			expect(t.mock.requests).toHaveLength(0);
		});
	});

	test('Get returns the endpoint without its secrets', async () => {
		const endpoint = seedEndpoint();
		const [item] = await t.harness.run({ resource: 'searchEndpoint', operation: 'get', endpointId: byId(endpoint.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/endpoints/${endpoint.id}` });
		expect(item.json).toMatchObject({ id: endpoint.id, type: 'opensearch', authentication: { type: 'bearer' } });
		expect(JSON.stringify(item.json)).not.toContain('engine-secret-token');
	});

	test('Get Many lists endpoints, one item each, without secrets', async () => {
		seedEndpoint({ name: 'A' });
		seedEndpoint({ name: 'B' });
		const items = await t.harness.run({ resource: 'searchEndpoint', operation: 'getAll', returnAll: true });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/endpoints' });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B']);
		expect(JSON.stringify(items)).not.toContain('engine-secret-token');
	});

	describe('Update', () => {
		test('sends only the fields set and keeps the saved authentication by default', async () => {
			const endpoint = seedEndpoint();
			const [item] = await t.harness.run({
				resource: 'searchEndpoint',
				operation: 'update',
				endpointId: byId(endpoint.id),
				updateFields: { url: 'https://search.example.com/v2/_search', method: 'GET', headers: '{"X-Tenant": "us"}' },
			});
			expect(t.mock.apiRequests[0]).toMatchObject({ method: 'PUT', path: `/api/v1/endpoints/${endpoint.id}` });
			expect(t.mock.apiRequests[0].body).toEqual({
				url: 'https://search.example.com/v2/_search',
				method: 'GET',
				headers: { 'X-Tenant': 'us' },
			});
			expect(item.json).toMatchObject({ name: 'Products', method: 'GET', authentication: { type: 'bearer' } });
			expect((t.mock.state.endpoints.get(endpoint.id).authentication as Record<string, unknown>).token).toBe(
				'engine-secret-token',
			);
		});

		test('replaces the authentication when another type is chosen', async () => {
			const endpoint = seedEndpoint();
			await t.harness.run({
				resource: 'searchEndpoint',
				operation: 'update',
				endpointId: byId(endpoint.id),
				authenticationType: 'none',
			});
			expect(t.mock.apiRequests[0].body).toEqual({ authentication: { type: 'none' } });
			expect(t.mock.state.endpoints.get(endpoint.id).authentication).toEqual({ type: 'none' });
		});

		test('with nothing to change stops before any request', async () => {
			const endpoint = seedEndpoint();
			await expect(
				t.harness.run({ resource: 'searchEndpoint', operation: 'update', endpointId: byId(endpoint.id), updateFields: {} }),
			).rejects.toThrow('"Update Fields" has no field set');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('an invalid URL stops before any request', async () => {
			const endpoint = seedEndpoint();
			await expect(
				t.harness.run({
					resource: 'searchEndpoint',
					operation: 'update',
					endpointId: byId(endpoint.id),
					updateFields: { url: 'not a url' },
				}),
			).rejects.toThrow('"URL" must be an absolute http(s) URL');
			expect(t.mock.requests).toHaveLength(0);
		});
	});

	test('Delete removes the endpoint and reports success', async () => {
		const endpoint = seedEndpoint();
		const [item] = await t.harness.run({ resource: 'searchEndpoint', operation: 'delete', endpointId: byId(endpoint.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/endpoints/${endpoint.id}` });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.endpoints.all()).toHaveLength(0);
	});

	describe('Test Configuration (unsaved)', () => {
		test('sends the configuration and says the answer came from the search engine', async () => {
			const [item, ...rest] = await t.harness.run({
				...base,
				operation: 'testConfiguration',
				authenticationType: 'bearer',
				bearerToken: 'tok-123',
				additionalFields: {
					body: '{"query": {"match_all": {}}}',
					candidatesMapping: '@',
					headers: '{"X-Trace": "1"}',
					queryString: '?size=3',
				},
			});
			const request = t.mock.apiRequests[0];
			expect(request).toMatchObject({ method: 'POST', path: '/api/v1/endpoints/test' });
			expect(request.body).toEqual({
				url: 'https://search.example.com:9200/products/_search',
				method: 'POST',
				type: 'elasticsearch',
				authentication: { type: 'bearer', token: 'tok-123' },
				body: '{"query": {"match_all": {}}}',
				candidates_mapping: '@',
				headers: { 'X-Trace': '1' },
				query_string: '?size=3',
			});
			expect(rest).toHaveLength(0);
			expect(item.json.responseSource).toBe('endpoint');
			expect(item.json.statusCode).toBe(200);
			expect(item.json.response).toMatchObject({
				total: 3,
				candidates: [{ id: 'doc-1', title: 'Result 1 of POST /products/_search?size=3' }, { id: 'doc-2' }, { id: 'doc-3' }],
			});
			expect(t.mock.state.endpoints.all()).toHaveLength(0);
		});

		test('an answer without the X-Eval-Response header is reported as coming from Releval', async () => {
			t.mock.injectFault({ operationId: 'testEndpoint', status: 200, body: { total: 0, candidates: [] } });
			const [item] = await t.harness.run({ ...base, operation: 'testConfiguration' });
			expect(item.json).toEqual({ responseSource: 'releval', statusCode: 200, response: { total: 0, candidates: [] } });
		});

		test('a search engine Releval cannot reach is Releval\'s problem, not the endpoint\'s', async () => {
			const error = await failureOf(
				t.harness.run({ ...base, operation: 'testConfiguration', url: 'https://search.unreachable.invalid/_search' }),
			);
			expect(error.httpCode).toBe('400');
			expect(error.description).toContain('could not connect to the search endpoint');
		});

		test('an empty URL stops before any request', async () => {
			await expect(t.harness.run({ ...base, operation: 'testConfiguration', url: '' })).rejects.toThrow('"URL" is required');
			expect(t.mock.requests).toHaveLength(0);
		});
	});

	describe('Test (saved endpoint)', () => {
		test('tests the saved endpoint as it is when no override is set', async () => {
			const endpoint = seedEndpoint();
			const [item] = await t.harness.run({ resource: 'searchEndpoint', operation: 'test', endpointId: byId(endpoint.id) });
			const request = t.mock.apiRequests[0];
			expect(request).toMatchObject({ method: 'POST', path: `/api/v1/endpoints/${endpoint.id}/test` });
			expect(request.body ?? {}).toEqual({});
			expect(item.json).toMatchObject({
				responseSource: 'endpoint',
				statusCode: 200,
				response: { total: 3, candidates: [{ id: 'doc-1', title: 'Result 1 of POST /products/_search' }, {}, {}] },
			});
		});

		test('sends the overrides', async () => {
			const endpoint = seedEndpoint();
			const [item] = await t.harness.run({
				resource: 'searchEndpoint',
				operation: 'test',
				endpointId: byId(endpoint.id),
				additionalFields: { body: '{"size": 1}', queryString: '?explain=true', headers: '{"X-Debug": "yes"}' },
			});
			expect(t.mock.apiRequests[0].body).toEqual({
				body: '{"size": 1}',
				query_string: '?explain=true',
				headers: { 'X-Debug': 'yes' },
			});
			expect((item.json.response as { candidates: Array<{ title: string }> }).candidates[0].title).toBe(
				'Result 1 of POST /products/_search?explain=true',
			);
		});

		test('an unknown endpoint is Releval\'s 404', async () => {
			const error = await failureOf(
				t.harness.run({ resource: 'searchEndpoint', operation: 'test', endpointId: byId('01JGONE') }),
			);
			expect(error.httpCode).toBe('404');
		});

		test('invalid override headers stop before any request', async () => {
			await expect(
				t.harness.run({
					resource: 'searchEndpoint',
					operation: 'test',
					endpointId: byId('01JANY'),
					additionalFields: { headers: 'X-Debug: yes' },
				}),
			).rejects.toThrow('"Headers" is not valid JSON');
			expect(t.mock.requests).toHaveLength(0);
		});
	});
});
