import type { INodeParameters } from 'n8n-workflow';

import { NodeHarness } from '../../harness';
import { byId, failureOf, useMockReleval } from '../../helpers';
import { DEFAULT_CLIENT } from '../../mock/server';

const appClient = (extra: INodeParameters) => ({ resource: 'appClient', ...extra });

describe('App Client', () => {
	const t = useMockReleval();

	function seedClient(fields: Record<string, unknown> = {}) {
		return t.mock.state.appClients.insert({
			client_id: `client-${t.mock.state.appClients.all().length + 1}`,
			name: 'CI pipeline',
			roles: ['Member'],
			created_by: DEFAULT_CLIENT.clientId,
			...fields,
		});
	}

	test('Create sends name, description and roles; the output holds the one-time client_secret, which works', async () => {
		const [item] = await t.harness.run(
			appClient({
				operation: 'create',
				name: 'CI pipeline',
				additionalFields: { description: 'Runs nightly evaluations', roles: ['Member', 'Rater'] },
			}),
		);
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: '/api/v1/app-clients' });
		expect(t.mock.apiRequests[0].body).toEqual({
			name: 'CI pipeline',
			description: 'Runs nightly evaluations',
			roles: ['Member', 'Rater'],
		});
		expect(item.json).toMatchObject({ name: 'CI pipeline', roles: ['Member', 'Rater'] });
		expect(typeof item.json.client_id).toBe('string');
		expect(typeof item.json.client_secret).toBe('string');

		// The new credentials get a token and can call Releval with their roles
		const newClient = new NodeHarness({
			baseUrl: t.mock.url,
			clientId: String(item.json.client_id),
			clientSecret: String(item.json.client_secret),
		});
		const listed = await newClient.run(appClient({ operation: 'getAll', returnAll: true }));
		expect(listed).toHaveLength(0); // a Member sees only the clients it created itself
		expect(t.mock.apiRequests.at(-1)?.status).toBe(200);
	});

	test('Create without roles sends none (Releval gives every role the caller may assign)', async () => {
		const [item] = await t.harness.run(appClient({ operation: 'create', name: 'Reader' }));
		expect(t.mock.apiRequests[0].body).toEqual({ name: 'Reader' });
		expect(item.json.roles).toEqual(['Admin', 'Member', 'Rater']);
	});

	test('a role outside Admin/Member/Rater (from an expression) is refused before any request', async () => {
		await expect(
			t.harness.run(appClient({ operation: 'create', name: 'X', additionalFields: { roles: "={{ ['Member', 'Owner'] }}" } })),
		).rejects.toThrow('"Roles" has the value "Owner", which is not one of "Admin", "Member", "Rater"');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('an empty Name stops the item before any request', async () => {
		await expect(t.harness.run(appClient({ operation: 'create', name: '' }))).rejects.toThrow('"Name" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Get returns the client without any secret', async () => {
		const seeded = seedClient();
		const [item] = await t.harness.run(appClient({ operation: 'get', appClientId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/app-clients/${seeded.id}` });
		expect(item.json).toMatchObject({ id: seeded.id, client_id: seeded.client_id, name: 'CI pipeline' });
		expect(item.json).not.toHaveProperty('client_secret');
	});

	test('Get Many returns one item per client, never a secret', async () => {
		await t.harness.run(appClient({ operation: 'create', name: 'A' }));
		seedClient({ name: 'B' });
		t.mock.clearLog();
		const items = await t.harness.run(appClient({ operation: 'getAll', returnAll: true }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/app-clients' });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B']);
		expect(JSON.stringify(items)).not.toContain('client_secret');
	});

	test('Delete removes the client; its credentials stop working', async () => {
		const [created] = await t.harness.run(appClient({ operation: 'create', name: 'Temp', additionalFields: { roles: ['Rater'] } }));
		const [item] = await t.harness.run(appClient({ operation: 'delete', appClientId: byId(String(created.json.id)) }));
		expect(t.mock.apiRequests.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v1/app-clients/${String(created.json.id)}` });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.appClients.all()).toHaveLength(0);
		expect(t.mock.options.clients.map((client) => client.clientId)).not.toContain(created.json.client_id);
	});

	test('Regenerate Secret returns a new one-time secret; the old one stops working', async () => {
		const [created] = await t.harness.run(appClient({ operation: 'create', name: 'Rotating', additionalFields: { roles: ['Member'] } }));
		const [item] = await t.harness.run(appClient({ operation: 'regenerateSecret', appClientId: byId(String(created.json.id)) }));
		expect(t.mock.apiRequests.at(-1)).toMatchObject({
			method: 'POST',
			path: `/api/v1/app-clients/${String(created.json.id)}/secret`,
		});
		expect(item.json).toMatchObject({ id: created.json.id, client_id: created.json.client_id });
		expect(typeof item.json.client_secret).toBe('string');
		expect(item.json.client_secret).not.toBe(created.json.client_secret);

		const oldSecret = new NodeHarness({
			baseUrl: t.mock.url,
			clientId: String(created.json.client_id),
			clientSecret: String(created.json.client_secret),
		});
		await expect(oldSecret.run(appClient({ operation: 'getAll', returnAll: true }))).rejects.toThrow();
		const newSecret = new NodeHarness({
			baseUrl: t.mock.url,
			clientId: String(item.json.client_id),
			clientSecret: String(item.json.client_secret),
		});
		await expect(newSecret.run(appClient({ operation: 'getAll', returnAll: true }))).resolves.toEqual([]);
	});

	test('an empty App Client ID stops the item before any request', async () => {
		await expect(t.harness.run(appClient({ operation: 'regenerateSecret', appClientId: byId(' ') }))).rejects.toThrow(
			'"App Client" is required',
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	describe('as a Member', () => {
		const member = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Member'] }] });

		test('assigning a role above your own is refused by Releval (403), and nothing is created', async () => {
			const error = await failureOf(
				member.harness.run(appClient({ operation: 'create', name: 'Escalate', additionalFields: { roles: ['Admin'] } })),
			);
			expect(error.httpCode).toBe('403');
			expect(error.message).toBe("The App Client's roles do not allow this operation");
			expect(error.description).toContain('You can only assign roles at or below your own highest role; Admin is above it.');
			expect(member.mock.state.appClients.all()).toHaveLength(0);
		});

		test('roles at or below your own are fine; without roles you get exactly those', async () => {
			const [item] = await member.harness.run(appClient({ operation: 'create', name: 'Mine' }));
			expect(item.json.roles).toEqual(['Member', 'Rater']);
		});
	});
});
