import type { MockReleval } from '../server';
import { ProblemError, type Resource } from '../state';
import { registerCrud } from './crud';

/** SEEN: authentication secrets are encrypted at rest and can be overwritten but never read back. */
const SECRET_FIELDS = ['token', 'password', 'access_secret', 'header_value'];

/** SEEN: answers that came from the customer's search engine carry this header. */
export const EVAL_RESPONSE_HEADERS = { 'x-eval-response': 'endpoint' };

/** An endpoint as Releval returns it: the authentication without its secrets. */
function present(endpoint: Resource): Resource {
	const authentication = endpoint.authentication as Record<string, unknown> | undefined;
	if (!authentication) return { ...endpoint };
	return {
		...endpoint,
		authentication: Object.fromEntries(Object.entries(authentication).filter(([key]) => !SECRET_FIELDS.includes(key))),
	};
}

interface TestConfiguration {
	url: string;
	method?: string;
	type?: string;
	body?: string;
	query_string?: string;
}

/**
 * What the search engine would answer, already shaped by the candidates mapping: a SearchResult of three
 * candidates derived from the request. A host under `.invalid` cannot be reached, so Releval itself answers with
 * a problem (no X-Eval-Response header).
 */
function searchResult(configuration: TestConfiguration) {
	const url = new URL(configuration.url);
	if (url.hostname.endsWith('.invalid')) {
		throw new ProblemError(400, 'Bad Request', `Releval could not connect to the search endpoint at ${url.host}.`);
	}
	const source = `${configuration.method ?? 'GET'} ${url.pathname}${configuration.query_string ?? ''}`;
	const candidates = [1, 2, 3].map((rank) => ({ id: `doc-${rank}`, title: `Result ${rank} of ${source}` }));
	return { status: 200, headers: EVAL_RESPONSE_HEADERS, body: { total: candidates.length, candidates } };
}

/**
 * Search endpoints: CRUD (Member), secrets write-only, the corpus reference checked (404), and the two tests:
 * an unsaved configuration, or a saved endpoint with optional overrides of body, query string and headers.
 */
export function registerEndpointHandlers(mock: MockReleval): void {
	const { endpoints, corpora } = mock.state;

	/** The corpus an endpoint names must exist (404). */
	function checkReferences(fields: Record<string, unknown>): Record<string, unknown> {
		if (typeof fields.corpus_id === 'string') corpora.get(fields.corpus_id);
		return fields;
	}

	const { find } = registerCrud(mock, {
		collection: endpoints,
		idParam: 'endpointId',
		roles: { read: 'Member', write: 'Member' },
		operations: {
			list: 'listEndpoints',
			create: 'createEndpoint',
			get: 'getEndpoint',
			update: 'updateEndpoint',
			delete: 'deleteEndpoint',
		},
		present,
		create: (fields) => ({ candidates_mapping: '@', ...checkReferences(fields) }),
		update: (_endpoint, fields) => checkReferences(fields),
	});

	mock.handle('testEndpoint', 'Member', ({ body }) => searchResult(body as TestConfiguration));

	mock.handle('testEndpointById', 'Member', (input) => {
		const endpoint = find(input);
		const overrides = (input.body ?? {}) as Record<string, unknown>;
		return searchResult({ ...(endpoint as unknown as TestConfiguration), ...overrides });
	});
}
