import type { INodeParameterResourceLocator } from 'n8n-workflow';

import { NodeHarness, type CredentialSettings } from './harness';
import { n8nLine } from './harness/n8n-line';
import { DEFAULT_CLIENT, startMockReleval, type MockOptions, type MockReleval } from './mock/server';

/** A resource-locator value "By ID", as the editor stores it. */
export function byId(value: string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value };
}

/** A resource-locator value chosen "From list". */
export function fromList(value: string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'list', value };
}

/** A harness on the mock's default client at `baseUrl`; `credential` replaces or adds credential fields. */
export function harnessFor(baseUrl: string, credential: Partial<CredentialSettings> = {}): NodeHarness {
	return new NodeHarness({
		baseUrl,
		clientId: DEFAULT_CLIENT.clientId,
		clientSecret: DEFAULT_CLIENT.clientSecret,
		...credential,
	});
}

export interface TestContext {
	mock: MockReleval;
	harness: NodeHarness;
}

/**
 * Starts a mock Releval and a harness with a working credential for each test, and checks after each test
 * that every request the node sent conformed to the contract (openapi/releval.json).
 */
export function useMockReleval(options: MockOptions = {}, credentialExtras: Record<string, unknown> = {}): TestContext {
	const context = {} as TestContext;
	beforeEach(async () => {
		context.mock = await startMockReleval(options);
		context.harness = harnessFor(context.mock.url, credentialExtras);
	});
	afterEach(async () => {
		const violations = context.mock.contractViolations.map(
			(request) => `${request.method} ${request.path}: ${request.contractViolations?.join('; ')}`,
		);
		await context.mock.stop();
		expect(violations).toEqual([]);
	});
	return context;
}

/** What the tests read from a node error. */
export interface NodeFailure extends Error {
	description?: string | null;
	httpCode?: string | null;
	errorResponse?: Record<string, unknown>;
}

/** Awaits a run that must fail and returns its error. */
export async function failureOf(run: Promise<unknown>): Promise<NodeFailure> {
	try {
		await run;
	} catch (error) {
		return error as NodeFailure;
	}
	throw new Error('Expected the run to fail, but it succeeded');
}

/**
 * How often a request is refused with 401 before n8n renews the token: once on n8n 2.x, which renews on that 401;
 * twice on n8n 1.x, where the 401 comes back as a response and the transport sends the request once more with
 * status errors thrown so that n8n renews (see nodes/shared/transport.ts).
 */
export const UNAUTHORIZED_BEFORE_RENEWAL = n8nLine === 1 ? 2 : 1;

/** `entry` repeated `times` times, for expected request sequences. */
export function repeated<T>(entry: T, times: number): T[] {
	return Array.from({ length: times }, () => entry);
}
