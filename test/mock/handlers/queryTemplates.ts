import type { MockReleval } from '../server';
import { notFound, validationProblem } from '../state';
import { registerCrud } from './crud';

type Query = string | Record<string, unknown>;

interface TemplateFields {
	body?: string;
	content_type?: string;
	query_string?: string | null;
	headers?: Record<string, string> | null;
}

/** SEEN: a template test renders the first five queries of a query set. */
const QUERIES_RENDERED_FROM_SET = 5;

/** A trivial Handlebars: {{name}} / {{{name}}} become the query's property (`query` for a text query), else ''. */
function render(template: string | null | undefined, query: Query): string | null {
	if (template === undefined || template === null) return null;
	const values: Record<string, unknown> = typeof query === 'string' ? { query } : query;
	return template.replace(/\{\{\{?\s*([\w.]+)\s*\}?\}\}/g, (_, name: string) => {
		const value = values[name];
		if (value === undefined || value === null) return '';
		return typeof value === 'object' ? JSON.stringify(value) : String(value);
	});
}

function renderAll(fields: TemplateFields, queries: Query[]) {
	return {
		format: queries.every((query) => typeof query === 'string') ? 'text' : 'json',
		query_templates: queries.map((query) => ({
			query,
			body: render(fields.body, query),
			query_string: render(fields.query_string, query),
			headers: fields.headers
				? Object.fromEntries(Object.entries(fields.headers).map(([name, value]) => [name, render(value, query)]))
				: null,
		})),
	};
}

/**
 * Query templates: CRUD (Member), the bulk delete by `ids` (all or nothing: any unknown ID is a 404 and nothing
 * is deleted), and the two render tests (ad-hoc queries, or the first five queries of a saved query set).
 */
export function registerQueryTemplateHandlers(mock: MockReleval): void {
	const { queryTemplates, querySets } = mock.state;

	registerCrud(mock, {
		collection: queryTemplates,
		idParam: 'queryTemplateId',
		roles: { read: 'Member', write: 'Member' },
		operations: {
			list: 'listQueryTemplates',
			create: 'createQueryTemplate',
			get: 'getQueryTemplate',
			update: 'updateQueryTemplate',
		},
	});

	mock.handle('deleteQueryTemplates', 'Member', ({ query }) => {
		const raw = (query as Record<string, unknown>).ids;
		const ids = ([] as unknown[]).concat(raw ?? []).map(String);
		if (ids.length === 0) throw validationProblem('ids', 'At least one query template id is required.');
		const unknown = ids.filter((id) => !queryTemplates.byId.has(id));
		if (unknown.length > 0) throw notFound('Query template', unknown.join(', '));
		for (const id of ids) queryTemplates.remove(id);
		return { status: 204 };
	});

	mock.handle('testQueryTemplate', 'Member', ({ body }) => {
		const request = body as TemplateFields & { queries?: Query[] };
		return { status: 200, body: renderAll(request, request.queries ?? []) };
	});

	mock.handle('testQueryTemplateWithQuerySet', 'Member', ({ params, body }) => {
		const querySet = querySets.get(params.querySetId);
		const queries = ((querySet.queries as Query[] | undefined) ?? []).slice(0, QUERIES_RENDERED_FROM_SET);
		return { status: 200, body: renderAll(body as TemplateFields, queries) };
	});
}
