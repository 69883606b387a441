import { Busboy } from '@fastify/busboy';

import { UPLOAD_FORMATS } from '../../nodes/Releval/shared/multipart';
import { containsBytes, encodeMultipart, newBoundary, textPartsOf } from '../../nodes/Releval/shared/multipartEncoding';
import { byId, failureOf, useMockReleval } from '../helpers';
import { startMockReleval, type MockReleval } from '../mock/server';
import { binaryItem, nonUtf8Bytes } from './binary';

interface ParsedForm {
	fields: Record<string, string>;
	files: Record<string, { filename: string; mimetype: string; data: Buffer }>;
}

/** Parses a multipart body with busboy, independently of the node's encoder. */
async function parseWithBusboy(body: Uint8Array, contentType: string): Promise<ParsedForm> {
	return await new Promise((resolve, reject) => {
		const form: ParsedForm = { fields: {}, files: {} };
		const parser = new Busboy({ headers: { 'content-type': contentType }, limits: { fileSize: 64 * 1024 * 1024 } });
		const pending: Array<Promise<void>> = [];
		parser.on('field', (name: string, value: string) => {
			form.fields[name] = value;
		});
		parser.on('file', (name: string, stream: NodeJS.ReadableStream, filename: string, _encoding: string, mimetype: string) => {
			const chunks: Buffer[] = [];
			pending.push(
				new Promise((done) => {
					stream.on('data', (chunk: Buffer) => chunks.push(chunk));
					stream.on('end', () => {
						form.files[name] = { filename, mimetype, data: Buffer.concat(chunks) };
						done();
					});
				}),
			);
		});
		parser.on('error', reject);
		parser.on('finish', () => void Promise.all(pending).then(() => resolve(form)));
		parser.end(Buffer.from(body));
	});
}

function occurrences(haystack: Buffer, needle: string): number {
	let count = 0;
	for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) count++;
	return count;
}

describe('multipart/form-data encoding', () => {
	test('fields, file name and non-UTF-8 file bytes survive a round trip through busboy', async () => {
		const content = nonUtf8Bytes(70_000);
		const encoded = encodeMultipart([
			{ name: 'name', value: 'Café ☕ "quoted" queries\r\nsecond line' },
			{ name: 'corpus_id', value: '01J8ZP4Q9K7X2M5N6R8T0V3W1Y' },
			{ name: 'file', fileName: 'judgments-été.parquet', contentType: 'application/vnd.apache.parquet', data: content },
		]);
		expect(encoded.contentType).toBe(`multipart/form-data; boundary=${encoded.boundary}`);
		const form = await parseWithBusboy(encoded.body, encoded.contentType);
		expect(form.fields).toEqual({
			name: 'Café ☕ "quoted" queries\r\nsecond line',
			corpus_id: '01J8ZP4Q9K7X2M5N6R8T0V3W1Y',
		});
		expect(form.files.file.filename).toBe('judgments-été.parquet');
		expect(form.files.file.mimetype).toBe('application/vnd.apache.parquet');
		expect(Buffer.compare(form.files.file.data, content)).toBe(0);
	});

	test('the body is framed with CRLF and the boundary occurs only as delimiters', () => {
		const encoded = encodeMultipart([
			{ name: 'name', value: 'x' },
			{ name: 'file', fileName: 'q.txt', contentType: 'text/plain', data: new TextEncoder().encode('a\nb') },
		]);
		const body = Buffer.from(encoded.body);
		expect(body.toString('latin1')).toMatch(new RegExp(`^--${encoded.boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n`));
		expect(body.toString('latin1').endsWith(`\r\n--${encoded.boundary}--\r\n`)).toBe(true);
		expect(occurrences(body, encoded.boundary)).toBe(3);
		expect(encoded.body.byteOffset).toBe(0);
		expect(encoded.body.buffer.byteLength).toBe(encoded.body.byteLength);
	});

	test('a boundary that occurs in the content is never used', () => {
		const candidates = ['aaaa', 'bbbb'];
		const content = new TextEncoder().encode('payload ------RelevalFormBoundaryaaaa payload');
		expect(newBoundary([content], () => candidates.shift() as string)).toBe('----RelevalFormBoundarybbbb');
		expect(newBoundary([content])).toMatch(/^----RelevalFormBoundary[0-9a-f]{32}$/);
		expect(newBoundary([]).length).toBeLessThanOrEqual(70);
	});

	test('containsBytes finds byte sequences anywhere, including at the end', () => {
		const haystack = new Uint8Array([1, 2, 3, 1, 2, 4]);
		expect(containsBytes(haystack, new Uint8Array([1, 2, 4]))).toBe(true);
		expect(containsBytes(haystack, new Uint8Array([2, 3, 1]))).toBe(true);
		expect(containsBytes(haystack, new Uint8Array([2, 4, 5]))).toBe(false);
		expect(containsBytes(haystack, new Uint8Array([4]))).toBe(true);
	});

	test('body fields become text parts: arrays repeat the field, null and undefined are left out', () => {
		expect(textPartsOf({ name: 'A', ids: ['1', '2'], count: 3, skip: undefined, none: null })).toEqual([
			{ name: 'name', value: 'A' },
			{ name: 'ids', value: '1' },
			{ name: 'ids', value: '2' },
			{ name: 'count', value: '3' },
		]);
		expect(textPartsOf(new Uint8Array([1]))).toEqual([]);
	});

	test('each upload accepts only the extensions Releval parses', () => {
		expect(UPLOAD_FORMATS.uploadQuerySet.extensions).toEqual(['.txt', '.jsonl']);
		expect(UPLOAD_FORMATS.uploadAnalysis).toEqual({ fileField: 'input', extensions: ['.jsonl'] });
		expect(UPLOAD_FORMATS.uploadJudgmentList.extensions).toEqual(['.jsonl', '.json', '.ndjson', '.csv', '.tsv', '.parquet']);
	});
});

