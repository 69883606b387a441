import { binaryPropertyParameter, fileNameOption, sendMultipartUpload } from '../../shared/multipart';
import { descriptionField, fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';

export const uploadOperation = defineOperation({
	name: 'Upload',
	value: 'upload',
	action: 'Upload a query set file',
	description:
		'Create a query set from a file in a binary field of the input item: .txt (one query per line) or .jsonl (one query per line, lines written as {...} are JSON query objects). Returns the new query set with its ID.',
	endpoint: 'uploadQuerySet',
	preSend: [sendMultipartUpload('uploadQuerySet')],
	fields: [
		nameField('e.g. Top 100 product searches'),
		binaryPropertyParameter('uploadQuerySet'),
		fieldsCollection('additionalFields', [
			descriptionField(),
			fileNameOption('uploadQuerySet'),
		]),
	],
});

