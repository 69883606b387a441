import type { INodeProperties } from 'n8n-workflow';

import { requireSomeUpdate } from '../../shared/validation';
import { descriptionField, fieldsCollection, newNameField, operation } from '../../shared/descriptions';
import { CORPUS_PATH_LABELS, corpusIdFor, showFor } from './shared';

export const updateOperation = operation({
	name: 'Update',
	value: 'update',
	action: 'Update a corpus',
	description:
		'Change the name or description of a corpus. Only the fields set are sent. The match mode cannot be changed after creation. Returns the updated corpus.',
	endpoint: 'updateCorpus',
	pathLabels: CORPUS_PATH_LABELS,
	preSend: [requireSomeUpdate()],
});

export const updateFields: INodeProperties[] = [
	corpusIdFor(['update']),
	fieldsCollection('updateFields', { show: showFor(['update']) }, [
		descriptionField(),
		newNameField(),
	]),
];
