import type { UploadedFile } from '../server';
import { validationProblem } from '../state';

/*
 * What the mock's upload handlers share: the uploaded file of a form field, its extension (Releval picks the
 * parser by it) and its lines.
 */

/** The file of a multipart field, or Releval's 400 when it is missing or empty. */
export function requireFile(files: Record<string, UploadedFile>, field: string): UploadedFile {
	const file = files[field];
	if (!file) throw validationProblem(field, `The ${field} field is required.`);
	if (file.data.length === 0) throw validationProblem(field, 'The uploaded file is empty.');
	return file;
}

export function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot > 0 ? fileName.slice(dot).toLowerCase() : '';
}

/** The extension of an upload, or a 400 naming the ones this upload reads. */
export function requireExtension(file: UploadedFile, field: string, allowed: string[]): string {
	const extension = extensionOf(file.filename);
	if (!allowed.includes(extension)) {
		throw validationProblem(
			field,
			`Unsupported file type "${extension || file.filename}". Supported: ${allowed.join(', ')}.`,
		);
	}
	return extension;
}

/** UTF-8 text of a file without a byte-order mark; invalid UTF-8 is a 400, as a strict parser would answer. */
export function textOf(file: UploadedFile, field: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(file.data).replace(/^\uFEFF/, '');
	} catch {
		throw validationProblem(field, `${file.filename} is not UTF-8 text.`);
	}
}

/** Non-empty lines with their 1-based line numbers. */
export function linesOf(text: string): Array<{ line: number; text: string }> {
	return text
		.split(/\r?\n/)
		.map((content, index) => ({ line: index + 1, text: content.trim() }))
		.filter((entry) => entry.text !== '');
}

/** One JSON object per line (JSON Lines / NDJSON). */
export function jsonLinesOf(text: string, field: string): Array<{ line: number; value: Record<string, unknown> }> {
	return linesOf(text).map(({ line, text: content }) => {
		let value: unknown;
		try {
			value = JSON.parse(content);
		} catch (error) {
			throw validationProblem(field, `Line ${line} is not valid JSON: ${(error as Error).message}`);
		}
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			throw validationProblem(field, `Line ${line} is not a JSON object.`);
		}
		return { line, value: value as Record<string, unknown> };
	});
}
