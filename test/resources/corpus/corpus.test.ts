import { byId, failureOf, useMockReleval } from '../../helpers';
import { DEFAULT_CLIENT } from '../../mock/server';

describe('Corpus', () => {
	const t = useMockReleval();

	function seedCorpus(name = 'Catalogue', matchMode = 'qid') {
		return t.mock.state.corpora.insert({ name, description: 'All products', match_mode: matchMode });
	}

	test('Create sends name, description and match mode and returns the new corpus', async () => {
		const [item] = await t.harness.run({
			resource: 'corpus',
			operation: 'create',
			name: 'Product catalogue',
			additionalFields: { description: 'Every SKU', matchMode: 'oid' },
		});
		const request = t.mock.apiRequests[0];
		expect(request).toMatchObject({ method: 'POST', path: '/api/v1/corpora' });
		expect(request.body).toEqual({ name: 'Product catalogue', description: 'Every SKU', match_mode: 'oid' });
		expect(item.json).toMatchObject({ name: 'Product catalogue', match_mode: 'oid' });
		expect(t.mock.state.corpora.get(String(item.json.id)).match_mode).toBe('oid');
	});

	test('Create without a match mode sends none and Releval applies its default (qid)', async () => {
		const [item] = await t.harness.run({ resource: 'corpus', operation: 'create', name: 'Docs' });
		expect(t.mock.apiRequests[0].body).toEqual({ name: 'Docs' });
		expect(item.json.match_mode).toBe('qid');
	});

	test('Get fetches one corpus by ID', async () => {
		const corpus = seedCorpus();
		const [item] = await t.harness.run({ resource: 'corpus', operation: 'get', corpusId: byId(corpus.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/corpora/${corpus.id}` });
		expect(item.json).toMatchObject({ id: corpus.id, name: 'Catalogue', match_mode: 'qid' });
	});

	test('Get Many pages through every corpus with Return All', async () => {
		for (let index = 0; index < 105; index++) seedCorpus(`Corpus ${index}`);
		const items = await t.harness.run({ resource: 'corpus', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(105);
		expect(items[104].json.name).toBe('Corpus 104');
		expect(t.mock.apiRequests.map((request) => request.query.page)).toEqual(['1', '2']);
	});

	test('Get Many stops at the limit', async () => {
		seedCorpus('A');
		seedCorpus('B');
		seedCorpus('C');
		const items = await t.harness.run({ resource: 'corpus', operation: 'getAll', returnAll: false, limit: 2 });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B']);
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/corpora', query: { page: '1', pageSize: '2' } });
	});

	test('Update sends only the fields that were set, never the match mode', async () => {
		const corpus = seedCorpus('Old', 'oid');
		const [item] = await t.harness.run({
			resource: 'corpus',
			operation: 'update',
			corpusId: byId(corpus.id),
			updateFields: { name: 'Renamed' },
		});
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'PUT', path: `/api/v1/corpora/${corpus.id}` });
		expect(t.mock.apiRequests[0].body).toEqual({ name: 'Renamed' });
		expect(item.json).toMatchObject({ name: 'Renamed', description: 'All products', match_mode: 'oid' });
	});

	test('Update offers no match mode field', async () => {
		const corpus = seedCorpus();
		await t.harness.run({
			resource: 'corpus',
			operation: 'update',
			corpusId: byId(corpus.id),
			updateFields: { description: 'New', matchMode: 'oid' },
		});
		// The editor has no such field, so n8n drops it: only the description is sent.
		expect(t.mock.apiRequests[0].body).toEqual({ description: 'New' });
		expect(t.mock.state.corpora.get(corpus.id).match_mode).toBe('qid');
	});

	test('Update with no field set stops before any request', async () => {
		const corpus = seedCorpus();
		await expect(
			t.harness.run({ resource: 'corpus', operation: 'update', corpusId: byId(corpus.id), updateFields: {} }),
		).rejects.toThrow('"Update Fields" has no field set');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Delete removes the corpus and reports success', async () => {
		const corpus = seedCorpus();
		const [item] = await t.harness.run({ resource: 'corpus', operation: 'delete', corpusId: byId(corpus.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/corpora/${corpus.id}` });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.corpora.all()).toHaveLength(0);
	});

	test('an unknown corpus surfaces Releval\'s 404 problem', async () => {
		const error = await failureOf(t.harness.run({ resource: 'corpus', operation: 'get', corpusId: byId('01JNOPE') }));
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('Corpus 01JNOPE was not found.');
	});

	test('Create without a Name stops before any request', async () => {
		await expect(t.harness.run({ resource: 'corpus', operation: 'create', name: '  ' })).rejects.toThrow(
			'"Name" is required',
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('an empty Corpus ID stops the item before any request', async () => {
		await expect(t.harness.run({ resource: 'corpus', operation: 'delete', corpusId: byId('') })).rejects.toThrow(
			'"Corpus" is required',
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	describe('with a Rater App Client', () => {
		const rater = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Rater'] }] });

		test('creating a corpus is refused with 403 (Member role needed)', async () => {
			const error = await failureOf(rater.harness.run({ resource: 'corpus', operation: 'create', name: 'X' }));
			expect(error.httpCode).toBe('403');
			expect(rater.mock.state.corpora.all()).toHaveLength(0);
		});
	});
});
