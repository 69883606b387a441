import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyParameter, fileNameOption, sendMultipartUpload } from '../../shared/multipart';
import { descriptionField, fieldsCollection, nameField, operation, resourceLocator } from '../../shared/descriptions';
import { JUDGMENT_LIST_TYPES, SCALES, requireOption, showFor } from './shared';

export const uploadOperation = operation({
	name: 'Upload',
	value: 'upload',
	action: 'Upload a judgment list file',
	description:
		'Upload existing judgments for a corpus from a file in a binary field of the input item: JSON Lines, JSON, NDJSON, CSV, TSV or Parquet, recognised by the file extension, with rows of query, doc_id and grade. Returns the new judgment list with its ID.',
	endpoint: 'uploadJudgmentList',
	required: { name: 'Name', corpusId: 'Corpus', binaryPropertyName: 'Input Binary Field' },
	preSend: [
		requireOption('type', 'Type', JUDGMENT_LIST_TYPES),
		requireOption('scale', 'Scale', SCALES),
		sendMultipartUpload('uploadJudgmentList'),
	],
});

const show = showFor(['upload']);

export const uploadFields: INodeProperties[] = [
	nameField(show, 'e.g. Expert grades — spring catalogue'),
	resourceLocator({
		name: 'corpusId',
		displayName: 'Corpus',
		searchListMethod: 'searchCorpora',
		description: 'The corpus the judgments belong to',
		displayOptions: { show },
		sendAs: { type: 'body', property: 'corpus_id' },
	}),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		required: true,
		options: JUDGMENT_LIST_TYPES,
		default: 'explicit',
		description: 'Where the judgments come from',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'type' } },
	},
	{
		displayName: 'Scale',
		name: 'scale',
		type: 'options',
		required: true,
		options: SCALES,
		default: 'graded',
		description: 'The grading scale of the file; every grade must fit it',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'scale' } },
	},
	binaryPropertyParameter(show, 'uploadJudgmentList'),
	fieldsCollection('additionalFields', { show }, [
		descriptionField(),
		fileNameOption('uploadJudgmentList'),
	]),
];
