import { simplifyParameter, simplifyTo } from '../../shared/output';
import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

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

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get an analysis',
	description:
		'Get one analysis by ID with its status and scores (RBO, Jaccard per compared template). Simplify (on by default) leaves out the per-query results, which can be large.',
	endpoint: 'getAnalysis',
	postReceive: [simplifyTo(SIMPLIFIED_ANALYSIS_FIELDS)],
	fields: [RESOURCES.analysis.locator(), simplifyParameter()],
});

