import { failureOf, UNAUTHORIZED_BEFORE_RENEWAL, useMockReleval } from '../helpers';
import type { Fault } from '../mock/server';
import { httpFailureToNodeError } from '../../nodes/shared/errors';
import type { INode } from 'n8n-workflow';

// Retries off: these tests look at the error of a single answer (retrying is tested in transport.test.ts).
const listEvaluations = {
	resource: 'evaluation',
	operation: 'getAll',
	returnAll: false,
	limit: 10,
	retryOptions: { maxRetries: 0 },
};

describe('Releval errors become node errors', () => {
	const t = useMockReleval();

	async function failWith(fault: Fault) {
		t.mock.injectFault({ operationId: 'listEvaluations', ...fault });
		return await failureOf(t.harness.run(listEvaluations));
	}

	test('a validation problem: title as message, detail and field errors in the description', async () => {
		const error = await failWith({
			status: 400,
			headers: { 'content-type': 'application/problem+json' },
			body: {
				type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
				title: 'One or more validation errors occurred.',
				status: 400,
				detail: 'See the errors for details.',
				errors: { '': ['The request is inconsistent.'], name: ['name is required'], pageSize: ['must be <= 100', 'must be > 0'] },
				traceId: '00-abc-def-01',
				instance: '/api/v1/evaluations',
			},
		});
		expect(error.message).toBe('One or more validation errors occurred.');
		expect(error.httpCode).toBe('400');
		expect(error.description?.split('\n')).toEqual([
			'See the errors for details.',
			'The request is inconsistent.',
			'name: name is required',
			'pageSize: must be <= 100; must be > 0',
			'Trace ID: 00-abc-def-01',
			'Instance: /api/v1/evaluations',
			'Operation: Evaluation → Get Many',
		]);
	});

	test.each([
		[400, 'Releval rejected the request as invalid'],
		[401, 'Releval did not accept the access token'],
		[403, "The App Client's roles do not allow this operation"],
		[404, 'The Releval resource was not found'],
		[408, 'Releval cancelled the request before it finished'],
		[409, 'The request conflicts with the current state of the Releval resource'],
		[429, 'Too many requests to Releval at once'],
		[500, 'Releval had an internal error'],
		[503, 'Releval is unavailable, probably for maintenance'],
		[504, 'Releval did not finish the operation in time'],
	])('HTTP %i without a title: "%s"', async (status, message) => {
		// a 401 is retried once after a token refresh, so it has to be answered once more
		const error = await failWith({ status, times: status === 401 ? UNAUTHORIZED_BEFORE_RENEWAL + 1 : 1, body: { status } });
		expect(error.message).toBe(message);
		expect(error.httpCode).toBe(String(status));
	});

	test('a 403 names the roles even when the problem has a title', async () => {
		const error = await failWith({ status: 403, body: { title: 'Forbidden', status: 403, detail: 'Needs Member.' } });
		expect(error.message).toBe("The App Client's roles do not allow this operation");
		expect(error.description).toContain('Needs Member.');
		expect(error.description).toContain('Admin > Member > Rater');
	});

	test.each([429, 503, 504])('HTTP %i tells the user it is safe to retry, and how', async (status) => {
		const error = await failWith({ status, body: { title: 'Busy', status } });
		expect(error.description).toContain('safe to retry');
		expect(error.description).toContain('Retry On Fail');
	});

	test('an HTML page from a proxy gives the status and says what came back', async () => {
		const error = await failWith({
			status: 502,
			headers: { 'content-type': 'text/html' },
			body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
		});
		expect(error.message).toBe('Bad gateway between n8n and Releval');
		expect(error.httpCode).toBe('502');
		expect(error.description).toContain('answered HTTP 502 with a text/html body instead of problem details');
	});

	test('an empty 502 gives the status', async () => {
		const error = await failWith({ status: 502 });
		expect(error.description).toContain('answered HTTP 502 with an empty body');
	});

	test('a 401 that persists after the refresh is reported, after exactly one retry with a new token', async () => {
		const error = await failWith({
			status: 401,
			times: UNAUTHORIZED_BEFORE_RENEWAL + 1,
			headers: { 'content-type': 'application/problem+json' },
			body: { title: 'Unauthorized', status: 401, detail: 'Token revoked.' },
		});
		expect(error.message).toBe('Unauthorized');
		expect(error.description).toContain('Token revoked.');
		expect(error.description).toContain('n8n fetched a new token and sent the request once more, and Releval refused that token too.');
		expect(t.mock.tokenRequests).toHaveLength(2);
		expect(t.mock.apiRequests).toHaveLength(UNAUTHORIZED_BEFORE_RENEWAL + 1);
		expect(t.mock.apiRequests.at(-1)?.headers.authorization).toBe(`Bearer ${t.mock.issuedTokens[1]}`);
	});

	test('with "continue on error", a failed item carries the problem and the other items still run', async () => {
		const evaluation = t.mock.state.evaluations.insert({ name: 'E', endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' });
		const output = await t.harness.run(
			{ resource: 'evaluation', operation: 'get', evaluationId: '={{ $json.id }}' },
			{ items: [{ json: { id: 'missing' } }, { json: { id: evaluation.id } }], continueOnFail: true },
		);
		expect(output).toHaveLength(2);
		expect(output[0].json).toMatchObject({
			error: 'Not Found',
			details: {
				httpCode: '404',
				problem: { status: 404, title: 'Not Found', detail: 'Evaluation missing was not found.' },
			},
		});
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[1].json).toMatchObject({ id: evaluation.id });
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('as an AI agent\'s tool, the message carries the whole problem (n8n hands the model the message only)', () => {
	const nodeOfType = (type: string): INode => ({ id: 'n', name: 'Get evaluation', type, typeVersion: 1, position: [0, 0], parameters: {} });
	const notFound = { statusCode: 404, body: { title: 'Not Found', status: 404, detail: "Evaluation '01JX' was not found." } };
	const where = { operation: 'Evaluation → Get' };

	test('a 404 as a tool: headline with status and title, then the detail and the operation', () => {
		const error = httpFailureToNodeError(nodeOfType('n8n-nodes-releval.relevalTool'), notFound, where);
		expect(error.message.split('\n')).toEqual(['Not Found (HTTP 404)', "Evaluation '01JX' was not found.", 'Operation: Evaluation → Get']);
		expect(error.description).toBe("Evaluation '01JX' was not found.\nOperation: Evaluation → Get");
	});

	test('a 403 as a tool names Releval\'s title next to the role message, and the detail', () => {
		const error = httpFailureToNodeError(
			nodeOfType('n8n-nodes-releval.relevalTool'),
			{ statusCode: 403, body: { title: 'Forbidden', status: 403, detail: 'The App Client lacks the Member role.' } },
			where,
		);
		expect(error.message).toMatch(/^The App Client's roles do not allow this operation \(HTTP 403 Forbidden\)\nThe App Client lacks the Member role\.\n/);
	});

	test('field errors reach the tool message', () => {
		const error = httpFailureToNodeError(
			nodeOfType('n8n-nodes-releval.relevalTool'),
			{ statusCode: 400, body: { title: 'One or more validation errors occurred.', status: 400, errors: { ai_judge_id: ['Unknown AI judge.'] } } },
			where,
		);
		expect(error.message).toContain('One or more validation errors occurred. (HTTP 400)\nai_judge_id: Unknown AI judge.');
	});

	test('in a workflow (the node itself, or the trigger) the message stays the headline', () => {
		for (const type of ['n8n-nodes-releval.releval', 'n8n-nodes-releval.relevalTrigger']) {
			expect(httpFailureToNodeError(nodeOfType(type), notFound, where).message).toBe('Not Found');
		}
	});
});
