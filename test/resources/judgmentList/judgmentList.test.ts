import { byId, failureOf, useMockReleval } from '../../helpers';
import { binaryItem } from '../../shared/binary';

describe('Judgment List', () => {
	const t = useMockReleval();

	function seedCorpus() {
		return t.mock.state.corpora.insert({ name: 'Catalogue', match_mode: 'qid' });
	}

	function upload(corpusId: string, overrides: Record<string, unknown> = {}) {
		return {
			resource: 'judgmentList',
			operation: 'upload',
			name: 'Expert grades',
			corpusId: byId(corpusId),
			type: 'explicit',
			scale: 'graded',
			...overrides,
		};
	}

	const jsonl = [
		{ query_id: 'q1', query: 'red shoes', doc_id: 'p-1', grade: 4 },
		{ query_id: 'q1', query: 'red shoes', doc_id: 'p-2', grade: 1 },
		{ query_id: 'q2', query: 'hats', doc_id: 'p-9', grade: 0 },
	]
		.map((row) => JSON.stringify(row))
		.join('\n');

	function seedList(name = 'Grades') {
		return t.mock.state.judgmentLists.insert({ name, corpus_id: 'C1', type: 'golden', scale: 'binary', row_count: 2 });
	}

	test('Upload sends name, corpus, type, scale and the file as multipart; Releval records the rows', async () => {
		const corpus = seedCorpus();
		const [item] = await t.harness.run(upload(corpus.id, { additionalFields: { description: 'Spring review' } }), {
			items: [binaryItem(jsonl, 'grades.jsonl')],
		});
		const request = t.mock.apiRequests[0];
		expect(request).toMatchObject({ method: 'POST', path: '/api/v1/judgment-lists/upload' });
		expect(request.body).toEqual({
			name: 'Expert grades',
			description: 'Spring review',
			corpus_id: corpus.id,
			type: 'explicit',
			scale: 'graded',
		});
		expect(request.files?.file).toMatchObject({ filename: 'grades.jsonl', mimetype: 'application/jsonl' });
		expect(item.json).toMatchObject({
			name: 'Expert grades',
			corpus_id: corpus.id,
			type: 'explicit',
			scale: 'graded',
			format: 'jsonl',
			row_count: 3,
			query_count: 2,
		});
	});

	test('Upload of a CSV file: Releval picks the parser by the extension', async () => {
		const corpus = seedCorpus();
		const csv = 'query,doc_id,grade\n"shoes, red",p-1,1\nhats,p-2,0\n';
		const [item] = await t.harness.run(upload(corpus.id, { type: 'crowdsourced', scale: 'binary' }), {
			items: [binaryItem(csv, 'grades.csv', { mimeType: 'text/csv' })],
		});
		expect(t.mock.apiRequests[0].files?.file).toMatchObject({ filename: 'grades.csv', mimetype: 'text/csv' });
		expect(item.json).toMatchObject({ format: 'csv', row_count: 2, type: 'crowdsourced', scale: 'binary' });
	});

	test('a grade outside the scale is Releval\'s validation problem', async () => {
		const corpus = seedCorpus();
		const error = await failureOf(
			t.harness.run(upload(corpus.id, { scale: 'binary' }), { items: [binaryItem(jsonl, 'grades.jsonl')] }),
		);
		expect(error.httpCode).toBe('400');
		expect(error.description).toMatch(/file: Row 1: grade 4 is outside the binary scale \(0–1\)\./);
		expect(t.mock.state.judgmentLists.all()).toHaveLength(0);
	});

	test('an unknown corpus is reported as not found', async () => {
		const error = await failureOf(t.harness.run(upload('01JNOCORPUS'), { items: [binaryItem(jsonl, 'grades.jsonl')] }));
		expect(error.httpCode).toBe('404');
	});

	test.each([
		['type', 'manual', '"Type" is "manual", but must be one of: crowdsourced, explicit, golden, implicit'],
		['scale', 'percent', '"Scale" is "percent", but must be one of: binary, detailed, graded'],
	])('an unknown %s is refused before any request', async (parameter, value, message) => {
		const error = await failureOf(
			t.harness.run(upload('C1', { [parameter]: value }), { items: [binaryItem(jsonl, 'grades.jsonl')] }),
		);
		expect(error.message).toBe(message);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('an empty Corpus or Name stops before any request', async () => {
		const item = binaryItem(jsonl, 'grades.jsonl');
		expect((await failureOf(t.harness.run(upload(''), { items: [item] }))).message).toBe('"Corpus" is required');
		expect((await failureOf(t.harness.run(upload('C1', { name: '' }), { items: [item] }))).message).toBe('"Name" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('a spreadsheet file is refused before any request, listing the formats Releval reads', async () => {
		const error = await failureOf(t.harness.run(upload('C1'), { items: [binaryItem('PK', 'grades.xlsx')] }));
		expect(error.message).toMatch(
			/^"Input Binary Field" has the file name "grades.xlsx", but this upload accepts only .jsonl, .json, .ndjson, .csv, .tsv or .parquet files/,
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Get fetches one judgment list by ID', async () => {
		const list = seedList();
		const [item] = await t.harness.run({ resource: 'judgmentList', operation: 'get', judgmentListId: byId(list.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/judgment-lists/${list.id}` });
		expect(item.json).toMatchObject({ id: list.id, name: 'Grades', scale: 'binary' });
	});

	test('Get Many returns one item per judgment list', async () => {
		seedList('A');
		seedList('B');
		const items = await t.harness.run({ resource: 'judgmentList', operation: 'getAll', returnAll: true });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/judgment-lists' });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B']);
	});

	test('Delete removes the judgment list and reports success', async () => {
		const list = seedList();
		const [item] = await t.harness.run({ resource: 'judgmentList', operation: 'delete', judgmentListId: byId(list.id) });
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/judgment-lists/${list.id}` });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.judgmentLists.all()).toHaveLength(0);
	});

	test('an empty Judgment List ID stops the item before any request', async () => {
		const error = await failureOf(t.harness.run({ resource: 'judgmentList', operation: 'get', judgmentListId: byId(' ') }));
		expect(error.message).toBe('"Judgment List" is required');
		expect(t.mock.requests).toHaveLength(0);
	});
});
