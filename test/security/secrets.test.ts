import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { buildNode, NODE_TYPE, NodeHarness, nodeOutput, workflowInSequence } from '../harness';
import { byId } from '../helpers';
import { startMockReleval, type Fault, type MockReleval } from '../mock/server';

/*
 * Runs the fault and error cases with a recognisable client secret and recognisable tokens, captures every
 * error (message, description, response, context, cause chain, stack), every output item and every console
 * line, and counts occurrences of the secret or of any token the mock issued. The answer must be zero.
 */

const SECRET = 'CANARY-SECRET-d41d8cd98f00';
const WRONG_SECRET = 'CANARY-WRONG-SECRET-8f00b204';
const TOKEN_PREFIX = 'CANARY-TOKEN';
const client = { clientId: 'canary-client', clientSecret: SECRET, roles: ['Admin' as const] };

/** Everything reachable from a value, as text: own properties (enumerable or not), nested errors, arrays. */
function everythingIn(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'object' && typeof value !== 'function') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	return Object.getOwnPropertyNames(value)
		.map((key) => {
			let child: unknown;
			try {
				child = (value as Record<string, unknown>)[key];
			} catch {
				return '';
			}
			return `${key}=${everythingIn(child, seen)}`;
		})
		.join('\n');
}

interface Case {
	name: string;
	parameters: INodeParameters;
	fault?: Fault;
	arrange?: (mock: MockReleval, harness: NodeHarness) => void;
	clientSecret?: string;
	continueOnFail?: boolean;
	tokenLifetimeSeconds?: number;
}

const list: INodeParameters = { resource: 'evaluation', operation: 'getAll', returnAll: true, retryOptions: { maxRetries: 1, maxWaitSeconds: 2 } };
const create: INodeParameters = {
	resource: 'evaluation',
	operation: 'create',
	name: 'Canary',
	endpointId: byId('E'),
	querySetId: byId('Q'),
	queryTemplateId: byId('T'),
	retryOptions: { maxRetries: 1, maxWaitSeconds: 2 },
};

