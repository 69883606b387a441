import type { MockClient, MockReleval } from '../server';
import { ProblemError, notFound } from '../state';
import { assertManageable, isAdmin, isVisible } from './aiProviders';
import { registerCrud } from './crud';

/*
 * AI judges: provider + model + prompt template. The provider must exist and be visible to the caller (404).
 * Judges are personal (owner_id = the creating client) or shared (owner_id null); only Admins may share one
 * (403). Members see shared and own judges and manage only their own.
 */
export function registerAiJudgeHandlers(mock: MockReleval): void {
	const { aiJudges, aiProviders } = mock.state;

	const checkProvider = (id: unknown, client: MockClient): void => {
		const provider = aiProviders.byId.get(String(id));
		if (!provider || !isVisible(provider, client)) throw notFound('AI provider', String(id));
	};

	const checkSharing = (shared: unknown, client: MockClient): void => {
		if (shared === true && !isAdmin(client)) {
			throw new ProblemError(403, 'Forbidden', 'Only Admins can share AI judges.');
		}
	};

	const { find } = registerCrud(mock, {
		collection: aiJudges,
		idParam: 'aiJudgeId',
		roles: { read: 'Member', write: 'Member' },
		operations: { list: 'listAiJudges', create: 'createAiJudge', get: 'getAiJudge', update: 'updateAiJudge', delete: 'deleteAiJudge' },
		visible: isVisible,
		create: (fields, { client }) => {
			checkProvider(fields.ai_provider_id, client);
			checkSharing(fields.shared, client);
			const shared = fields.shared === true;
			return {
				batch_size: 10,
				concurrency: 1,
				include_images: false,
				...fields,
				shared,
				owner_id: shared ? null : client.clientId,
			};
		},
		update: (judge, fields, { client }) => {
			assertManageable(judge, client, 'AI judge');
			if (fields.ai_provider_id !== undefined) checkProvider(fields.ai_provider_id, client);
			checkSharing(fields.shared, client);
			const owner =
				fields.shared === undefined ? {} : { owner_id: fields.shared === true ? null : (judge.owner_id ?? client.clientId) };
			return { ...fields, ...owner };
		},
		beforeDelete: (judge, { client }) => assertManageable(judge, client, 'AI judge'),
	});

	mock.handle('testAiJudge', 'Member', (input) => {
		const judge = find(input);
		const provider = aiProviders.get(String(judge.ai_provider_id));
		const candidates = [
			{ id: 'sample-1', title: 'Sample candidate 1' },
			{ id: 'sample-2', title: 'Sample candidate 2' },
		];
		return {
			status: 200,
			body: {
				success: true,
				ai_judge_id: judge.id,
				provider_type: provider.type,
				model: judge.model,
				query: 'sample query',
				grades: candidates.map((candidate, index) => ({ candidate_id: candidate.id, grade: index === 0 ? 1 : 0 })),
			},
		};
	});
}
