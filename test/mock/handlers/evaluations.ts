import type { MockReleval } from '../server';
import { registerCrud } from './crud';

/** Evaluations: CRUD over the in-memory collection. Raters read them; changing them needs Member. */
export function registerEvaluationHandlers(mock: MockReleval): void {
	registerCrud(mock, {
		collection: mock.state.evaluations,
		idParam: 'evaluationId',
		roles: { read: 'Rater', write: 'Member' },
		operations: {
			list: 'listEvaluations',
			create: 'createEvaluation',
			get: 'getEvaluation',
			update: 'updateEvaluation',
			delete: 'deleteEvaluation',
		},
	});
}
