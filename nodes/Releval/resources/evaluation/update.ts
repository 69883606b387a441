import { descriptionField, fieldsCollection, newNameField, defineOperation } from '../../shared/descriptions';
import { RESOURCES } from '../../shared/catalog';

export const updateOperation = defineOperation({
	name: 'Update',
	value: 'update',
	action: 'Update an evaluation',
	description:
		'Change the name, description, search endpoint, query set or query template of an evaluation. Only the fields set are sent.',
	endpoint: 'updateEvaluation',
	fields: [
		RESOURCES.evaluation.locator(),
		fieldsCollection('updateFields', [
			descriptionField(),
			newNameField(),
			RESOURCES.queryTemplate.locator({
				required: false,
				sendAs: { type: 'body', property: 'query_template_id' },
			}),
			RESOURCES.querySet.locator({
				required: false,
				sendAs: { type: 'body', property: 'query_set_id' },
			}),
			RESOURCES.searchEndpoint.locator({
				required: false,
				sendAs: { type: 'body', property: 'endpoint_id' },
			}),
		]),
	],
});

