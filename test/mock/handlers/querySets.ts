import type { MockReleval } from '../server';
import { validationProblem, type Resource } from '../state';
import { registerCrud } from './crud';
import { jsonLinesOf, linesOf, requireExtension, requireFile, textOf } from './uploads';

/*
 * Query sets: created from JSON (text queries or query objects, never mixed) or uploaded as .txt (one query per
 * line) or .jsonl (one query per line; lines written as {…} are JSON query objects). Lists leave out the queries.
 */

type Query = string | Record<string, unknown>;

function formatOf(queries: Query[]): 'text' | 'json' {
	return typeof queries[0] === 'string' ? 'text' : 'json';
}

function checkQueries(queries: Query[], field: string): Query[] {
	if (queries.length === 0) throw validationProblem(field, 'A query set needs at least one query.');
	if (new Set(queries.map((query) => typeof query)).size > 1) {
		throw validationProblem(field, 'Queries must be all strings or all objects with a "query" property, not both.');
	}
	for (const [index, query] of queries.entries()) {
		if (typeof query === 'string' ? query.trim() === '' : typeof query.query !== 'string' || query.query.trim() === '') {
			throw validationProblem(field, `Query ${index + 1} has no query text.`);
		}
	}
	return queries;
}

/** The queries of an uploaded .txt or .jsonl file. */
export function parseQueryFile(text: string, extension: string, field: string): Query[] {
	if (extension === '.txt') return linesOf(text).map((entry) => entry.text);
	const queries: Query[] = linesOf(text).map(({ line, text: content }) => {
		if (!content.startsWith('{')) return content;
		const [parsed] = jsonLinesOf(content, field).map((entry) => entry.value);
		if (typeof parsed.query !== 'string') {
			throw validationProblem(field, `Line ${line} has no "query" property.`);
		}
		return parsed;
	});
	return queries;
}

function summary(querySet: Resource): Resource {
	const { queries: _queries, ...rest } = querySet;
	return rest as Resource;
}

/** What a new query set stores, after checking its name and its queries (named `field` in errors). */
function querySetFields(fields: { name?: string; description?: string }, queries: Query[], field: string, extra = {}) {
	if (!fields.name?.trim()) throw validationProblem('name', 'The name field is required.');
	checkQueries(queries, field);
	return {
		name: fields.name,
		...(fields.description ? { description: fields.description } : {}),
		format: formatOf(queries),
		query_count: queries.length,
		queries,
		...extra,
	};
}

export function registerQuerySetHandlers(mock: MockReleval): void {
	const { querySets } = mock.state;

	registerCrud(mock, {
		collection: querySets,
		idParam: 'querySetId',
		roles: { read: 'Rater', write: 'Member' },
		operations: { list: 'listQuerySets', create: 'createQuerySet', get: 'getQuerySet', delete: 'deleteQuerySet' },
		listed: summary,
		create: (request: { name?: string; description?: string; queries?: Query[] }) =>
			querySetFields(request, request.queries ?? [], 'queries'),
	});

	mock.handle('uploadQuerySet', 'Member', ({ body, files }) => {
		const file = requireFile(files, 'file');
		const extension = requireExtension(file, 'file', ['.txt', '.jsonl']);
		const queries = parseQueryFile(textOf(file, 'file'), extension, 'file');
		if (queries.length === 0) throw validationProblem('file', `${file.filename} contains no queries.`);
		const fields = querySetFields(body as { name?: string; description?: string }, queries, 'file', { file_name: file.filename });
		return { status: 201, body: summary(querySets.insert(fields)) };
	});
}