describe('uploads through n8n and the mock Releval', () => {
	const t = useMockReleval();

	const uploadQuerySet = { resource: 'querySet', operation: 'upload', name: 'Top searches' };

	function seedCorpus() {
		return t.mock.state.corpora.insert({ name: 'Catalogue', match_mode: 'qid' });
	}

	test('n8n sends the bytes unchanged: fields, file name and media type arrive intact', async () => {
		const [item] = await t.harness.run(
			{ ...uploadQuerySet, additionalFields: { description: 'From the search log' } },
			{ items: [binaryItem('red shoes\nblue shirt\n', 'top-searches.txt', { mimeType: 'text/plain' })] },
		);
		const request = t.mock.apiRequests[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/v1/query-sets/upload');
		expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=----RelevalFormBoundary[0-9a-f]{32}$/);
		expect(request.body).toEqual({ name: 'Top searches', description: 'From the search log' });
		expect(request.files?.file).toMatchObject({ filename: 'top-searches.txt', mimetype: 'text/plain' });
		expect(request.files?.file.data.toString('utf8')).toBe('red shoes\nblue shirt\n');
		expect(item.json).toMatchObject({ name: 'Top searches', query_count: 2, format: 'text' });
	});

	test('a 2 MB file of non-UTF-8 bytes arrives byte-identical', async () => {
		const corpus = seedCorpus();
		const content = Buffer.concat([Buffer.from('PAR1'), nonUtf8Bytes(2 * 1024 * 1024), Buffer.from('PAR1')]);
		const [item] = await t.harness.run(
			{
				resource: 'judgmentList',
				operation: 'upload',
				name: 'Clicks',
				corpusId: byId(corpus.id),
				type: 'implicit',
				scale: 'binary',
			},
			{ items: [binaryItem(content, 'clicks.parquet')] },
		);
		const file = t.mock.apiRequests[0].files?.file;
		expect(file?.data.length).toBe(content.length);
		expect(Buffer.compare(file?.data as Buffer, content)).toBe(0);
		expect(item.json).toMatchObject({ name: 'Clicks', format: 'parquet', file_name: 'clicks.parquet' });
	});

	test('an upload after the token was revoked is refreshed and sent again with the same body', async () => {
		await t.harness.run({ resource: 'querySet', operation: 'getAll', returnAll: true });
		t.mock.revokeTokens();
		t.mock.clearLog();
		const content = Buffer.from('{"query": "boots", "size": 5}\n{"query": "caf\u00e9"}\n');
		const [item] = await t.harness.run(uploadQuerySet, { items: [binaryItem(content, 'queries.jsonl')] });
		const uploads = t.mock.apiRequests.filter((request) => request.operationId === 'uploadQuerySet');
		expect(uploads.map((request) => request.status)).toEqual([401, 201]);
		expect(t.mock.tokenRequests).toHaveLength(1);
		for (const upload of uploads) {
			expect(upload.body).toEqual({ name: 'Top searches' });
			expect(Buffer.compare(upload.files?.file.data as Buffer, content)).toBe(0);
		}
		expect(uploads[1].headers['content-type']).toBe(uploads[0].headers['content-type']);
		expect(item.json).toMatchObject({ name: 'Top searches', format: 'json', query_count: 2 });
	});

	test('a file of another extension is refused before any request, naming the parameter', async () => {
		const error = await failureOf(
			t.harness.run(uploadQuerySet, { items: [binaryItem('%PDF-1.7', 'queries.pdf', { mimeType: 'application/pdf' })] }),
		);
		expect(error.message).toBe(
			'"Input Binary Field" has the file name "queries.pdf", but this upload accepts only .txt or .jsonl files (Releval picks the parser by the extension). If the content is in one of these formats, set "File Name" under Additional Fields.',
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('a File Name override with a wrong extension names "File Name"', async () => {
		const error = await failureOf(
			t.harness.run(
				{ resource: 'analysis', operation: 'upload', name: 'Offline', additionalFields: { fileName: 'runs.csv' } },
				{ items: [binaryItem('{}', 'runs.jsonl')] },
			),
		);
		expect(error.message).toMatch(/^"File Name" has the file name "runs.csv", but this upload accepts only .jsonl files/);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('a File Name override replaces the binary file name (and so the parser Releval picks)', async () => {
		const [item] = await t.harness.run(
			{ ...uploadQuerySet, additionalFields: { fileName: 'queries.jsonl' } },
			{ items: [binaryItem('{"query": "boots", "size": 5}\n{"query": "hats"}\n', 'export.dat')] },
		);
		expect(t.mock.apiRequests[0].files?.file).toMatchObject({ filename: 'queries.jsonl', mimetype: 'application/jsonl' });
		expect(item.json).toMatchObject({ format: 'json', query_count: 2 });
	});

	test('a missing binary property is refused before any request, listing the ones the item has', async () => {
		const error = await failureOf(
			t.harness.run(
				{ ...uploadQuerySet, binaryPropertyName: 'queries' },
				{ items: [binaryItem('a\nb', 'queries.txt', { property: 'attachment' })] },
			),
		);
		expect(error.message).toBe(
			'"Input Binary Field" is "queries", but the input item has no binary field of that name (it has: attachment). Read the file first, e.g. with a Read/Write Files from Disk or HTTP Request node.',
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('an item without any binary data is refused before any request', async () => {
		const error = await failureOf(t.harness.run(uploadQuerySet, { items: [{ json: { query: 'x' } }] }));
		expect(error.message).toMatch(/^"Input Binary Field" is "data", but the input item has no binary field of that name \(it has no binary data at all\)/);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('a binary without a file name asks for "File Name" before any request', async () => {
		const error = await failureOf(t.harness.run(uploadQuerySet, { items: [binaryItem('a\nb', undefined)] }));
		expect(error.message).toMatch(/^"Input Binary Field" holds a file without a name\. .*set "File Name" under Additional Fields \(e\.g\. data\.txt\)/);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('an empty Input Binary Field stops before any request', async () => {
		const error = await failureOf(
			t.harness.run({ ...uploadQuerySet, binaryPropertyName: ' ' }, { items: [binaryItem('a', 'q.txt')] }),
		);
		expect(error.message).toBe('"Input Binary Field" is required');
		expect(t.mock.requests).toHaveLength(0);
	});
});

describe('the mock Releval validates multipart text fields against the contract', () => {
	let mock: MockReleval;
	let token: string;

	beforeEach(async () => {
		mock = await startMockReleval();
		token = await mock.requestToken();
	});

	afterEach(async () => await mock.stop());

	async function post(path: string, parts: Parameters<typeof encodeMultipart>[0]) {
		const encoded = encodeMultipart(parts);
		const response = await fetch(`${mock.url}${path}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': encoded.contentType },
			body: Buffer.from(encoded.body),
		});
		return { status: response.status, body: (await response.json()) as { errors?: Record<string, string[]> } };
	}

	const file = { name: 'file', fileName: 'grades.jsonl', contentType: 'application/jsonl', data: new TextEncoder().encode('{}') };

	test('an enum value outside the contract is a 400 naming the field, recorded as a contract violation', async () => {
		const corpus = mock.state.corpora.insert({ name: 'C' });
		const response = await post('/api/v1/judgment-lists/upload', [
			{ name: 'name', value: 'Grades' },
			{ name: 'corpus_id', value: corpus.id },
			{ name: 'type', value: 'manual' },
			{ name: 'scale', value: 'graded' },
			file,
		]);
		expect(response.status).toBe(400);
		expect(Object.keys(response.body.errors ?? {})).toEqual(['type']);
		expect(mock.contractViolations).toHaveLength(1);
	});

	test('a missing required text field is a contract violation; a missing file is the handler\'s 400', async () => {
		const missingName = await post('/api/v1/analysis/upload', [{ ...file, name: 'input', fileName: 'x.jsonl' }]);
		expect(missingName.status).toBe(400);
		expect(missingName.body.errors).toHaveProperty('name');
		expect(mock.contractViolations).toHaveLength(1);

		const missingFile = await post('/api/v1/analysis/upload', [{ name: 'name', value: 'Offline' }]);
		expect(missingFile.status).toBe(400);
		expect(missingFile.body.errors).toEqual({ input: ['The input field is required.'] });
		expect(mock.contractViolations).toHaveLength(1);
	});
});
