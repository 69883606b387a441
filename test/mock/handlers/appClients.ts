import { randomBytes } from 'crypto';

import type { MockClient, MockReleval } from '../server';
import { ProblemError, ROLE_RANK, newId, type Resource, type Role } from '../state';
import { isAdmin } from './aiProviders';
import { registerCrud } from './crud';

/*
 * App clients: OAuth2 client credentials with roles. A caller can only assign roles at or below its own highest
 * role (403 otherwise); without roles the client gets every role the caller may assign. The client_secret is in
 * the create and regenerate answers only. Created clients can get tokens from the mock (they join
 * `mock.options.clients`); deleting one or regenerating its secret takes the old credentials away.
 * Non-admins see and manage only the clients they created (INFERRED).
 */

const ROLES: Role[] = ['Admin', 'Member', 'Rater'];

export function highestRank(client: MockClient): number {
	return Math.max(0, ...client.roles.map((role) => ROLE_RANK[role]));
}

export function registerAppClientHandlers(mock: MockReleval): void {
	const { appClients } = mock.state;

	/** Puts the credentials where the token endpoint finds them (replacing any old secret). */
	const setCredentials = (appClient: Resource, secret: string | undefined): void => {
		const clients = mock.options.clients;
		const index = clients.findIndex((client) => client.clientId === appClient.client_id);
		if (index >= 0) clients.splice(index, 1);
		if (secret) clients.push({ clientId: String(appClient.client_id), clientSecret: secret, roles: appClient.roles as Role[] });
	};

	const withSecret = (appClient: Resource, secret: string) => ({
		...appClient,
		client_secret: secret,
		authentication_url: `${mock.url}/api/v1/oauth2/token`,
	});

	const { find } = registerCrud(mock, {
		collection: appClients,
		idParam: 'appClientId',
		roles: { read: 'Member', write: 'Member' },
		operations: { list: 'listAppClients', get: 'getAppClient', delete: 'deleteAppClient' },
		visible: (appClient, caller) => isAdmin(caller) || appClient.created_by === caller.clientId,
		// the deleted client's credentials stop working
		beforeDelete: (appClient) => setCredentials(appClient, undefined),
	});

	mock.handle('createAppClient', 'Member', ({ body, client }) => {
		const fields = body as { name: string; description?: string; roles?: Role[] };
		const highest = highestRank(client);
		const assignable = ROLES.filter((role) => ROLE_RANK[role] <= highest);
		const roles = fields.roles ?? assignable;
		const above = roles.filter((role) => ROLE_RANK[role] > highest);
		if (above.length > 0) {
			throw new ProblemError(
				403,
				'Forbidden',
				`You can only assign roles at or below your own highest role; ${above.join(', ')} ${above.length === 1 ? 'is' : 'are'} above it.`,
			);
		}
		const secret = randomBytes(32).toString('base64url');
		const appClient = appClients.insert({
			client_id: `client-${newId().toLowerCase()}`,
			name: fields.name,
			...(fields.description !== undefined ? { description: fields.description } : {}),
			roles: [...new Set(roles)],
			created_by: client.clientId,
		});
		setCredentials(appClient, secret);
		return { status: 201, body: withSecret(appClient, secret) };
	});

	mock.handle('regenerateAppClientSecret', 'Member', (input) => {
		const appClient = find(input);
		const secret = randomBytes(32).toString('base64url');
		setCredentials(appClient, secret);
		return { status: 200, body: withSecret(appClient, secret) };
	});
}
