import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a judgment list',
	description: 'Get one judgment list by ID: its name, corpus, type, scale and row count',
	endpoint: 'getJudgmentList',
	fields: [RESOURCES.judgmentList.locator()],
});

