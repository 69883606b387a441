import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import type { OperationId } from '../../shared/api';
import { encodeMultipart, textPartsOf, type MultipartFilePart } from './multipartEncoding';
import { invalidParameter } from './validation';

/*
 * File uploads. An upload operation declares its text fields like any other body field (`routing.send` of type
 * body); the pre-send step of `sendMultipartUpload` then takes those fields, adds the file from an n8n binary
 * property of the input item, and replaces the JSON body with the multipart/form-data bytes
 * (`multipartEncoding.ts`) and a `Content-Type: multipart/form-data; boundary=…` header.
 */

/** Media types sent for each file extension Releval reads. Releval picks its parser by extension (SEEN). */
export const EXTENSION_MEDIA_TYPES: Record<string, string> = {
	'.csv': 'text/csv',
	'.json': 'application/json',
	'.jsonl': 'application/jsonl',
	'.ndjson': 'application/x-ndjson',
	'.parquet': 'application/vnd.apache.parquet',
	'.tsv': 'text/tab-separated-values',
	'.txt': 'text/plain',
};

export interface UploadFormat {
	/** Multipart field that carries the file. */
	fileField: string;
	/** File extensions Releval parses for this upload, lower case with the dot. */
	extensions: readonly string[];
}

/**
 * What each Releval upload accepts. Extensions: SEEN for query sets (.txt, .jsonl), judgment lists
 * (.jsonl/.json/.ndjson/.csv/.tsv/.parquet) and analyses (JSONL). File field: `input` is SEEN for analyses;
 * `file` is INFERRED for query sets and judgment lists (kept in step with `openapi/releval.json`).
 */
export const UPLOAD_FORMATS = {
	uploadQuerySet: { fileField: 'file', extensions: ['.txt', '.jsonl'] },
	uploadJudgmentList: { fileField: 'file', extensions: ['.jsonl', '.json', '.ndjson', '.csv', '.tsv', '.parquet'] },
	uploadAnalysis: { fileField: 'input', extensions: ['.jsonl'] },
} as const satisfies Partial<Record<OperationId, UploadFormat>>;

export type UploadOperationId = keyof typeof UPLOAD_FORMATS;

/** Node parameter that names the input binary property, and the "File Name" override in Additional Fields. */
export const BINARY_PROPERTY_PARAMETER = 'binaryPropertyName';
export const FILE_NAME_PARAMETER = 'additionalFields.fileName';
const BINARY_PROPERTY_LABEL = 'Input Binary Field';
const FILE_NAME_LABEL = 'File Name';

// ---------------------------------------------------------------------------------------------------------
// The file from the input item
// ---------------------------------------------------------------------------------------------------------

export function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot > 0 ? fileName.slice(dot).toLowerCase() : '';
}

function baseName(fileName: string): string {
	return fileName.split(/[\\/]/).pop()?.trim() ?? '';
}

function listOf(extensions: readonly string[]): string {
	return extensions.length === 1
		? extensions[0]
		: `${extensions.slice(0, -1).join(', ')} or ${extensions[extensions.length - 1]}`;
}

/** Reads the file of an upload from the input item, checking the binary property, the name and the extension. */
export async function readUploadFile(
	context: IExecuteSingleFunctions,
	format: UploadFormat,
): Promise<MultipartFilePart> {
	const propertyName = String(context.getNodeParameter(BINARY_PROPERTY_PARAMETER, 'data') ?? '').trim();
	if (propertyName === '') throw invalidParameter(context, BINARY_PROPERTY_LABEL, 'is required');
	const available = Object.keys(context.getInputData().binary ?? {});
	if (!available.includes(propertyName)) {
		throw invalidParameter(
			context,
			BINARY_PROPERTY_LABEL,
			`is "${propertyName}", but the input item has no binary field of that name (${
				available.length ? `it has: ${available.join(', ')}` : 'it has no binary data at all'
			}). Read the file first, e.g. with a Read/Write Files from Disk or HTTP Request node.`,
		);
	}
	const binary: IBinaryData = context.helpers.assertBinaryData(propertyName);

	const override = String(context.getNodeParameter(FILE_NAME_PARAMETER, '') ?? '').trim();
	const fileName = baseName(override || binary.fileName || '');
	const label = override ? FILE_NAME_LABEL : BINARY_PROPERTY_LABEL;
	if (fileName === '') {
		throw invalidParameter(
			context,
			BINARY_PROPERTY_LABEL,
			`holds a file without a name. Releval picks the parser by the file extension: set "${FILE_NAME_LABEL}" under Additional Fields (e.g. data${format.extensions[0]}).`,
		);
	}
	const extension = extensionOf(fileName);
	if (!format.extensions.includes(extension)) {
		throw invalidParameter(
			context,
			label,
			`has the file name "${fileName}", but this upload accepts only ${listOf(format.extensions)} files (Releval picks the parser by the extension).${
				override ? '' : ` If the content is in one of these formats, set "${FILE_NAME_LABEL}" under Additional Fields.`
			}`,
		);
	}
	const data: Uint8Array = await context.helpers.getBinaryDataBuffer(propertyName);
	return {
		name: format.fileField,
		fileName,
		contentType: EXTENSION_MEDIA_TYPES[extension] ?? 'application/octet-stream',
		data,
	};
}

/**
 * The pre-send step of an upload: the body fields set so far become text parts, the input item's file is added,
 * and the request body becomes the encoded multipart bytes.
 */
export function sendMultipartUpload(upload: UploadOperationId): PreSendAction {
	const format: UploadFormat = UPLOAD_FORMATS[upload];
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const file = await readUploadFile(this, format);
		const encoded = encodeMultipart([...textPartsOf(requestOptions.body), file]);
		const headers = Object.fromEntries(
			Object.entries((requestOptions.headers as IDataObject | undefined) ?? {}).filter(
				([name]) => name.toLowerCase() !== 'content-type',
			),
		);
		requestOptions.headers = { ...headers, 'Content-Type': encoded.contentType };
		requestOptions.body = encoded.body;
		return requestOptions;
	};
}

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------

/** "Input Binary Field": the binary property of the input item that holds the file. */
export function binaryPropertyParameter(upload: UploadOperationId): INodeProperties {
	return {
		displayName: BINARY_PROPERTY_LABEL,
		name: BINARY_PROPERTY_PARAMETER,
		type: 'string',
		required: true,
		default: 'data',
		hint: `The name of the input binary field containing the file (${listOf(UPLOAD_FORMATS[upload].extensions)})`,
		description:
			'The binary property of the input item that holds the file. Its file name (with extension) is sent as is.',
	};
}

/** The "File Name" option of Additional Fields: overrides the binary's file name (and so the parser). */
export function fileNameOption(upload: UploadOperationId): INodeProperties {
	const extensions = UPLOAD_FORMATS[upload].extensions;
	return {
		displayName: FILE_NAME_LABEL,
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: `e.g. data${extensions[0]}`,
		description: `File name to send instead of the binary's own. Releval picks the parser by its extension: ${listOf(extensions)}.`,
	};
}
