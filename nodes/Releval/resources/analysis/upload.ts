import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyParameter, fileNameOption, sendMultipartUpload } from '../../shared/multipart';
import { fieldsCollection, nameField, operation } from '../../shared/descriptions';
import { showFor } from './shared';

export const uploadOperation = operation({
	name: 'Upload',
	value: 'upload',
	action: 'Upload analysis executions',
	description:
		'Create an analysis from pre-computed query executions: a .jsonl file in a binary field of the input item, one line per query execution with its results. Returns the new analysis with its ID.',
	endpoint: 'uploadAnalysis',
	required: { name: 'Name', binaryPropertyName: 'Input Binary Field' },
	preSend: [sendMultipartUpload('uploadAnalysis')],
});

const show = showFor(['upload']);

export const uploadFields: INodeProperties[] = [
	nameField(show, 'e.g. Offline comparison — week 12'),
	binaryPropertyParameter(show, 'uploadAnalysis'),
	fieldsCollection('additionalFields', { show }, [fileNameOption('uploadAnalysis')]),
];
