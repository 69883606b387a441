import type { MockReleval, UploadedFile } from '../server';
import { validationProblem } from '../state';
import { registerCrud } from './crud';
import { jsonLinesOf, linesOf, requireExtension, requireFile, textOf } from './uploads';

/*
 * Judgment lists: uploaded files of existing judgments for a corpus. The parser is picked by the file extension
 * (SEEN); rows need query, doc_id and a grade within the scale (SEEN). The mock records how many rows it read.
 */

const EXTENSIONS = ['.jsonl', '.json', '.ndjson', '.csv', '.tsv', '.parquet'];
const SCALE_MAX: Record<string, number> = { binary: 1, graded: 4, detailed: 9 };

type Row = Record<string, unknown>;

/** One delimited line, with double-quoted cells ("" is a quote inside quotes). */
function cellsOf(line: string, delimiter: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let index = 0; index < line.length; index++) {
		const char = line[index];
		if (quoted) {
			if (char === '"' && line[index + 1] === '"') {
				cell += '"';
				index++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"') quoted = true;
		else if (char === delimiter) {
			cells.push(cell);
			cell = '';
		} else cell += char;
	}
	cells.push(cell);
	return cells.map((value) => value.trim());
}

function delimitedRows(text: string, delimiter: string): Array<{ row: number; value: Row }> {
	const [header, ...lines] = linesOf(text);
	if (!header) return [];
	const columns = cellsOf(header.text, delimiter);
	return lines.map(({ text: line }, index) => {
		const cells = cellsOf(line, delimiter);
		return { row: index + 1, value: Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ''])) };
	});
}

function rowsOf(file: UploadedFile, extension: string): Array<{ row: number; value: Row }> | undefined {
	if (extension === '.parquet') {
		const magic = (offset: number) => file.data.subarray(offset, offset + 4).toString('latin1');
		if (file.data.length < 8 || magic(0) !== 'PAR1' || magic(file.data.length - 4) !== 'PAR1') {
			throw validationProblem('file', `${file.filename} is not a Parquet file.`);
		}
		return undefined; // the mock does not decode Parquet; the row count stays unknown
	}
	const text = textOf(file, 'file');
	if (extension === '.csv') return delimitedRows(text, ',');
	if (extension === '.tsv') return delimitedRows(text, '\t');
	if (extension === '.json') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch (error) {
			throw validationProblem('file', `${file.filename} is not valid JSON: ${(error as Error).message}`);
		}
		if (!Array.isArray(parsed)) throw validationProblem('file', `${file.filename} must hold a JSON array of rows.`);
		return parsed.map((value, index) => ({ row: index + 1, value: value as Row }));
	}
	return jsonLinesOf(text, 'file').map(({ line, value }) => ({ row: line, value }));
}

function checkRows(rows: Array<{ row: number; value: Row }>, scale: string): void {
	if (rows.length === 0) throw validationProblem('file', 'The file contains no judgments.');
	const max = SCALE_MAX[scale];
	for (const { row, value } of rows) {
		if (!value || typeof value !== 'object') throw validationProblem('file', `Row ${row} is not an object.`);
		for (const column of ['query', 'doc_id']) {
			if (value[column] === undefined || String(value[column]).trim() === '') {
				throw validationProblem('file', `Row ${row} has no ${column}.`);
			}
		}
		const grade = Number(value.grade);
		if (value.grade === '' || !Number.isInteger(grade) || grade < 0 || grade > max) {
			throw validationProblem('file', `Row ${row}: grade ${String(value.grade)} is outside the ${scale} scale (0–${max}).`);
		}
	}
}

export function registerJudgmentListHandlers(mock: MockReleval): void {
	const { judgmentLists, corpora } = mock.state;

	registerCrud(mock, {
		collection: judgmentLists,
		idParam: 'judgmentListId',
		roles: { read: 'Rater', write: 'Member' },
		operations: { list: 'listJudgmentLists', get: 'getJudgmentList', delete: 'deleteJudgmentList' },
	});

	mock.handle('uploadJudgmentList', 'Member', ({ body, files }) => {
		const fields = body as { name: string; corpus_id: string; type: string; scale: string; description?: string };
		if (!fields.name.trim()) throw validationProblem('name', 'The name field is required.');
		corpora.get(fields.corpus_id);
		const file = requireFile(files, 'file');
		const extension = requireExtension(file, 'file', EXTENSIONS);
		const rows = rowsOf(file, extension);
		if (rows) checkRows(rows, fields.scale);
		return {
			status: 201,
			body: judgmentLists.insert({
				name: fields.name,
				...(fields.description ? { description: fields.description } : {}),
				corpus_id: fields.corpus_id,
				type: fields.type,
				scale: fields.scale,
				file_name: file.filename,
				format: extension.slice(1),
				...(rows
					? {
							row_count: rows.length,
							query_count: new Set(rows.map(({ value }) => String(value.query))).size,
						}
					: {}),
			}),
		};
	});
}
