import type { IDisplayOptions } from 'n8n-workflow';

import { resourceLocator } from '../../shared/descriptions';

export const showFor = (operations: string[]): IDisplayOptions['show'] => ({
	resource: ['evaluation'],
	operation: operations,
});

/** The evaluation an operation acts on (a path parameter). */
export const evaluationIdFor = (operations: string[]) =>
	resourceLocator({
		name: 'evaluationId',
		displayName: 'Evaluation',
		searchListMethod: 'searchEvaluations',
		description: 'The evaluation to act on',
		displayOptions: { show: showFor(operations) },
	});

export const EVALUATION_PATH_LABELS = { evaluationId: 'Evaluation' };
