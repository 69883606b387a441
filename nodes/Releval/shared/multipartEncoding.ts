import { randomBytes } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/*
 * The one place that encodes multipart/form-data bodies, without any runtime dependency. The body is a byte
 * array, not a stream, so n8n can send it again after refreshing an expired token.
 */

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