const statuses = [400, 401, 403, 404, 408, 409, 429, 500, 502, 503, 504];
const cases: Case[] = [
	...statuses.map((status) => ({
		name: `HTTP ${status} problem`,
		parameters: list,
		fault: { operationId: 'listEvaluations', status, times: 4, body: { title: `Problem ${status}`, status, detail: 'd' } },
	})),
	...statuses.map((status) => ({
		name: `HTTP ${status} problem, continue on error`,
		parameters: create,
		continueOnFail: true,
		fault: { operationId: 'createEvaluation', status, times: 4, body: { title: `Problem ${status}`, status, errors: { name: ['bad'] } } },
	})),
	{ name: 'HTML from a proxy', parameters: list, fault: { operationId: 'listEvaluations', status: 502, times: 4, body: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } } },
	{ name: 'malformed JSON', parameters: list, fault: { operationId: 'listEvaluations', status: 200, body: '{"items": [' } },
	{ name: 'connection reset on a GET', parameters: list, fault: { operationId: 'listEvaluations', reset: true, times: 4 } },
	{ name: 'connection reset on a POST', parameters: create, fault: { operationId: 'createEvaluation', reset: true, afterHandling: true } },
	{ name: 'timeout', parameters: { ...list, requestOptions: { timeout: 200 } }, fault: { operationId: 'listEvaluations', delayMs: 600, times: 4 } },
	{ name: 'wrong client secret', parameters: list, clientSecret: WRONG_SECRET },
	{ name: 'token endpoint 500', parameters: list, fault: { operationId: 'token', status: 500, times: 4, body: { error: 'server_error' } } },
	{ name: 'token endpoint HTML', parameters: list, fault: { operationId: 'token', status: 200, times: 4, body: '<html>login</html>' } },
	{ name: 'token endpoint echoes the request', parameters: list, fault: { operationId: 'token', status: 400, times: 4, body: { error: `invalid_request client_secret=${SECRET}` } } },
	{
		name: 'token revoked mid Return All',
		parameters: list,
		arrange: (mock) => {
			for (let index = 0; index < 250; index++) mock.state.evaluations.insert({ name: `E${index}`, endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' });
			mock.onRequest = (request) => {
				if (request.query.page === '2' && mock.tokenRequests.length === 1) mock.revokeTokens();
			};
		},
	},
	{ name: '401 that persists after refresh', parameters: list, fault: { operationId: 'listEvaluations', status: 401, times: 4 } },
	{ name: 'token near expiry', parameters: list, tokenLifetimeSeconds: 1 },
];

describe('secrets never leak', () => {
	const captured: string[] = [];
	const consoleSpies: jest.SpyInstance[] = [];
	let scenarios = 0;
	let tokensIssued: string[] = [];

	beforeAll(() => {
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			consoleSpies.push(
				jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
					captured.push(args.map((arg) => everythingIn(arg)).join(' '));
				}),
			);
		}
	});

	afterAll(() => {
		for (const spy of consoleSpies) spy.mockRestore();
	});

	test.each(cases)('$name', async (scenario) => {
		const mock = await startMockReleval({ clients: [client], tokenPrefix: TOKEN_PREFIX, tokenLifetimeSeconds: scenario.tokenLifetimeSeconds ?? 3600 });
		try {
			const harness = new NodeHarness({ baseUrl: mock.url, clientId: client.clientId, clientSecret: scenario.clientSecret ?? SECRET });
			scenario.arrange?.(mock, harness);
			if (scenario.fault) mock.injectFault(scenario.fault);
			// twice: the second run starts from the token the first one stored
			for (let run = 0; run < 2; run++) {
				try {
					const output = await harness.run(scenario.parameters, { continueOnFail: scenario.continueOnFail });
					captured.push(everythingIn(output));
				} catch (error) {
					captured.push(everythingIn(error), String((error as Error).stack));
				}
			}
			scenarios += 1;
			tokensIssued = tokensIssued.concat(mock.issuedTokens);
		} finally {
			await mock.stop();
		}
	});

	test('a workflow execution with a failing, continuing node', async () => {
		const mock = await startMockReleval({ clients: [client], tokenPrefix: TOKEN_PREFIX });
		try {
			const harness = new NodeHarness({ baseUrl: mock.url, clientId: client.clientId, clientSecret: SECRET });
			mock.injectFault({ operationId: 'getEvaluation', status: 404, body: { title: 'Not Found', status: 404 } });
			const run = await harness.runWorkflow(
				workflowInSequence(
					buildNode(NODE_TYPE, { resource: 'evaluation', operation: 'get', evaluationId: byId('missing') }, { name: 'Get', continueOnFail: true }),
				),
			);
			captured.push(everythingIn(run.data), JSON.stringify(nodeOutput(run, 'Get') as IDataObject[]));
			scenarios += 1;
			tokensIssued = tokensIssued.concat(mock.issuedTokens);
		} finally {
			await mock.stop();
		}
	});

	test('the scan finds a secret hidden in a non-enumerable cause (positive control)', () => {
		const error = new Error('outer', { cause: { config: { headers: { Authorization: `Bearer ${TOKEN_PREFIX}.x` } } } });
		expect(everythingIn(error)).toContain(`${TOKEN_PREFIX}.x`);
	});

	test('no secret and no token in any captured error, output or log line', () => {
		const canaries = [SECRET, WRONG_SECRET, ...tokensIssued];
		expect(tokensIssued.length).toBeGreaterThan(0);
		const text = captured.join('\n');
		const leaks = canaries.filter((canary) => text.includes(canary));
		console.info(`secrets scan: ${scenarios} scenarios, ${captured.length} captured texts, ${tokensIssued.length} tokens, leaks: ${leaks.length}`);
		expect(leaks).toEqual([]);
	});
});
