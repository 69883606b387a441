import { DEFAULT_RETRY_SETTINGS, retryAfterMs, retryOptionsProperty } from '../../nodes/shared/retry';
import { byId, failureOf, useMockReleval } from '../helpers';

const list = (retryOptions: Record<string, number> = {}) => ({
	resource: 'evaluation',
	operation: 'getAll',
	returnAll: true,
	retryOptions,
});
const create = (retryOptions: Record<string, number> = {}) => ({
	resource: 'evaluation',
	operation: 'create',
	name: 'New',
	endpointId: byId('E'),
	querySetId: byId('Q'),
	queryTemplateId: byId('T'),
	retryOptions,
});

describe('retries in the transport', () => {
	const t = useMockReleval();

	const statuses = () => t.mock.apiRequests.map((request) => request.status ?? 'reset');

	test('429 with Retry-After: waits as told, then succeeds', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', status: 429, headers: { 'retry-after': '1' }, body: { title: 'Too Many Requests', status: 429 } });
		const started = Date.now();
		await t.harness.run(list());
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(statuses()).toEqual([429, 200]);
	});

	test('a storm of 429s without Retry-After: backs off, then gives up saying how often it tried', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', status: 429, times: 10, body: { title: 'Too Many Requests', status: 429 } });
		const error = await failureOf(t.harness.run(list({ maxRetries: 2, maxWaitSeconds: 10 })));
		expect(error.message).toBe('Too Many Requests');
		expect(error.description).toMatch(/Gave up after 3 attempts over \d+ s; the last one got HTTP 429\./);
		expect(statuses()).toEqual([429, 429, 429]);
	});

	test('a 503 burst shorter than the budget is ridden out for a GET', async () => {
		t.mock.state.evaluations.insert({ name: 'E', endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' });
		t.mock.injectFault({ operationId: 'listEvaluations', status: 503, times: 2 });
		const output = await t.harness.run(list());
		expect(output).toHaveLength(1);
		expect(statuses()).toEqual([503, 503, 200]);
	});

	test('a 503 burst longer than the budget fails with the attempts made', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', status: 503, times: 10 });
		const error = await failureOf(t.harness.run(list({ maxRetries: 1 })));
		expect(error.httpCode).toBe('503');
		expect(error.description).toContain('Gave up after 2 attempts');
	});

	test('a Retry-After longer than the wait budget is not waited for', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', status: 429, headers: { 'retry-after': '3600' } });
		const error = await failureOf(t.harness.run(list({ maxWaitSeconds: 5 })));
		expect(error.description).toContain('Releval asked to wait 3600 s (Retry-After), longer than');
		expect(t.mock.apiRequests).toHaveLength(1);
	});

	test('0 retries turns retrying off', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', status: 503 });
		await failureOf(t.harness.run(list({ maxRetries: 0 })));
		expect(t.mock.apiRequests).toHaveLength(1);
	});

	test('a POST that met a 503 without Retry-After is not repeated (Releval may have acted)', async () => {
		t.mock.injectFault({ operationId: 'createEvaluation', status: 503 });
		await failureOf(t.harness.run(create()));
		expect(t.mock.apiRequests).toHaveLength(1);
	});

	test('a POST refused with 429 is repeated (Releval did not act)', async () => {
		t.mock.injectFault({ operationId: 'createEvaluation', status: 429, headers: { 'retry-after': '0' } });
		await t.harness.run(create());
		expect(statuses()).toEqual([429, 201]);
		expect(t.mock.state.evaluations.all()).toHaveLength(1);
	});

	test('a POST whose connection was reset after Releval acted is not retried: no duplicate', async () => {
		t.mock.injectFault({ operationId: 'createEvaluation', reset: true, afterHandling: true });
		const error = await failureOf(t.harness.run(create()));
		expect(error.message).toBe('Could not reach Releval');
		expect(error.description).toContain('ECONNRESET');
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.state.evaluations.all()).toHaveLength(1);
	});

	test('a GET whose connection was reset is retried', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', reset: true });
		const output = await t.harness.run(list());
		expect(output).toEqual([]);
		expect(t.mock.apiRequests).toHaveLength(2);
	});

	test('a token endpoint failing once with 500 is retried and the request succeeds', async () => {
		t.mock.injectFault({ operationId: 'token', status: 500 });
		await t.harness.run(list());
		expect(t.mock.tokenRequests.map((request) => request.status)).toEqual([500, 200]);
	});

	test('a server slower than the timeout gives a clear error naming the operation', async () => {
		t.mock.injectFault({ operationId: 'listEvaluations', delayMs: 1500, times: 2 });
		const error = await failureOf(
			t.harness.run({ ...list({ maxRetries: 1 }), requestOptions: { timeout: 300 } }),
		);
		expect(error.message).toBe('Releval did not answer within 0.3 s');
		expect(error.description).toContain('"Evaluation → Get Many" timed out');
		expect(error.description).toContain('Gave up after 2 attempts');
	});
});

describe('retry settings', () => {
	test('the parameter defaults match the transport defaults', () => {
		const defaults = Object.fromEntries(retryOptionsProperty.options!.map((option) => [option.name, (option as { default: number }).default]));
		expect(defaults).toEqual(DEFAULT_RETRY_SETTINGS);
	});

	test('Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterMs({ 'retry-after': '7' }, now)).toBe(7000);
		expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30000);
		expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
		expect(retryAfterMs({}, now)).toBeUndefined();
	});
});
