import { randomBytes } from 'crypto';

/*
 * In-memory state of the mock Releval, and the helpers its handlers share: ids, problem details, roles and
 * paging. Handlers live in ./handlers, one file per resource; ./handlers/crud.ts answers the CRUD operations.
 */

export type Role = 'Admin' | 'Member' | 'Rater';

export const ROLE_RANK: Record<Role, number> = { Rater: 1, Member: 2, Admin: 3 };

export type Resource = Record<string, unknown> & { id: string };

/** How list responses are shaped; Releval's real envelope is unknown, so tests cover every supported shape. */
export type EnvelopeStyle = 'items' | 'array' | 'data-total-count' | 'results-total-pages' | 'items-no-total';

export interface MockResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export class ProblemError extends Error {
	constructor(
		readonly status: number,
		readonly title: string,
		readonly detail?: string,
		readonly errors?: Record<string, string[]>,
	) {
		super(title);
	}
}

let idCounter = 0;
/** ULID-like ids: 26 upper-case characters, ordered by creation. */
export function newId(): string {
	idCounter += 1;
	return `01J${String(idCounter).padStart(8, '0')}${randomBytes(8).toString('hex').toUpperCase()}`.slice(0, 26);
}

export function now(): string {
	return new Date().toISOString();
}

export function problem(status: number, title: string, detail?: string, errors?: Record<string, string[]>): MockResponse {
	return {
		status,
		headers: { 'content-type': 'application/problem+json' },
		body: {
			type: `https://tools.ietf.org/html/rfc9110#section-15.${status >= 500 ? 6 : 5}.${(status % 100) + 1}`,
			title,
			status,
			...(detail ? { detail } : {}),
			...(errors ? { errors } : {}),
			traceId: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
		},
	};
}

export function notFound(what: string, id: string): ProblemError {
	return new ProblemError(404, 'Not Found', `${what} ${id} was not found.`);
}

/** Releval's 400 for an action that does not apply to `resource` in its status: `title` and `detail` say why. */
export function requireStatus(resource: Resource, allowed: readonly string[], title: string, detail: string): void {
	if (!allowed.includes(String(resource.status))) throw new ProblemError(400, title, detail);
}

/** The title of Releval's 400 for request fields it refuses (ASP.NET's validation problem). */
export const VALIDATION_FAILED = 'One or more validation errors occurred.';

/** Releval's 400 for request fields it refuses: each field with its messages. */
export function invalidFields(errors: Record<string, string[]>): ProblemError {
	return new ProblemError(400, VALIDATION_FAILED, undefined, errors);
}

/** Releval's 400 for one field it refuses. */
export function validationProblem(field: string, message: string): ProblemError {
	return invalidFields({ [field]: [message] });
}

/** One collection of resources, in insertion order. */
export class Collection {
	readonly byId = new Map<string, Resource>();

	constructor(readonly what: string) {}

	insert(fields: Record<string, unknown>): Resource {
		const timestamp = now();
		const resource: Resource = { id: newId(), ...fields, created: timestamp, updated: timestamp };
		this.byId.set(resource.id, resource);
		return resource;
	}

	get(id: string): Resource {
		const resource = this.byId.get(id);
		if (!resource) throw notFound(this.what, id);
		return resource;
	}

	update(id: string, fields: Record<string, unknown>): Resource {
		const resource = this.get(id);
		Object.assign(resource, fields, { updated: now() });
		return resource;
	}

	remove(id: string): void {
		this.get(id);
		this.byId.delete(id);
	}

	all(): Resource[] {
		return [...this.byId.values()];
	}

	clear(): void {
		this.byId.clear();
	}
}

export interface PagingQuery {
	page?: number | string;
	pageSize?: number | string;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Pages a list with Releval's `page` (1-based) and `pageSize`, shaped in the configured envelope style. */
export function pageOf(all: unknown[], query: PagingQuery, style: EnvelopeStyle): unknown {
	const page = Number(query.page ?? 1);
	const pageSize = Number(query.pageSize ?? DEFAULT_PAGE_SIZE);
	if (pageSize > MAX_PAGE_SIZE) {
		throw validationProblem('pageSize', `pageSize must be between 1 and ${MAX_PAGE_SIZE}.`);
	}
	const items = all.slice((page - 1) * pageSize, page * pageSize);
	const totalPages = Math.ceil(all.length / pageSize);
	switch (style) {
		case 'array':
			return items;
		case 'data-total-count':
			return { data: items, total_count: all.length };
		case 'results-total-pages':
			return { results: items, total_pages: totalPages, page };
		case 'items-no-total':
			return { items };
		default:
			return { items, total: all.length, page, pageSize };
	}
}
