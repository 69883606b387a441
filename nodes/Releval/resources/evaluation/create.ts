import { RESOURCES } from '../../shared/catalog';
import { descriptionField, fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an evaluation',
	description:
		'Create an evaluation that ties together a search endpoint, a query set and a query template. Returns the new evaluation with its ID.',
	endpoint: 'createEvaluation',
	fields: [
		nameField('e.g. Product search — baseline'),
		RESOURCES.searchEndpoint.locator({
			description: 'The search endpoint the evaluation sends its queries to',
			sendAs: { type: 'body', property: 'endpoint_id' },
		}),
		RESOURCES.querySet.locator({
			description: 'The query set whose queries are evaluated',
			sendAs: { type: 'body', property: 'query_set_id' },
		}),
		RESOURCES.queryTemplate.locator({
			description: 'The template that turns each query into a request to the endpoint',
			sendAs: { type: 'body', property: 'query_template_id' },
		}),
		fieldsCollection('additionalFields', [
			descriptionField(),
		]),
	],
});

