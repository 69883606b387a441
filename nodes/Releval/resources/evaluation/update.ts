import type { INodeProperties } from 'n8n-workflow';

import { descriptionField, fieldsCollection, newNameField, operation, resourceLocator } from '../../shared/descriptions';
import { EVALUATION_PATH_LABELS, evaluationIdFor, showFor } from './shared';

export const updateOperation = operation({
	name: 'Update',
	value: 'update',
	action: 'Update an evaluation',
	description:
		'Change the name, description, search endpoint, query set or query template of an evaluation. Only the fields set are sent.',
	endpoint: 'updateEvaluation',
	pathLabels: EVALUATION_PATH_LABELS,
});

export const updateFields: INodeProperties[] = [
	evaluationIdFor(['update']),
	fieldsCollection('updateFields', { show: showFor(['update']) }, [
		descriptionField(),
		newNameField(),
		resourceLocator({
			name: 'queryTemplateId',
			displayName: 'Query Template',
			searchListMethod: 'searchQueryTemplates',
			required: false,
			sendAs: { type: 'body', property: 'query_template_id' },
		}),
		resourceLocator({
			name: 'querySetId',
			displayName: 'Query Set',
			searchListMethod: 'searchQuerySets',
			required: false,
			sendAs: { type: 'body', property: 'query_set_id' },
		}),
		resourceLocator({
			name: 'endpointId',
			displayName: 'Search Endpoint',
			searchListMethod: 'searchSearchEndpoints',
			required: false,
			sendAs: { type: 'body', property: 'endpoint_id' },
		}),
	]),
];
