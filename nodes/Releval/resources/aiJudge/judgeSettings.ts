import type { INodeProperties } from 'n8n-workflow';

import { sendInteger } from '../../shared/validation';
import { descriptionField } from '../../shared/descriptions';

export const PROMPT_TEMPLATE_HINT =
	'Handlebars. Variables: {{query}}, {{#each candidates}} (id, title, fields, image), {{scale_min}}, {{scale_max}}, {{#each scale_labels}} (grade, label), {{evaluation_name}}, {{evaluation_description}}';

/** Optional settings shared by Create (Additional Fields) and Update (Update Fields), sorted by name. */
export function judgeSettings(): INodeProperties[] {
	return [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 10,
			description: 'How many candidates the judge grades in one prompt',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description: 'How many prompts the judge sends to the provider at the same time',
		},
		descriptionField(),
		{
			displayName: 'Include Images',
			name: 'includeImages',
			type: 'boolean',
			default: false,
			description: 'Whether to send candidate images to the model (it must accept images)',
			routing: { send: { type: 'body', property: 'include_images' } },
		},
		{
			displayName: 'Shared',
			name: 'shared',
			type: 'boolean',
			default: false,
			description:
				'Whether every member can use the judge instead of only its owner. Only Admins may share a judge; Releval refuses otherwise.',
			routing: { send: { type: 'body', property: 'shared' } },
		},
	];
}

/** Range checks of the number settings, under the given collection. */
export function judgeNumberChecks(collection: string) {
	return [
		sendInteger({ parameter: `${collection}.batchSize`, label: 'Batch Size', property: 'batch_size', min: 1 }),
		sendInteger({ parameter: `${collection}.concurrency`, label: 'Concurrency', property: 'concurrency', min: 1 }),
	];
}
