import type { INodeParameters } from 'n8n-workflow';

import { byId, failureOf, useMockReleval } from '../../helpers';
import { DEFAULT_CLIENT } from '../../mock/server';

const provider = (extra: INodeParameters) => ({ resource: 'aiProvider', ...extra });

/** Every secret value the tests send; none may ever appear in node output. */
const SECRETS = ['sk-test-openai-secret', 'sk-ant-test-secret', 'aws-secret-test-value', 'azure-key-test-value', 'custom-key-test'];

function expectNoSecrets(output: unknown): void {
	const text = JSON.stringify(output);
	for (const secret of SECRETS) expect(text).not.toContain(secret);
	expect(text).not.toContain('"api_key"');
	expect(text).not.toContain('"secret_access_key"');
}

describe('AI Provider', () => {
	const t = useMockReleval();

	function seedProvider(fields: Record<string, unknown> = {}) {
		return t.mock.state.aiProviders.insert({
			type: 'openai',
			name: 'OpenAI Production',
			api_key: 'sk-test-openai-secret',
			owner_id: null,
			...fields,
		});
	}

	describe('Create sends exactly the fields of the chosen type', () => {
		test.each([
			{
				type: 'openai',
				parameters: { apiKey: 'sk-test-openai-secret' },
				body: { api_key: 'sk-test-openai-secret' },
				flags: { has_api_key: true },
			},
			{
				type: 'anthropic',
				parameters: { apiKey: 'sk-ant-test-secret' },
				body: { api_key: 'sk-ant-test-secret' },
				flags: { has_api_key: true },
			},
			{
				type: 'bedrock',
				parameters: { awsRegion: 'eu-west-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'aws-secret-test-value' },
				body: { region: 'eu-west-1', access_key_id: 'AKIDEXAMPLE', secret_access_key: 'aws-secret-test-value' },
				flags: { has_api_key: false, has_secret_access_key: true, region: 'eu-west-1', access_key_id: 'AKIDEXAMPLE' },
			},
			{
				type: 'azure_openai',
				parameters: {
					azureEndpoint: 'https://my-resource.openai.azure.com',
					deployment: 'gpt-4o-judge',
					apiKey: 'azure-key-test-value',
					additionalFields: { apiVersion: '2024-10-21' },
				},
				body: {
					endpoint: 'https://my-resource.openai.azure.com',
					deployment: 'gpt-4o-judge',
					api_key: 'azure-key-test-value',
					api_version: '2024-10-21',
				},
				flags: { has_api_key: true, deployment: 'gpt-4o-judge', api_version: '2024-10-21' },
			},
			{
				type: 'ollama',
				parameters: { baseUrl: 'http://ollama:11434' },
				body: { endpoint: 'http://ollama:11434' },
				flags: { has_api_key: false, endpoint: 'http://ollama:11434' },
			},
			{
				type: 'custom',
				parameters: { baseUrl: 'https://llm.example.com/v1', additionalFields: { apiKey: 'custom-key-test' } },
				body: { endpoint: 'https://llm.example.com/v1', api_key: 'custom-key-test' },
				flags: { has_api_key: true, endpoint: 'https://llm.example.com/v1' },
			},
		])('$type', async ({ type, parameters, body, flags }) => {
			const output = await t.harness.run(
				provider({ operation: 'create', providerType: type, name: `My ${type}`, ...parameters }),
			);
			expect(t.mock.apiRequests).toHaveLength(1);
			expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: '/api/v1/ai-providers' });
			expect(t.mock.apiRequests[0].body).toEqual({ type, name: `My ${type}`, ...body });
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({ type, name: `My ${type}`, ...flags });
			expectNoSecrets(output);
			// Releval stored the secrets it was sent
			const stored = t.mock.state.aiProviders.get(String(output[0].json.id));
			for (const [key, value] of Object.entries(body)) expect(stored[key]).toBe(value);
		});
	});

	test('Custom without an API key sends none', async () => {
		await t.harness.run(provider({ operation: 'create', providerType: 'custom', name: 'Local', baseUrl: 'http://llm:8000/v1' }));
		expect(t.mock.apiRequests[0].body).toEqual({ type: 'custom', name: 'Local', endpoint: 'http://llm:8000/v1' });
	});

	test('a required setting of the type that is empty stops the item before any request', async () => {
		const error = await failureOf(
			t.harness.run(
				provider({ operation: 'create', providerType: 'bedrock', name: 'AWS', awsRegion: 'us-east-1', accessKeyId: 'AKID', secretAccessKey: '' }),
			),
		);
		expect(error.message).toBe('"Secret Access Key" is required for Amazon Bedrock providers');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('an empty Name stops the item before any request', async () => {
		await expect(
			t.harness.run(provider({ operation: 'create', providerType: 'openai', name: ' ', apiKey: 'sk-test-openai-secret' })),
		).rejects.toThrow('"Name" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('a base URL that is not an http(s) URL is refused before any request', async () => {
		await expect(
			t.harness.run(provider({ operation: 'create', providerType: 'ollama', name: 'Ollama', baseUrl: 'ollama:11434' })),
		).rejects.toThrow('"Base URL" must be an http:// or https:// URL');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('a type outside the list (from an expression) is refused before any request', async () => {
		await expect(
			t.harness.run(provider({ operation: 'create', providerType: "={{ 'gemini' }}", name: 'G', apiKey: 'x' })),
		).rejects.toThrow('"Type" has the value "gemini", which is not one of');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Get returns the provider without its secret, with has_api_key', async () => {
		const seeded = seedProvider();
		const [item] = await t.harness.run(provider({ operation: 'get', aiProviderId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/ai-providers/${seeded.id}` });
		expect(item.json).toMatchObject({ id: seeded.id, type: 'openai', name: 'OpenAI Production', has_api_key: true });
		expectNoSecrets(item);
	});

	test('secrets are dropped from the output even if a server sent them back', async () => {
		const seeded = seedProvider();
		t.mock.injectFault({
			operationId: 'getAiProvider',
			status: 200,
			body: { id: seeded.id, type: 'openai', name: 'Leaky', api_key: 'sk-test-openai-secret', secret_access_key: 'aws-secret-test-value' },
		});
		const [item] = await t.harness.run(provider({ operation: 'get', aiProviderId: byId(seeded.id) }));
		expect(item.json).toEqual({ id: seeded.id, type: 'openai', name: 'Leaky' });
	});

	test('Get Many lists every provider, without secrets', async () => {
		seedProvider({ name: 'A' });
		seedProvider({ name: 'B', type: 'bedrock', api_key: undefined, secret_access_key: 'aws-secret-test-value', region: 'eu-west-1' });
		const items = await t.harness.run(provider({ operation: 'getAll', returnAll: true }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/ai-providers' });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B']);
		expect(items[1].json).toMatchObject({ has_secret_access_key: true, region: 'eu-west-1' });
		expectNoSecrets(items);
	});

	test('Update sends only the fields set, never the type, and returns no secret', async () => {
		const seeded = seedProvider();
		const [item] = await t.harness.run(
			provider({
				operation: 'update',
				aiProviderId: byId(seeded.id),
				updateFields: { name: 'OpenAI Renamed', apiKey: 'sk-test-openai-secret-2', deployment: '' },
			}),
		);
		expect(t.mock.apiRequests[0]).toMatchObject({
			method: 'PUT',
			path: `/api/v1/ai-providers/${seeded.id}`,
			body: { name: 'OpenAI Renamed', api_key: 'sk-test-openai-secret-2' },
		});
		expect(item.json).toMatchObject({ id: seeded.id, name: 'OpenAI Renamed', type: 'openai', has_api_key: true });
		expect(JSON.stringify(item)).not.toContain('sk-test-openai-secret-2');
		expect(t.mock.state.aiProviders.get(seeded.id).api_key).toBe('sk-test-openai-secret-2');
	});

	test('Update with nothing to change stops before any request', async () => {
		const seeded = seedProvider();
		await expect(
			t.harness.run(provider({ operation: 'update', aiProviderId: byId(seeded.id), updateFields: { name: '' } })),
		).rejects.toThrow('"Update Fields" has no field set');
		expect(t.mock.requests).toHaveLength(0);
	});

	test("Update with a setting of another type surfaces Releval's validation problem", async () => {
		const seeded = seedProvider();
		const error = await failureOf(
			t.harness.run(provider({ operation: 'update', aiProviderId: byId(seeded.id), updateFields: { awsRegion: 'eu-west-1' } })),
		);
		expect(error.message).toBe('One or more validation errors occurred.');
		expect(error.description).toContain('region: region does not apply to openai providers.');
		expect(t.mock.state.aiProviders.get(seeded.id).region).toBeUndefined();
	});

	test('Delete removes an unused provider', async () => {
		const seeded = seedProvider();
		const [item] = await t.harness.run(provider({ operation: 'delete', aiProviderId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/ai-providers/${seeded.id}` });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.aiProviders.all()).toHaveLength(0);
	});

	test('Delete of a provider a judge still uses surfaces the 409 problem title and detail', async () => {
		const seeded = seedProvider();
		t.mock.state.aiJudges.insert({ name: 'Product judge', ai_provider_id: seeded.id, model: 'gpt-4o', prompt_template: 'x', owner_id: null });
		const error = await failureOf(t.harness.run(provider({ operation: 'delete', aiProviderId: byId(seeded.id) })));
		expect(error.httpCode).toBe('409');
		expect(error.message).toBe('AI provider is in use');
		expect(error.description).toContain('AI provider "OpenAI Production" is used by 1 AI judge ("Product judge")');
		expect(t.mock.state.aiProviders.all()).toHaveLength(1);
	});

	test('the 409 becomes an error item under Continue On Fail', async () => {
		const seeded = seedProvider();
		t.mock.state.aiJudges.insert({ name: 'J', ai_provider_id: seeded.id, model: 'm', prompt_template: 'x', owner_id: null });
		const [item] = await t.harness.run(provider({ operation: 'delete', aiProviderId: byId(seeded.id) }), {
			continueOnFail: true,
		});
		expect(item.json).toMatchObject({ error: 'AI provider is in use', details: { httpCode: '409', problem: { status: 409 } } });
	});

	test('Test sends the model to test against and returns the result', async () => {
		const seeded = seedProvider();
		const [item] = await t.harness.run(provider({ operation: 'test', aiProviderId: byId(seeded.id), model: ' gpt-4o-mini ' }));
		expect(t.mock.apiRequests[0]).toMatchObject({
			method: 'POST',
			path: `/api/v1/ai-providers/${seeded.id}/test`,
			body: { model: 'gpt-4o-mini' },
		});
		expect(item.json).toMatchObject({ success: true, ai_provider_id: seeded.id, model: 'gpt-4o-mini' });
	});

	test('Test without a model stops before any request', async () => {
		const seeded = seedProvider();
		await expect(
			t.harness.run(provider({ operation: 'test', aiProviderId: byId(seeded.id), model: '' })),
		).rejects.toThrow('"Model" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	describe('as a Member', () => {
		const member = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Member'] }] });

		test('a Member cannot change a shared provider: the 403 is surfaced', async () => {
			const shared = member.mock.state.aiProviders.insert({ type: 'openai', name: 'Shared', api_key: 'k', owner_id: null });
			const error = await failureOf(member.harness.run(provider({ operation: 'delete', aiProviderId: byId(shared.id) })));
			expect(error.httpCode).toBe('403');
			expect(error.description).toContain('Only Admins can change the shared AI provider.');
			expect(member.mock.state.aiProviders.all()).toHaveLength(1);
		});
	});
});
