import type { MockClient, MockReleval } from '../server';
import { ProblemError, ROLE_RANK, invalidFields, validationProblem, type Resource } from '../state';
import { registerCrud } from './crud';

/*
 * AI providers: stored LLM credentials. Secrets (api_key, secret_access_key) are write-only: kept in the
 * store, never returned; answers carry has_api_key / has_secret_access_key instead. A provider is shared
 * (owner_id null) when an Admin creates it, else owned by the creating client; Members see shared and own
 * providers and manage only their own. The type cannot change. Delete answers 409 while a judge uses it.
 */

export const PROVIDER_SETTINGS: Record<string, { required: string[]; optional: string[] }> = {
	openai: { required: ['api_key'], optional: [] },
	anthropic: { required: ['api_key'], optional: [] },
	bedrock: { required: ['region', 'access_key_id', 'secret_access_key'], optional: [] },
	azure_openai: { required: ['endpoint', 'deployment', 'api_key'], optional: ['api_version'] },
	ollama: { required: ['endpoint'], optional: [] },
	custom: { required: ['endpoint'], optional: ['api_key'] },
};

const ALL_SETTINGS = ['api_key', 'region', 'access_key_id', 'secret_access_key', 'endpoint', 'deployment', 'api_version'];
const SECRETS = ['api_key', 'secret_access_key'];

export function isAdmin(client: MockClient | undefined): boolean {
	return (client?.roles ?? []).some((role) => ROLE_RANK[role] >= ROLE_RANK.Admin);
}

/** Shared (owner null) resources and the caller's own are visible; Admins see everything. */
export function isVisible(resource: Resource, client: MockClient): boolean {
	return resource.owner_id === null || resource.owner_id === client.clientId || isAdmin(client);
}

/** Only the owner changes a personal resource; only Admins change shared ones. */
export function assertManageable(resource: Resource, client: MockClient, what: string): void {
	if (isAdmin(client) || (resource.owner_id !== null && resource.owner_id === client.clientId)) return;
	throw new ProblemError(
		403,
		'Forbidden',
		resource.owner_id === null ? `Only Admins can change the shared ${what}.` : `The ${what} belongs to someone else.`,
	);
}

/** What Releval returns for a provider: everything but the secrets, plus whether each secret is set. */
export function providerView(provider: Resource): Record<string, unknown> {
	const view: Record<string, unknown> = Object.fromEntries(
		Object.entries(provider).filter(([key]) => !SECRETS.includes(key)),
	);
	view.has_api_key = typeof provider.api_key === 'string' && provider.api_key !== '';
	if (provider.type === 'bedrock') {
		view.has_secret_access_key = typeof provider.secret_access_key === 'string' && provider.secret_access_key !== '';
	}
	return view;
}

function checkSettings(type: string, body: Record<string, unknown>, creating: boolean): void {
	const settings = PROVIDER_SETTINGS[type];
	const allowed = [...settings.required, ...settings.optional];
	const errors: Record<string, string[]> = {};
	for (const key of ALL_SETTINGS) {
		if (body[key] !== undefined && !allowed.includes(key)) errors[key] = [`${key} does not apply to ${type} providers.`];
	}
	if (creating) {
		for (const key of settings.required) {
			if (typeof body[key] !== 'string' || String(body[key]).trim() === '') {
				errors[key] = [`${key} is required for ${type} providers.`];
			}
		}
	}
	if (Object.keys(errors).length > 0) throw invalidFields(errors);
}

export function registerAiProviderHandlers(mock: MockReleval): void {
	const { aiProviders, aiJudges } = mock.state;

	const { find } = registerCrud(mock, {
		collection: aiProviders,
		idParam: 'aiProviderId',
		roles: { read: 'Member', write: 'Member' },
		operations: {
			list: 'listAiProviders',
			create: 'createAiProvider',
			get: 'getAiProvider',
			update: 'updateAiProvider',
			delete: 'deleteAiProvider',
		},
		visible: isVisible,
		present: providerView,
		create: (fields, { client }) => {
			checkSettings(String(fields.type), fields, true);
			return { ...fields, owner_id: isAdmin(client) ? null : client.clientId };
		},
		update: (provider, fields, { client }) => {
			assertManageable(provider, client, 'AI provider');
			if (fields.type !== undefined && fields.type !== provider.type) {
				throw validationProblem('type', 'The type of an AI provider cannot change.');
			}
			checkSettings(String(provider.type), fields, false);
			return fields;
		},
		beforeDelete: (provider, { client }) => {
			assertManageable(provider, client, 'AI provider');
			const users = aiJudges.all().filter((judge) => judge.ai_provider_id === provider.id);
			if (users.length > 0) {
				throw new ProblemError(
					409,
					'AI provider is in use',
					`AI provider "${String(provider.name)}" is used by ${users.length} AI judge${users.length === 1 ? '' : 's'} (${users
						.map((judge) => `"${String(judge.name)}"`)
						.join(', ')}). Delete those judges or move them to another provider first.`,
				);
			}
		},
	});

	mock.handle('testAiProvider', 'Member', (input) => {
		const provider = find(input);
		const { model } = input.body as { model: string };
		if (model.trim() === '') throw validationProblem('model', 'model is required.');
		return {
			status: 200,
			body: {
				success: true,
				ai_provider_id: provider.id,
				type: provider.type,
				model,
				message: `The ${String(provider.type)} provider answered a test prompt with model ${model}.`,
			},
		};
	});
}
