import type { MockReleval } from '../server';
import { ProblemError, pageOf } from '../state';

/**
 * Corpora: CRUD. `match_mode` defaults to `qid` and is fixed at creation (SEEN): an update that tries to change
 * it is rejected with a validation problem. Managing corpora needs the Member role.
 */
export function registerCorpusHandlers(mock: MockReleval): void {
	const { corpora } = mock.state;

	mock.handle('listCorpora', 'Member', ({ query }) => ({
		status: 200,
		body: pageOf(corpora.all(), query, mock.options.envelope),
	}));

	mock.handle('createCorpus', 'Member', ({ body }) => {
		const fields = body as Record<string, unknown>;
		return { status: 201, body: corpora.insert({ match_mode: 'qid', ...fields }) };
	});

	mock.handle('getCorpus', 'Member', ({ params }) => ({ status: 200, body: corpora.get(params.corpusId) }));

	mock.handle('updateCorpus', 'Member', ({ params, body }) => {
		const corpus = corpora.get(params.corpusId);
		const fields = body as Record<string, unknown>;
		if ('match_mode' in fields && fields.match_mode !== corpus.match_mode) {
			throw new ProblemError(400, 'One or more validation errors occurred.', undefined, {
				match_mode: ['The match mode of a corpus cannot be changed after creation.'],
			});
		}
		return { status: 200, body: corpora.update(params.corpusId, fields) };
	});

	mock.handle('deleteCorpus', 'Member', ({ params }) => {
		corpora.remove(params.corpusId);
		return { status: 204 };
	});
}
