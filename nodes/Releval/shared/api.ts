/**
 * Everything this package assumes about Releval's REST API that Releval has not published, in one place.
 *
 * Releval documents the conventions (Bearer tokens from OAuth2 client credentials, `page` / `pageSize`,
 * RFC 9457 problem details, snake_case JSON, the `/api/v1` prefix) but not every path or the list envelope.
 * Each entry below says whether it was SEEN in Releval's docs or INFERRED; when the official OpenAPI
 * document settles an INFERRED item, the correction is a one-line change here (and in `openapi/releval.json`,
 * which the tests check these entries against).
 */

export const CREDENTIAL_TYPE = 'relevalOAuth2Api';

// The token endpoint and the token lifetime rules live with the credential: credentials/RelevalOAuth2Api.credentials.ts.

/** SEEN: the query parameter names `page` and `pageSize`. INFERRED: pages are 1-based. */
export const PAGE_PARAMETER = 'page';
export const PAGE_SIZE_PARAMETER = 'pageSize';
export const FIRST_PAGE = 1;

/** INFERRED: neither the default nor the maximum page size is documented; 100 is the safe choice. */
export const PAGE_SIZE = 100;

/** A server that never stops paging is cut off here (10,000 pages of 100 = one million items). */
export const MAX_PAGES = 10_000;

/**
 * INFERRED: the list envelope. A list answer is either a bare JSON array or an object that carries the
 * items under one of these keys, and optionally a total item count or a total page count.
 */
export const LIST_ITEM_KEYS = ['items', 'data', 'results'] as const;
export const LIST_TOTAL_KEYS = ['total', 'total_count', 'totalCount', 'count'] as const;
export const LIST_TOTAL_PAGES_KEYS = ['total_pages', 'totalPages'] as const;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
	method: HttpMethod;
	/** Path template; `{name}` placeholders are filled from node parameters. */
	path: string;
	/** True when Releval has not published this path and method (see `openapi/releval.json`). */
	inferred: boolean;
}

/**
 * Every Releval operation the node calls, keyed by the `operationId` of `openapi/releval.json`.
 * The coverage test fails when this map, the node's operations and the contract disagree.
 */
export const ENDPOINTS = {
	// Lists behind the "From list" dropdowns of other resources' ID parameters.
	listEndpoints: { method: 'GET', path: '/api/v1/endpoints', inferred: true },
	listQuerySets: { method: 'GET', path: '/api/v1/query-sets', inferred: true },
	listQueryTemplates: { method: 'GET', path: '/api/v1/query-templates', inferred: true },

	listEvaluations: { method: 'GET', path: '/api/v1/evaluations', inferred: true },
	createEvaluation: { method: 'POST', path: '/api/v1/evaluations', inferred: false },
	getEvaluation: { method: 'GET', path: '/api/v1/evaluations/{evaluationId}', inferred: true },
	updateEvaluation: { method: 'PUT', path: '/api/v1/evaluations/{evaluationId}', inferred: true },
	deleteEvaluation: { method: 'DELETE', path: '/api/v1/evaluations/{evaluationId}', inferred: true },
} as const satisfies Record<string, Endpoint>;

export type OperationId = keyof typeof ENDPOINTS;
