import type { MockReleval } from '../server';
import { validationProblem } from '../state';
import { registerCrud } from './crud';

/**
 * Corpora: CRUD. `match_mode` defaults to `qid` and is fixed at creation (SEEN): an update that tries to change
 * it is rejected with a validation problem. Managing corpora needs the Member role.
 */
export function registerCorpusHandlers(mock: MockReleval): void {
	registerCrud(mock, {
		collection: mock.state.corpora,
		idParam: 'corpusId',
		roles: { read: 'Member', write: 'Member' },
		operations: { list: 'listCorpora', create: 'createCorpus', get: 'getCorpus', update: 'updateCorpus', delete: 'deleteCorpus' },
		create: (fields) => ({ match_mode: 'qid', ...fields }),
		update: (corpus, fields) => {
			if ('match_mode' in fields && fields.match_mode !== corpus.match_mode) {
				throw validationProblem('match_mode', 'The match mode of a corpus cannot be changed after creation.');
			}
			return fields;
		},
	});
}
