import type { IDisplayOptions } from 'n8n-workflow';

import { resourceLocator } from '../../shared/descriptions';

export const showFor = (operations: string[]): IDisplayOptions['show'] => ({
	resource: ['analysis'],
	operation: operations,
});

/** The analysis an operation acts on (a path parameter). */
export const analysisIdFor = (operations: string[]) =>
	resourceLocator({
		name: 'analysisId',
		displayName: 'Analysis',
		searchListMethod: 'searchAnalyses',
		description: 'The analysis to act on',
		displayOptions: { show: showFor(operations) },
	});

export const ANALYSIS_PATH_LABELS = { analysisId: 'Analysis' };

/**
 * What "Simplify" keeps of an analysis: who was compared and the summary scores per template, without the
 * per-query result lists that make analyses large.
 */
export const SIMPLIFIED_ANALYSIS_FIELDS = [
	'id',
	'name',
	'status',
	'baseline',
	'query_template_ids',
	'query_count',
	'metrics',
	'created',
];
