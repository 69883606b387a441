import { CREDENTIAL_ID } from '../harness';
import { byId, failureOf, harnessFor, repeated, UNAUTHORIZED_BEFORE_RENEWAL, useMockReleval } from '../helpers';
import { DEFAULT_CLIENT, startMockReleval } from '../mock/server';

const getEvaluation = (id: string) => ({ resource: 'evaluation', operation: 'get', evaluationId: byId(id) });
const listAll = { resource: 'evaluation', operation: 'getAll', returnAll: true };
const items = (count: number) => Array.from({ length: count }, () => ({ json: {} }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The client secret of credentials that must never send it. */
const SECRET_THAT_STAYS_HOME = 'secret-that-must-stay-home';

function seed(t: ReturnType<typeof useMockReleval>, count: number): string[] {
	return Array.from(
		{ length: count },
		(_, index) =>
			t.mock.state.evaluations.insert({
				name: `Evaluation ${index + 1}`,
				endpoint_id: 'EP',
				query_set_id: 'QS',
				query_template_id: 'QT',
			}).id,
	);
}

describe('Releval OAuth2 API credential', () => {
	const t = useMockReleval();

	test('the token request is a form-encoded client-credentials grant to {Base URL}/api/v1/oauth2/token', async () => {
		const [id] = seed(t, 1);
		await t.harness.run(getEvaluation(id));
		const [tokenRequest] = t.mock.tokenRequests;
		expect(tokenRequest.path).toBe('/api/v1/oauth2/token');
		expect(tokenRequest.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(tokenRequest.body).toEqual({
			grant_type: 'client_credentials',
			client_id: DEFAULT_CLIENT.clientId,
			client_secret: DEFAULT_CLIENT.clientSecret,
		});
		const [apiRequest] = t.mock.apiRequests;
		expect(apiRequest.headers.authorization).toBe(`Bearer ${t.mock.issuedTokens[0]}`);
		expect(apiRequest.headers.accept).toBe('application/json, application/problem+json');
	});

	test('50 concurrent requests of one execution fetch exactly one token', async () => {
		const [id] = seed(t, 1);
		const output = await t.harness.run(getEvaluation(id), { items: items(50) });
		expect(output).toHaveLength(50);
		expect(t.mock.apiRequests).toHaveLength(50);
		expect(t.mock.tokenRequests).toHaveLength(1);
	});

	test('the token is reused by later executions until it expires', async () => {
		const [id] = seed(t, 1);
		for (let execution = 0; execution < 20; execution++) await t.harness.run(getEvaluation(id));
		expect(t.mock.tokenRequests).toHaveLength(1);
		expect(t.harness.storedCredential.accessToken).toBe(t.mock.issuedTokens[0]);
	});

	test('a token revoked in the middle of Return All is refreshed once and the result is complete', async () => {
		const ids = seed(t, 250);
		t.mock.onRequest = (request) => {
			if (request.query.page === '2' && t.mock.tokenRequests.length === 1) t.mock.revokeTokens();
		};
		const output = await t.harness.run({ ...listAll, pagesInParallel: 1 });
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(t.mock.tokenRequests).toHaveLength(2);
		// page 2 was rejected with the revoked token, then retried with the new one
		expect(t.mock.apiRequests.map((request) => [request.query.page, request.status])).toEqual([
			['1', 200],
			...repeated(['2', 401], UNAUTHORIZED_BEFORE_RENEWAL),
			['2', 200],
			['3', 200],
		]);
	});

	test('a token revoked in the middle of a 30-page Return All fetched in parallel: one refresh, complete result', async () => {
		const ids = seed(t, 2950);
		t.mock.onRequest = (request) => {
			if (request.query.page === '15' && t.mock.tokenRequests.length === 1) t.mock.revokeTokens();
		};
		const output = await t.harness.run(listAll);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(t.mock.tokenRequests).toHaveLength(2);
		const succeeded = t.mock.apiRequests.filter((request) => request.status === 200).map((request) => Number(request.query.page));
		expect(succeeded.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
	});

	test('a wrong secret fails clearly, and neither the message nor the description contains it', async () => {
		const harness = harnessFor(t.mock.url, { clientSecret: 'wrong-secret-7f3a9c' });
		const error = await failureOf(harness.run(listAll));
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toBe('Client ID or Client Secret is invalid');
		expect(error.description).toContain('HTTP 401 (invalid_client)');
		expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toContain(
			'wrong-secret-7f3a9c',
		);
		expect(t.mock.apiRequests).toHaveLength(0);
	});

	test('editing the client secret retires the token issued for the old one', async () => {
		const [id] = seed(t, 1);
		await t.harness.run(getEvaluation(id));
		const stored = t.harness.storedCredential;
		t.harness.credentialsHelper.save(CREDENTIAL_ID, { ...stored, clientId: 'someone-else' });
		await expect(t.harness.run(getEvaluation(id))).rejects.toThrow('Client ID or Client Secret is invalid');
		// the old token was not sent with the new settings
		expect(t.mock.apiRequests[1].headers.authorization).toBeUndefined();
	});

	test('the Token URL override is used instead of the default path', async () => {
		const harness = harnessFor(`${t.mock.url}/`, { tokenUrl: `${t.mock.url}/oauth2/token` });
		await harness.run(listAll);
		expect(t.mock.tokenRequests.map((request) => request.path)).toEqual(['/oauth2/token']);
		// trailing slash of the Base URL tolerated
		expect(t.mock.apiRequests[0].path).toBe('/api/v1/evaluations');
	});

	test('a token endpoint answering HTML says so', async () => {
		t.mock.injectFault({ operationId: 'token', status: 200, body: '<html>Sign in</html>', headers: { 'content-type': 'text/html' } });
		await expect(t.harness.run(listAll)).rejects.toThrow('The Releval token endpoint returned no access token');
	});

	test('a token endpoint failing with 500 says so and suggests retrying', async () => {
		t.mock.injectFault({ operationId: 'token', status: 500, body: { title: 'boom' } });
		const error = await failureOf(t.harness.run({ ...listAll, retryOptions: { maxRetries: 0 } }));
		expect(error.message).toBe('Could not obtain a Releval access token (HTTP 500)');
		expect(error.description).toContain('Retry On Fail');
	});

	test('plain http:// to another host is refused before the secret is sent', async () => {
		const harness = harnessFor('http://releval.internal.example', { clientSecret: SECRET_THAT_STAYS_HOME });
		const error = await failureOf(harness.run(listAll));
		expect(error.message).toBe('Refusing to send the client secret over plain HTTP to releval.internal.example');
		expect(error.description).toContain('Allow Plain HTTP');
	});

	test('with "Allow Plain HTTP" the request is attempted (and here fails to connect, without the secret)', async () => {
		const harness = harnessFor('http://releval.invalid', { clientSecret: SECRET_THAT_STAYS_HOME, allowInsecureHttp: true });
		const error = await failureOf(harness.run(listAll));
		expect(error.message).toBe('Could not reach the Releval token endpoint');
		expect(error.description).toContain('(ENOTFOUND)');
		expect(`${error.message} ${error.description}`).not.toContain(SECRET_THAT_STAYS_HOME);
	});
});

describe('tokens across n8n processes (queue-mode workers share the credential)', () => {
	const t = useMockReleval();

	/** What another n8n process does: fetch its own token and store it in the shared credential. */
	async function tokenStoredByAnotherProcess(): Promise<string> {
		const token = await t.mock.requestToken();
		t.harness.credentialsHelper.save(CREDENTIAL_ID, { ...t.harness.storedCredential, accessToken: token });
		return token;
	}

	test("a refused token stored by another process gets a new token, never this process's older one", async () => {
		const [id] = seed(t, 1);
		await t.harness.run(getEvaluation(id));
		const ownToken = t.mock.issuedTokens[0];
		const otherToken = await tokenStoredByAnotherProcess();
		t.mock.revokeTokens();

		const output = await t.harness.run(getEvaluation(id));

		expect(output.map((item) => item.json.id)).toEqual([id]);
		const newToken = t.mock.issuedTokens[2];
		expect(t.mock.apiRequests.slice(1).map((request) => [request.status, request.headers.authorization])).toEqual([
			...repeated([401, `Bearer ${otherToken}`], UNAUTHORIZED_BEFORE_RENEWAL),
			[200, `Bearer ${newToken}`],
		]);
		expect(newToken).not.toBe(ownToken);
		expect(t.harness.storedCredential.accessToken).toBe(newToken);
	});

	test('a token this process replaced is answered with its newer token, without asking Releval again', async () => {
		const ids = seed(t, 1);
		await t.harness.run(getEvaluation(ids[0]));
		const firstToken = t.mock.issuedTokens[0];
		t.mock.revokeTokens();
		await t.harness.run(getEvaluation(ids[0]));
		expect(t.mock.tokenRequests).toHaveLength(2);
		// a request still holding the first token (e.g. read before the refresh) is answered from this process
		const { obtainAccessToken } = await import('../../credentials/relevalTokenCoordination');
		const renewed = await obtainAccessToken({ helpers: { httpRequest: async () => Promise.reject(new Error('no token request expected')) } } as never, {
			...t.harness.storedCredential,
			accessToken: firstToken,
		});
		expect(renewed.accessToken).toBe(t.mock.issuedTokens[1]);
		expect(t.mock.tokenRequests).toHaveLength(2);
	});
});

describe('token lifetime', () => {
	test('a token close to expiry is not sent: n8n fetches a new one and retries once', async () => {
		// 2 s lifetime → refresh margin min(30 s, half the lifetime) = 1 s
		const mock = await startMockReleval({ tokenLifetimeSeconds: 2 });
		try {
			const harness = harnessFor(mock.url);
			const { id } = mock.state.evaluations.insert({ name: 'E', endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' });
			await harness.run(getEvaluation(id));
			await sleep(1200); // still valid at the server for 0.8 s, but inside the refresh margin
			await harness.run(getEvaluation(id));
			expect(mock.tokenRequests).toHaveLength(2);
			expect(mock.apiRequests.map((request) => [request.status, Boolean(request.headers.authorization)])).toEqual([
				[200, true],
				...repeated([401, false], UNAUTHORIZED_BEFORE_RENEWAL),
				[200, true],
			]);
		} finally {
			await mock.stop();
		}
	});

	test('a token response without expires_in is used until Releval rejects it', async () => {
		const mock = await startMockReleval();
		try {
			mock.injectFault({
				operationId: 'token',
				status: 200,
				body: { access_token: 'opaque-token-without-lifetime', token_type: 'Bearer' },
			});
			const harness = harnessFor(mock.url);
			// the mock does not know the injected token: 401, then a real token is fetched and the request retried
			const output = await harness.run(listAll);
			expect(output).toEqual([]);
			expect(mock.tokenRequests).toHaveLength(2);
			expect(mock.apiRequests[0].headers.authorization).toBe('Bearer opaque-token-without-lifetime');
			expect(Number(harness.storedCredential.accessTokenRefreshAt)).toBeGreaterThan(0);
		} finally {
			await mock.stop();
		}
	});
});

describe('requests in the older shape (n8n HTTP Request node)', () => {
	test('the token is added to a request that names its address `uri`', async () => {
		const { addBearerToken } = await import('../../credentials/relevalTokenClient');
		const { obtainAccessToken } = await import('../../credentials/relevalTokenCoordination');
		const settings = { baseUrl: 'https://releval.test', clientId: 'uri-client', clientSecret: 'uri-secret' };
		const tokenEndpoint = { helpers: { httpRequest: async () => ({ statusCode: 200, body: { access_token: 'uri-token', expires_in: 3600 } }) } };
		const credentials = { ...settings, ...(await obtainAccessToken(tokenEndpoint as never, settings)) };
		const options = await addBearerToken(credentials, { uri: 'https://releval.test/api/v1/sites' } as never);
		expect(options.headers?.Authorization).toBe('Bearer uri-token');
		await expect(
			addBearerToken({ ...credentials, baseUrl: 'http://releval.example' }, { uri: 'http://releval.example/api/v1/sites' } as never),
		).rejects.toThrow('Refusing to send the access token over plain HTTP to releval.example');
	});
});
