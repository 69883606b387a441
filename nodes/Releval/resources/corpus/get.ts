import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const getOperation = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a corpus',
	description: 'Get one corpus by ID: its name, description and match mode',
	endpoint: 'getCorpus',
	fields: [RESOURCES.corpus.locator()],
});

