import { byId, failureOf, useMockReleval } from '../../helpers';
import { DEFAULT_CLIENT } from '../../mock/server';
import { binaryItem } from '../../shared/binary';

const create = { resource: 'querySet', operation: 'create', name: 'Top searches' };

describe('Query Set', () => {
	const t = useMockReleval();

	function seedQuerySet(name = 'Popular', queries: unknown[] = ['shoes', 'boots']) {
		return t.mock.state.querySets.insert({
			name,
			format: typeof queries[0] === 'string' ? 'text' : 'json',
			query_count: queries.length,
			queries,
		});
	}

	test('Create sends the queries of the list and returns the new query set', async () => {
		const [item] = await t.harness.run({
			...create,
			queries: ['red shoes', '  blue shirt  ', '1984'],
			additionalFields: { description: 'From the search log' },
		});
		const request = t.mock.apiRequests[0];
		expect(request).toMatchObject({ method: 'POST', path: '/api/v1/query-sets' });
		expect(request.body).toEqual({
			name: 'Top searches',
			description: 'From the search log',
			queries: ['red shoes', 'blue shirt', '1984'],
		});
		expect(item.json).toMatchObject({ name: 'Top searches', format: 'text', query_count: 3 });
		expect(t.mock.state.querySets.get(String(item.json.id)).queries).toEqual(['red shoes', 'blue shirt', '1984']);
	});

	test('Create sends entries written as JSON objects as query objects', async () => {
		const [item] = await t.harness.run({
			...create,
			queries: ['{"query": "red shoes", "size": 10}', '{"query": "boots", "size": 5}'],
		});
		expect(t.mock.apiRequests[0].body).toMatchObject({
			queries: [
				{ query: 'red shoes', size: 10 },
				{ query: 'boots', size: 5 },
			],
		});
		expect(item.json).toMatchObject({ format: 'json', query_count: 2 });
	});

	test('Create refuses text queries mixed with query objects before any request', async () => {
		const error = await failureOf(t.harness.run({ ...create, queries: ['red shoes', '{"query": "boots"}', 'hats'] }));
		expect(error.message).toBe(
			'"Queries" mixes text queries (first: entry 1) and JSON query objects (first: entry 2). Releval needs all queries of a set to be of one kind.',
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	test.each([
		[['{"query": "boots",'], /^"Queries" has a query written as a JSON object that is not valid JSON \(entry 1\)/],
		[['{"size": 3}'], /^"Queries" has a query object without a "query" text property \(entry 1\)/],
		[['shoes', '   '], /^"Queries" has an empty query \(entry 2\)/],
		[[], /^"Queries" has no queries: add at least one$/],
	])('Create refuses the Queries %j before any request', async (queries, message) => {
		const error = await failureOf(t.harness.run({ ...create, queries }));
		expect(error.message).toMatch(message);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Create without a Name stops before any request', async () => {
		const error = await failureOf(t.harness.run({ ...create, name: ' ', queries: ['shoes'] }));
		expect(error.message).toBe('"Name" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Create from 3 input items makes exactly one request with one query per item', async () => {
		const items = [
			{ json: { term: 'red shoes', clicks: 10 } },
			{ json: { term: 'blue shirt', clicks: 4 } },
			{ json: { term: 'hats', clicks: 1 } },
		];
		const output = await t.harness.run({ ...create, querySource: 'inputItems', queryField: 'term' }, { items });
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.apiRequests[0].body).toEqual({ name: 'Top searches', queries: ['red shoes', 'blue shirt', 'hats'] });
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ name: 'Top searches', query_count: 3 });
		expect(t.mock.state.querySets.all()).toHaveLength(1);
	});

	test('Create from input items can send each item as a query object, and reads nested fields', async () => {
		const items = [
			{ json: { row: { term: 'red shoes' }, size: 10 } },
			{ json: { row: { term: 'hats' }, size: 5 } },
		];
		await t.harness.run(
			{ ...create, querySource: 'inputItems', queryField: 'row.term', includeOtherFields: true },
			{ items },
		);
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.apiRequests[0].body).toMatchObject({
			queries: [
				{ query: 'red shoes', row: { term: 'red shoes' }, size: 10 },
				{ query: 'hats', row: { term: 'hats' }, size: 5 },
			],
		});
	});

	test('Create from input items names the item without a query, before any request', async () => {
		const items = [{ json: { term: 'shoes' } }, { json: { other: 'x' } }, { json: { term: 'hats' } }];
		const error = await failureOf(t.harness.run({ ...create, querySource: 'inputItems', queryField: 'term' }, { items }));
		expect(error.message).toBe('"Query Field" is "term", but input item 2 has no value in that field');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Create from input items refuses rows that mix text and query objects', async () => {
		const items = [{ json: { q: 'shoes' } }, { json: { q: { query: 'boots' } } }];
		const error = await failureOf(t.harness.run({ ...create, querySource: 'inputItems', queryField: 'q' }, { items }));
		expect(error.message).toMatch(/^"Query Field" mixes text queries \(first: input item 1\) and JSON query objects \(first: input item 2\)/);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Upload sends a .txt file; Releval reads one query per line', async () => {
		const [item] = await t.harness.run(
			{ resource: 'querySet', operation: 'upload', name: 'From file' },
			{ items: [binaryItem('red shoes\r\nblue shirt\n\nhats\n', 'queries.txt', { mimeType: 'text/plain' })] },
		);
		const request = t.mock.apiRequests[0];
		expect(request).toMatchObject({ method: 'POST', path: '/api/v1/query-sets/upload', body: { name: 'From file' } });
		expect(request.files?.file.filename).toBe('queries.txt');
		expect(item.json).toMatchObject({ name: 'From file', format: 'text', query_count: 3, file_name: 'queries.txt' });
		expect(t.mock.state.querySets.get(String(item.json.id)).queries).toEqual(['red shoes', 'blue shirt', 'hats']);
	});

	test('Upload reads the file from the named binary field; .jsonl lines become query objects', async () => {
		const [item] = await t.harness.run(
			{ resource: 'querySet', operation: 'upload', name: 'Objects', binaryPropertyName: 'file' },
			{ items: [binaryItem('{"query": "boots", "size": 3}\n{"query": "hats"}\n', 'q.jsonl', { property: 'file' })] },
		);
		expect(item.json).toMatchObject({ format: 'json', query_count: 2 });
		expect(t.mock.state.querySets.get(String(item.json.id)).queries).toEqual([{ query: 'boots', size: 3 }, { query: 'hats' }]);
	});

	test('Upload surfaces Releval rejecting the file content', async () => {
		const error = await failureOf(
			t.harness.run(
				{ resource: 'querySet', operation: 'upload', name: 'Broken' },
				{ items: [binaryItem('{"query": "boots"\n', 'q.jsonl')] },
			),
		);
		expect(error.httpCode).toBe('400');
		expect(error.description).toMatch(/file: Line 1 is not valid JSON/);
	});

	test('Get fetches one query set by ID, with its queries', async () => {
		const querySet = seedQuerySet();
		const [item] = await t.harness.run({ resource: 'querySet', operation: 'get', querySetId: byId(querySet.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/query-sets/${querySet.id}` });
		expect(item.json).toMatchObject({ id: querySet.id, name: 'Popular', queries: ['shoes', 'boots'] });
	});

	test('Get Many returns one item per query set, up to the limit', async () => {
		seedQuerySet('A');
		seedQuerySet('B');
		seedQuerySet('C');
		const all = await t.harness.run({ resource: 'querySet', operation: 'getAll', returnAll: true });
		expect(all.map((item) => item.json.name)).toEqual(['A', 'B', 'C']);
		expect(all[0].json).not.toHaveProperty('queries');
		const limited = await t.harness.run({ resource: 'querySet', operation: 'getAll', returnAll: false, limit: 2 });
		expect(limited.map((item) => item.json.name)).toEqual(['A', 'B']);
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/query-sets' });
	});

	test('Delete removes the query set and reports success', async () => {
		const querySet = seedQuerySet();
		const [item] = await t.harness.run({ resource: 'querySet', operation: 'delete', querySetId: byId(querySet.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/query-sets/${querySet.id}` });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.querySets.all()).toHaveLength(0);
	});

	test('an empty Query Set ID stops the item before any request', async () => {
		const error = await failureOf(t.harness.run({ resource: 'querySet', operation: 'delete', querySetId: byId('') }));
		expect(error.message).toBe('"Query Set" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('an unknown query set is reported as not found', async () => {
		const error = await failureOf(t.harness.run({ resource: 'querySet', operation: 'get', querySetId: byId('01JMISSING') }));
		expect(error.httpCode).toBe('404');
	});
});

describe('Query Set with a Rater client', () => {
	const t = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Rater'] }] });

	test('a Rater can list query sets but not create them', async () => {
		await t.harness.run({ resource: 'querySet', operation: 'getAll', returnAll: true });
		const error = await failureOf(t.harness.run({ ...create, queries: ['shoes'] }));
		expect(error.httpCode).toBe('403');
		expect(t.mock.state.querySets.all()).toHaveLength(0);
	});
});
