/*
 * Measures the two ways an n8n credential can do Releval's client-credentials flow, with n8n-core's real
 * request code against the mock Releval, and prints a table (README, "Why this credential works the way it does"):
 *   A. extending n8n's `oAuth2Api` (grant type client credentials, secret in the form body);
 *   B. this package's credential: `preAuthentication` + an expirable hidden token.
 * Run: npm run compare:credentials
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-releval-compare-'));

import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_ID, NodeHarness } from '../test/harness';
import { DEFAULT_CLIENT, startMockReleval, type MockReleval } from '../test/mock/server';

const SECRET = 'compare-secret-5b7e';

/** Option A, as n8n's node-cli template builds it (the token URL is fixed here: the harness resolves no $self). */
function oAuth2Variant(tokenUrl: string): ICredentialType {
	const hidden = (name: string, value: string): INodeProperties => ({ displayName: name, name, type: 'hidden', default: value });
	return {
		name: 'relevalOAuth2Api',
		displayName: 'Releval (oAuth2Api variant)',
		extends: ['oAuth2Api'],
		properties: [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
			{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
			hidden('grantType', 'clientCredentials'),
			hidden('accessTokenUrl', tokenUrl),
			hidden('authUrl', ''),
			hidden('scope', ''),
			hidden('authQueryParameters', ''),
			hidden('authentication', 'body'),
		],
	};
}

type Mechanism = 'A: extends oAuth2Api' | 'B: preAuthentication (this package)';

async function harnessFor(mechanism: Mechanism, mock: MockReleval, clientSecret = DEFAULT_CLIENT.clientSecret) {
	const harness = new NodeHarness({ baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret });
	if (mechanism.startsWith('A')) {
		const { types } = harness.credentialsHelper;
		types.relevalOAuth2Api = oAuth2Variant(`${mock.url}/api/v1/oauth2/token`);
		types.oAuth2Api = { name: 'oAuth2Api', displayName: 'OAuth2 API', properties: [] };
		harness.credentialsHelper.save(CREDENTIAL_ID, {
			...harness.storedCredential,
			grantType: 'clientCredentials',
			accessTokenUrl: `${mock.url}/api/v1/oauth2/token`,
			authentication: 'body',
			scope: '',
		});
	}
	return harness;
}

const evaluation = { name: 'E', endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' };
const getEvaluation = (id: string) => ({ resource: 'evaluation', operation: 'get', evaluationId: { __rl: true, mode: 'id', value: id } });

async function measure(mechanism: Mechanism): Promise<Record<string, string>> {
	const row: Record<string, string> = {};
	const withMock = async <T>(run: (mock: MockReleval) => Promise<T>, options = {}) => {
		const mock = await startMockReleval(options);
		try {
			return await run(mock);
		} finally {
			await mock.stop();
		}
	};

	row['Token requests: 50 items at first use'] = await withMock(async (mock) => {
		const { id } = mock.state.evaluations.insert(evaluation);
		const harness = await harnessFor(mechanism, mock);
		await harness.run(getEvaluation(id), { items: Array.from({ length: 50 }, () => ({ json: {} })) });
		return String(mock.tokenRequests.length);
	});

	row['Token requests: 20 executions'] = await withMock(async (mock) => {
		const { id } = mock.state.evaluations.insert(evaluation);
		const harness = await harnessFor(mechanism, mock);
		for (let run = 0; run < 20; run++) await harness.run(getEvaluation(id));
		return String(mock.tokenRequests.length);
	});

	row['Revoked mid-Return All (250 items)'] = await withMock(async (mock) => {
		for (let index = 0; index < 250; index++) mock.state.evaluations.insert(evaluation);
		const harness = await harnessFor(mechanism, mock);
		mock.onRequest = (request) => {
			if (request.query.page === '2' && mock.tokenRequests.length === 1) mock.revokeTokens();
		};
		const output = await harness.run({ resource: 'evaluation', operation: 'getAll', returnAll: true });
		return `${output.length} items, ${mock.tokenRequests.length} token requests`;
	});

	// 2 s tokens: the refresh margin is min(30 s, half the lifetime) = 1 s. Requests at 1.2 s and at 2.2 s.
	row['Token renewed before it expires (request 1.2 s into a 2 s token)'] = await withMock(
		async (mock) => {
			const { id } = mock.state.evaluations.insert(evaluation);
			const harness = await harnessFor(mechanism, mock);
			await harness.run(getEvaluation(id));
			await new Promise((resolve) => setTimeout(resolve, 1200));
			await harness.run(getEvaluation(id));
			return mock.tokenRequests.length === 2 ? 'yes (one 401 round trip)' : 'no (token used until Releval rejects it)';
		},
		{ tokenLifetimeSeconds: 2 },
	);
	row['Requests after the token expired (2.2 s into a 2 s token)'] = await withMock(
		async (mock) => {
			const { id } = mock.state.evaluations.insert(evaluation);
			const harness = await harnessFor(mechanism, mock);
			await harness.run(getEvaluation(id));
			mock.clearLog();
			await new Promise((resolve) => setTimeout(resolve, 2200));
			await harness.run(getEvaluation(id));
			const statuses = mock.apiRequests.map((request) => request.status).join(' → ');
			return `${statuses}, ${mock.tokenRequests.length} token request(s)`;
		},
		{ tokenLifetimeSeconds: 2 },
	);

	const failure = await withMock(async (mock) => {
		const harness = await harnessFor(mechanism, mock, SECRET);
		try {
			await harness.run({ resource: 'evaluation', operation: 'getAll', returnAll: true });
			return undefined;
		} catch (error) {
			return error as Error & { description?: string; cause?: unknown };
		}
	});
	row['Wrong secret: message'] = failure?.message ?? '(no error)';
	const everything = JSON.stringify(failure, Object.getOwnPropertyNames(failure ?? {})) + String(failure?.stack) +
		JSON.stringify((failure?.cause as Error | undefined) ?? {}, Object.getOwnPropertyNames(failure?.cause ?? {}));
	row['Wrong secret: secret inside the error object'] = everything.includes(SECRET) ? 'yes' : 'no';
	row['Credential test in the n8n UI'] = mechanism.startsWith('A')
		? 'none (n8n does not test OAuth2 credentials; the lint rule exempts them)'
		: 'yes: `test` runs preAuthentication and a real API call';
	return row;
}

async function main() {
	const mechanisms: Mechanism[] = ['A: extends oAuth2Api', 'B: preAuthentication (this package)'];
	const rows = await Promise.all(mechanisms.map(async (mechanism) => [mechanism, await measure(mechanism)] as const));
	const outcomes = Object.keys(rows[0][1]);
	console.log(`| Outcome | ${mechanisms.join(' | ')} |`);
	console.log(`|---|${mechanisms.map(() => '---').join('|')}|`);
	for (const outcome of outcomes) {
		console.log(`| ${outcome} | ${rows.map(([, row]) => row[outcome].replace(/\|/g, '\\|')).join(' | ')} |`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
