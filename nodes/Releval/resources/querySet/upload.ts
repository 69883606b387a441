import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyParameter, fileNameOption, sendMultipartUpload } from '../../shared/multipart';
import { descriptionField, fieldsCollection, nameField, operation } from '../../shared/descriptions';
import { showFor } from './shared';

export const uploadOperation = operation({
	name: 'Upload',
	value: 'upload',
	action: 'Upload a query set file',
	description:
		'Create a query set from a file in a binary field of the input item: .txt (one query per line) or .jsonl (one query per line, lines written as {...} are JSON query objects). Returns the new query set with its ID.',
	endpoint: 'uploadQuerySet',
	required: { name: 'Name', binaryPropertyName: 'Input Binary Field' },
	preSend: [sendMultipartUpload('uploadQuerySet')],
});

const show = showFor(['upload']);

export const uploadFields: INodeProperties[] = [
	nameField(show, 'e.g. Top 100 product searches'),
	binaryPropertyParameter(show, 'uploadQuerySet'),
	fieldsCollection('additionalFields', { show }, [
		descriptionField(),
		fileNameOption('uploadQuerySet'),
	]),
];
