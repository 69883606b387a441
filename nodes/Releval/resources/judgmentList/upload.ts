import type { IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';
import { binaryPropertyParameter, fileNameOption, sendMultipartUpload } from '../../shared/multipart';
import { RESOURCES } from '../../shared/catalog';
import { descriptionField, fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';
import { scaleField } from '../../shared/scales';

/** Judgment-list types (contract JudgmentListType; the prose is SEEN, the spellings INFERRED). */
export const JUDGMENT_LIST_TYPES: INodePropertyOptions[] = [
	{ name: 'Crowdsourced', value: 'crowdsourced', description: 'Grades collected from a crowd of raters' },
	{ name: 'Explicit', value: 'explicit', description: 'Grades people gave deliberately' },
	{ name: 'Golden', value: 'golden', description: 'Reference examples known to be right' },
	{ name: 'Implicit', value: 'implicit', description: 'Grades derived from user behaviour (clicks, purchases)' },
];

/** Grading scales (contract Scale, SEEN). */
export const SCALES: INodePropertyOptions[] = [
	{ name: 'Binary (0–1)', value: 'binary', description: 'Relevant or not' },
	{ name: 'Detailed (0–9)', value: 'detailed', description: 'Ten grades' },
	{ name: 'Graded (0–4)', value: 'graded', description: 'Five grades' },
];

/** Stops the item when an options parameter (set by an expression) holds a value Releval does not know. */
export function requireOption(parameter: string, label: string, options: INodePropertyOptions[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, '');
		const allowed = options.map((option) => String(option.value));
		if (!allowed.includes(String(value))) {
			throw invalidParameter(this, label, `is "${String(value)}", but must be one of: ${allowed.join(', ')}`);
		}
		return requestOptions;
	};
}

export const uploadOperation = defineOperation({
	name: 'Upload',
	value: 'upload',
	action: 'Upload a judgment list file',
	description:
		'Upload existing judgments for a corpus from a file in a binary field of the input item: JSON Lines, JSON, NDJSON, CSV, TSV or Parquet, recognised by the file extension, with rows of query, doc_id and grade. Returns the new judgment list with its ID.',
	endpoint: 'uploadJudgmentList',
	preSend: [
		requireOption('type', 'Type', JUDGMENT_LIST_TYPES),
		requireOption('scale', 'Scale', SCALES),
		sendMultipartUpload('uploadJudgmentList'),
	],
	fields: [
		nameField('e.g. Expert grades — spring catalogue'),
		RESOURCES.corpus.locator({
			description: 'The corpus the judgments belong to',
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
			routing: { send: { type: 'body', property: 'type' } },
		},
		scaleField('The grading scale of the file; every grade must fit it', { options: SCALES, sent: true }),
		binaryPropertyParameter('uploadJudgmentList'),
		fieldsCollection('additionalFields', [
			descriptionField(),
			fileNameOption('uploadJudgmentList'),
		]),
	],
});

