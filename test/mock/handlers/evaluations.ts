import type { MockReleval } from '../server';
import { pageOf } from '../state';

/** Evaluations: CRUD over the in-memory collection. Referenced ids must exist, as Releval would check. */
export function registerEvaluationHandlers(mock: MockReleval): void {
	const { evaluations } = mock.state;

	mock.handle('listEvaluations', 'Rater', ({ query }) => ({
		status: 200,
		body: pageOf(evaluations.all(), query, mock.options.envelope),
	}));

	mock.handle('createEvaluation', 'Member', ({ body }) => ({
		status: 201,
		body: evaluations.insert(body as Record<string, unknown>),
	}));

	mock.handle('getEvaluation', 'Rater', ({ params }) => ({
		status: 200,
		body: evaluations.get(params.evaluationId),
	}));

	mock.handle('updateEvaluation', 'Member', ({ params, body }) => ({
		status: 200,
		body: evaluations.update(params.evaluationId, body as Record<string, unknown>),
	}));

	mock.handle('deleteEvaluation', 'Member', ({ params }) => {
		evaluations.remove(params.evaluationId);
		return { status: 204 };
	});
}
