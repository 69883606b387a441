import type { MockClient, MockReleval } from '../server';
import { ProblemError, notFound, pageOf, type Resource } from '../state';
import { assertManageable, isAdmin, isVisible } from './aiProviders';

/*
 * AI judges: provider + model + prompt template. The provider must exist and be visible to the caller (404).
 * Judges are personal (owner_id = the creating client) or shared (owner_id null); only Admins may share one
 * (403). Members see shared and own judges and manage only their own.
 */
export function registerAiJudgeHandlers(mock: MockReleval): void {
	const { aiJudges, aiProviders } = mock.state;

	const visibleJudge = (id: string, client: MockClient): Resource => {
		const judge = aiJudges.get(id);
		if (!isVisible(judge, client)) throw notFound('AI judge', id);
		return judge;
	};

	const checkProvider = (id: unknown, client: MockClient): void => {
		const provider = aiProviders.byId.get(String(id));
		if (!provider || !isVisible(provider, client)) throw notFound('AI provider', String(id));
	};

	const checkSharing = (shared: unknown, client: MockClient): void => {
		if (shared === true && !isAdmin(client)) {
			throw new ProblemError(403, 'Forbidden', 'Only Admins can share AI judges.');
		}
	};

	mock.handle('listAiJudges', 'Member', ({ query, client }) => ({
		status: 200,
		body: pageOf(aiJudges.all().filter((judge) => isVisible(judge, client)), query, mock.options.envelope),
	}));

	mock.handle('createAiJudge', 'Member', ({ body, client }) => {
		const fields = body as Record<string, unknown>;
		checkProvider(fields.ai_provider_id, client);
		checkSharing(fields.shared, client);
		const shared = fields.shared === true;
		const judge = aiJudges.insert({
			batch_size: 10,
			concurrency: 1,
			include_images: false,
			...fields,
			shared,
			owner_id: shared ? null : client.clientId,
		});
		return { status: 201, body: judge };
	});

	mock.handle('getAiJudge', 'Member', ({ params, client }) => ({
		status: 200,
		body: visibleJudge(params.aiJudgeId, client),
	}));

	mock.handle('updateAiJudge', 'Member', ({ params, body, client }) => {
		const judge = visibleJudge(params.aiJudgeId, client);
		assertManageable(judge, client, 'AI judge');
		const fields = body as Record<string, unknown>;
		if (fields.ai_provider_id !== undefined) checkProvider(fields.ai_provider_id, client);
		checkSharing(fields.shared, client);
		const owner =
			fields.shared === undefined ? {} : { owner_id: fields.shared === true ? null : (judge.owner_id ?? client.clientId) };
		return { status: 200, body: aiJudges.update(judge.id, { ...fields, ...owner }) };
	});

	mock.handle('deleteAiJudge', 'Member', ({ params, client }) => {
		const judge = visibleJudge(params.aiJudgeId, client);
		assertManageable(judge, client, 'AI judge');
		aiJudges.remove(judge.id);
		return { status: 204 };
	});

	mock.handle('testAiJudge', 'Member', ({ params, client }) => {
		const judge = visibleJudge(params.aiJudgeId, client);
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
