import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const exportJudgmentsOperation = defineOperation({
	name: 'Export Judgments',
	value: 'exportJudgments',
	action: 'Export the judgments of an evaluation run',
	description:
		'Export the judgments given on an evaluation run, one item per judged query and candidate (query ID, query, candidate ID, grade), e.g. to archive them or build a judgment list',
	endpoint: 'exportEvaluationRunJudgments',
	fields: [RESOURCES.evaluationRun.locator()],
});

