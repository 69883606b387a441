import { randomBytes } from 'crypto';
import type {
	IBinaryData,
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import type { OperationId } from './api';
import { invalidParameter } from './validation';

/*
 * The one place that builds multipart/form-data bodies (file uploads), without any runtime dependency.
 *
 * An upload operation declares its text fields like any other body field (`routing.send` of type body); the
 * pre-send step of `sendMultipartUpload` then takes those fields, adds the file from an n8n binary property of
 * the input item, and replaces the JSON body with the encoded bytes and a
 * `Content-Type: multipart/form-data; boundary=…` header. The body is a byte array, not a stream, so n8n can send
 * it again after refreshing an expired token.
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
// Encoding
// ---------------------------------------------------------------------------------------------------------

export interface MultipartTextPart {
	name: string;
	value: string;
}

export interface MultipartFilePart {
	name: string;
	fileName: string;
	contentType: string;
	data: Uint8Array;
}

export type MultipartPart = MultipartTextPart | MultipartFilePart;

export interface EncodedMultipart {
	body: Uint8Array;
	boundary: string;
	contentType: string;
}

const encoder = new TextEncoder();
const CRLF = encoder.encode('\r\n');

function isFilePart(part: MultipartPart): part is MultipartFilePart {
	return 'data' in part;
}

/** Quoted-string escaping of names in Content-Disposition, as browsers do (WHATWG multipart/form-data). */
function escapeQuoted(value: string): string {
	return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function isAscii(value: string): boolean {
	return /^[\x20-\x7e]*$/.test(value);
}

/** RFC 8187 ext-value: UTF-8 percent-encoded, for servers that read `filename*` (ASP.NET Core does). */
function extValue(value: string): string {
	return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function partHeader(part: MultipartPart, boundary: string): string {
	let disposition = `form-data; name="${escapeQuoted(part.name)}"`;
	if (isFilePart(part)) {
		disposition += `; filename="${escapeQuoted(part.fileName)}"`;
		if (!isAscii(part.fileName)) disposition += `; filename*=${extValue(part.fileName)}`;
	}
	const lines = [`--${boundary}`, `Content-Disposition: ${disposition}`];
	if (isFilePart(part)) lines.push(`Content-Type: ${part.contentType}`);
	return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Whether `needle` occurs in `haystack` (byte comparison; scans with the native indexOf of the first byte). */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
	if (needle.length === 0) return true;
	const last = haystack.length - needle.length;
	let index = haystack.indexOf(needle[0]);
	while (index !== -1 && index <= last) {
		let matched = true;
		for (let offset = 1; offset < needle.length; offset++) {
			if (haystack[index + offset] !== needle[offset]) {
				matched = false;
				break;
			}
		}
		if (matched) return true;
		index = haystack.indexOf(needle[0], index + 1);
	}
	return false;
}

/** A random boundary that occurs in none of the parts (RFC 2046: at most 70 characters). */
export function newBoundary(contents: Uint8Array[] = [], random: () => string = () => randomBytes(16).toString('hex')): string {
	for (let attempt = 0; attempt < 16; attempt++) {
		const boundary = `----RelevalFormBoundary${random()}`;
		const delimiter = encoder.encode(`--${boundary}`);
		if (!contents.some((content) => containsBytes(content, delimiter))) return boundary;
	}
	throw new Error('Could not find a multipart boundary that does not occur in the content');
}

function concatBytes(chunks: Uint8Array[]): Uint8Array {
	const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
	// A fresh array that owns its whole buffer: HTTP clients may send `.buffer` of a typed array.
	const result = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		result.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return result;
}

/** Encodes text fields and files as a multipart/form-data body (RFC 7578), with CRLF line breaks. */
export function encodeMultipart(parts: MultipartPart[], boundary?: string): EncodedMultipart {
	const contents = parts.map((part) => (isFilePart(part) ? part.data : encoder.encode(part.value)));
	const chosen = boundary ?? newBoundary(contents);
	const chunks: Uint8Array[] = [];
	parts.forEach((part, index) => {
		chunks.push(encoder.encode(partHeader(part, chosen)), contents[index], CRLF);
	});
	chunks.push(encoder.encode(`--${chosen}--\r\n`));
	return {
		body: concatBytes(chunks),
		boundary: chosen,
		contentType: `multipart/form-data; boundary=${chosen}`,
	};
}

/** Body fields collected by `routing.send` become text parts (arrays repeat the field, objects become JSON). */
export function textPartsOf(body: unknown): MultipartTextPart[] {
	if (!body || typeof body !== 'object' || Array.isArray(body) || ArrayBuffer.isView(body)) return [];
	const parts: MultipartTextPart[] = [];
	for (const [name, value] of Object.entries(body as IDataObject)) {
		for (const element of Array.isArray(value) ? value : [value]) {
			if (element === undefined || element === null) continue;
			parts.push({ name, value: typeof element === 'object' ? JSON.stringify(element) : String(element) });
		}
	}
	return parts;
}

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
export function binaryPropertyParameter(show: IDisplayOptions['show'], upload: UploadOperationId): INodeProperties {
	return {
		displayName: BINARY_PROPERTY_LABEL,
		name: BINARY_PROPERTY_PARAMETER,
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show },
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
