import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const testOperation = defineOperation({
	name: 'Test',
	value: 'test',
	action: 'Test an AI judge',
	description:
		"Try an AI judge before using it on a run: Releval renders its prompt template with sample data and calls the judge's provider and model. Returns Releval's test result.",
	endpoint: 'testAiJudge',
	fields: [RESOURCES.aiJudge.locator()],
});

