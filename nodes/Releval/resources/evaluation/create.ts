import type { INodeProperties } from 'n8n-workflow';

import { descriptionField, fieldsCollection, nameField, operation, resourceLocator } from '../../shared/descriptions';
import { showFor } from './shared';

export const createOperation = operation({
	name: 'Create',
	value: 'create',
	action: 'Create an evaluation',
	description:
		'Create an evaluation that ties together a search endpoint, a query set and a query template. Returns the new evaluation with its ID.',
	endpoint: 'createEvaluation',
	required: {
		name: 'Name',
		endpointId: 'Search Endpoint',
		querySetId: 'Query Set',
		queryTemplateId: 'Query Template',
	},
});

const show = showFor(['create']);

export const createFields: INodeProperties[] = [
	nameField(show, 'e.g. Product search — baseline'),
	resourceLocator({
		name: 'endpointId',
		displayName: 'Search Endpoint',
		searchListMethod: 'searchSearchEndpoints',
		description: 'The search endpoint the evaluation sends its queries to',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'endpoint_id' },
	}),
	resourceLocator({
		name: 'querySetId',
		displayName: 'Query Set',
		searchListMethod: 'searchQuerySets',
		description: 'The queries to evaluate',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'query_set_id' },
	}),
	resourceLocator({
		name: 'queryTemplateId',
		displayName: 'Query Template',
		searchListMethod: 'searchQueryTemplates',
		description: 'The template that turns each query into a request to the endpoint',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'query_template_id' },
	}),
	fieldsCollection('additionalFields', { show }, [
		descriptionField(),
	]),
];
