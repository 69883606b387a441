import { requireSomeUpdate } from '../../shared/validation';
import { RESOURCES } from '../../shared/catalog';
import { descriptionField, fieldsCollection, newNameField, defineOperation } from '../../shared/descriptions';

export const updateOperation = defineOperation({
	name: 'Update',
	value: 'update',
	action: 'Update a corpus',
	description:
		'Change the name or description of a corpus. Only the fields set are sent. The match mode cannot be changed after creation. Returns the updated corpus.',
	endpoint: 'updateCorpus',
	preSend: [requireSomeUpdate()],
	fields: [
		RESOURCES.corpus.locator(),
		fieldsCollection('updateFields', [
			descriptionField(),
			newNameField(),
		]),
	],
});

