import { binaryPropertyParameter, fileNameOption, sendMultipartUpload } from '../../shared/multipart';
import { fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';

export const uploadOperation = defineOperation({
	name: 'Upload',
	value: 'upload',
	action: 'Upload analysis executions',
	description:
		'Create an analysis from pre-computed query executions: a .jsonl file in a binary field of the input item, one line per query execution with its results. Returns the new analysis with its ID.',
	endpoint: 'uploadAnalysis',
	preSend: [sendMultipartUpload('uploadAnalysis')],
	fields: [
		nameField('e.g. Offline comparison — week 12'),
		binaryPropertyParameter('uploadAnalysis'),
		fieldsCollection('additionalFields', [fileNameOption('uploadAnalysis')]),
	],
});

