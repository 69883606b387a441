import type { INodeParameters } from 'n8n-workflow';

import { failureOf, useMockReleval } from '../../helpers';
import { DEFAULT_CLIENT } from '../../mock/server';

const member = (extra: INodeParameters) => ({ resource: 'member', ...extra });

describe('Member', () => {
	const t = useMockReleval();

	test('Invite sends the email and roles and returns the invited member', async () => {
		const [item] = await t.harness.run(member({ operation: 'invite', email: ' ana@example.com ', roles: ['Member', 'Rater'] }));
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.apiRequests[0]).toMatchObject({
			method: 'POST',
			path: '/api/v1/members/invite',
			body: { email: 'ana@example.com', roles: ['Member', 'Rater'] },
		});
		expect(item.json).toMatchObject({ email: 'ana@example.com', roles: ['Member', 'Rater'], archived: false });
		expect(t.mock.state.members.all()).toHaveLength(1);
	});

	test.each(['ana', 'ana@', '@example.com', 'ana@example', 'ana example@example.com', 'ana@exa mple.com'])(
		'the email %j is refused before any request',
		async (email) => {
			await expect(t.harness.run(member({ operation: 'invite', email, roles: ['Member'] }))).rejects.toThrow(
				`"Email" must be an email address like name@example.com, not ${JSON.stringify(email)}`,
			);
			expect(t.mock.requests).toHaveLength(0);
		},
	);

	test('an empty email, no roles, or an unknown role stop the item before any request', async () => {
		await expect(t.harness.run(member({ operation: 'invite', email: '', roles: ['Member'] }))).rejects.toThrow(
			'"Email" is required',
		);
		await expect(t.harness.run(member({ operation: 'invite', email: 'ana@example.com', roles: [] }))).rejects.toThrow(
			'"Roles" needs at least one role',
		);
		await expect(
			t.harness.run(member({ operation: 'invite', email: 'ana@example.com', roles: "={{ ['Superuser'] }}" })),
		).rejects.toThrow('"Roles" has the value "Superuser"');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('inviting someone who is already a member surfaces the 409', async () => {
		t.mock.state.members.insert({ email: 'Ana@Example.com', roles: ['Rater'], archived: false });
		const error = await failureOf(t.harness.run(member({ operation: 'invite', email: 'ana@example.com', roles: ['Member'] })));
		expect(error.httpCode).toBe('409');
		expect(error.message).toBe('Member already exists');
		expect(error.description).toContain('ana@example.com is already a member of this workspace.');
		expect(t.mock.state.members.all()).toHaveLength(1);
	});

	test('Get Many pages through every member', async () => {
		for (let index = 1; index <= 130; index++) {
			t.mock.state.members.insert({ email: `user${index}@example.com`, roles: ['Rater'], archived: false });
		}
		const items = await t.harness.run(member({ operation: 'getAll', returnAll: true }));
		expect(t.mock.apiRequests.map((request) => request.query.page)).toEqual(['1', '2']);
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/members' });
		expect(items).toHaveLength(130);
		expect(items[129].json.email).toBe('user130@example.com');
	});

	describe('as a Member', () => {
		const asMember = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Member'] }] });

		test('member management is Admin only: the 403 is surfaced', async () => {
			const error = await failureOf(asMember.harness.run(member({ operation: 'getAll', returnAll: true })));
			expect(error.httpCode).toBe('403');
			expect(error.description).toContain('This operation needs the Admin role.');
		});
	});
});
