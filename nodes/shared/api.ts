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

// The token endpoint and the token lifetime rules live with the credential: credentials/relevalTokenClient.ts.

/** SEEN: the query parameter names `page` and `pageSize`. INFERRED: pages are 1-based. */
export const PAGE_PARAMETER = 'page';
export const PAGE_SIZE_PARAMETER = 'pageSize';
export const FIRST_PAGE = 1;

/** INFERRED: neither the default nor the maximum page size is documented; 100 is the safe choice. */
export const PAGE_SIZE = 100;

/** Pages fetched at once after the first page told the total (a node option; 1 = one after another). */
export const DEFAULT_PAGES_IN_PARALLEL = 8;

/** A server that never stops paging is cut off here (10,000 pages of 100 = one million items). */
export const MAX_PAGES = 10_000;

/**
 * INFERRED: the list envelope. A list answer is either a bare JSON array or an object that carries the
 * items under one of these keys, and optionally a total item count or a total page count.
 */
export const LIST_ITEM_KEYS = ['items', 'data', 'results'] as const;
export const LIST_TOTAL_KEYS = ['total', 'total_count', 'totalCount', 'count'] as const;
export const LIST_TOTAL_PAGES_KEYS = ['total_pages', 'totalPages'] as const;

/** SEEN: Releval answers JSON, and errors as RFC 9457 problem details. The Accept header of every request. */
export const ACCEPT_JSON = 'application/json, application/problem+json';

/** SEEN for evaluation runs and AI judging runs: the statuses after which a run no longer changes. */
export const FINISHED_RUN_STATUSES: readonly string[] = ['completed', 'failed', 'cancelled'];

export function isFinishedRun(status: unknown): boolean {
	return FINISHED_RUN_STATUSES.includes(status as string);
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
	method: HttpMethod;
	/** Path template; `{name}` placeholders are filled from node parameters. */
	path: string;
	/** True when Releval has not published this path and method (see `openapi/releval.json`). */
	inferred: boolean;
}

/**
 * Every Releval operation the node calls, keyed by the `operationId` of `openapi/releval.json`, grouped by the
 * node resource whose operations call it.
 * The coverage test fails when this map, the node's operations and the contract disagree.
 */
export const ENDPOINTS = {
	// App Clients
	listAppClients: { method: 'GET', path: '/api/v1/app-clients', inferred: true },
	createAppClient: { method: 'POST', path: '/api/v1/app-clients', inferred: false },
	getAppClient: { method: 'GET', path: '/api/v1/app-clients/{appClientId}', inferred: true },
	deleteAppClient: { method: 'DELETE', path: '/api/v1/app-clients/{appClientId}', inferred: true },
	regenerateAppClientSecret: { method: 'POST', path: '/api/v1/app-clients/{appClientId}/secret', inferred: true },

	// Members
	listMembers: { method: 'GET', path: '/api/v1/members', inferred: true },
	inviteMember: { method: 'POST', path: '/api/v1/members/invite', inferred: false },

	// Corpora
	listCorpora: { method: 'GET', path: '/api/v1/corpora', inferred: true },
	createCorpus: { method: 'POST', path: '/api/v1/corpora', inferred: true },
	getCorpus: { method: 'GET', path: '/api/v1/corpora/{corpusId}', inferred: true },
	updateCorpus: { method: 'PUT', path: '/api/v1/corpora/{corpusId}', inferred: true },
	deleteCorpus: { method: 'DELETE', path: '/api/v1/corpora/{corpusId}', inferred: true },

	// Search Endpoints
	listEndpoints: { method: 'GET', path: '/api/v1/endpoints', inferred: true },
	createEndpoint: { method: 'POST', path: '/api/v1/endpoints', inferred: true },
	getEndpoint: { method: 'GET', path: '/api/v1/endpoints/{endpointId}', inferred: true },
	updateEndpoint: { method: 'PUT', path: '/api/v1/endpoints/{endpointId}', inferred: true },
	deleteEndpoint: { method: 'DELETE', path: '/api/v1/endpoints/{endpointId}', inferred: true },
	testEndpoint: { method: 'POST', path: '/api/v1/endpoints/test', inferred: true },
	testEndpointById: { method: 'POST', path: '/api/v1/endpoints/{endpointId}/test', inferred: true },

	// Query Sets
	listQuerySets: { method: 'GET', path: '/api/v1/query-sets', inferred: true },
	createQuerySet: { method: 'POST', path: '/api/v1/query-sets', inferred: true },
	uploadQuerySet: { method: 'POST', path: '/api/v1/query-sets/upload', inferred: true },
	getQuerySet: { method: 'GET', path: '/api/v1/query-sets/{querySetId}', inferred: true },
	deleteQuerySet: { method: 'DELETE', path: '/api/v1/query-sets/{querySetId}', inferred: true },

	// Query Templates
	listQueryTemplates: { method: 'GET', path: '/api/v1/query-templates', inferred: true },
	createQueryTemplate: { method: 'POST', path: '/api/v1/query-templates', inferred: true },
	deleteQueryTemplates: { method: 'DELETE', path: '/api/v1/query-templates', inferred: true },
	getQueryTemplate: { method: 'GET', path: '/api/v1/query-templates/{queryTemplateId}', inferred: true },
	updateQueryTemplate: { method: 'PUT', path: '/api/v1/query-templates/{queryTemplateId}', inferred: true },
	testQueryTemplate: { method: 'POST', path: '/api/v1/query-templates/test', inferred: false },
	testQueryTemplateWithQuerySet: { method: 'POST', path: '/api/v1/query-templates/test/{querySetId}', inferred: false },

	// Evaluations
	listEvaluations: { method: 'GET', path: '/api/v1/evaluations', inferred: true },
	createEvaluation: { method: 'POST', path: '/api/v1/evaluations', inferred: false },
	getEvaluation: { method: 'GET', path: '/api/v1/evaluations/{evaluationId}', inferred: true },
	updateEvaluation: { method: 'PUT', path: '/api/v1/evaluations/{evaluationId}', inferred: true },
	deleteEvaluation: { method: 'DELETE', path: '/api/v1/evaluations/{evaluationId}', inferred: true },

	// Evaluation Runs
	listEvaluationRuns: { method: 'GET', path: '/api/v1/evaluations/{evaluationId}/runs', inferred: true },
	createEvaluationRun: { method: 'POST', path: '/api/v1/evaluations/{evaluationId}/runs', inferred: false },
	getEvaluationRun: { method: 'GET', path: '/api/v1/evaluations/runs/{runId}', inferred: true },
	startEvaluationRun: { method: 'POST', path: '/api/v1/evaluations/runs/{runId}/start', inferred: true },
	stopEvaluationRun: { method: 'POST', path: '/api/v1/evaluations/runs/{runId}/stop', inferred: false },
	getEvaluationRunResults: { method: 'GET', path: '/api/v1/evaluations/runs/{runId}/results', inferred: true },
	cloneEvaluationRun: { method: 'POST', path: '/api/v1/evaluations/runs/{runId}/clone', inferred: true },
	lockEvaluationRun: { method: 'POST', path: '/api/v1/evaluations/runs/{runId}/lock', inferred: true },
	exportEvaluationRunJudgments: { method: 'GET', path: '/api/v1/evaluations/runs/{runId}/judgments/export', inferred: true },

	// Judgments
	submitJudgments: { method: 'POST', path: '/api/v1/judgments', inferred: false },

	// Judgment Lists
	listJudgmentLists: { method: 'GET', path: '/api/v1/judgment-lists', inferred: true },
	uploadJudgmentList: { method: 'POST', path: '/api/v1/judgment-lists/upload', inferred: false },
	getJudgmentList: { method: 'GET', path: '/api/v1/judgment-lists/{judgmentListId}', inferred: true },
	deleteJudgmentList: { method: 'DELETE', path: '/api/v1/judgment-lists/{judgmentListId}', inferred: true },

	// AI Providers
	listAiProviders: { method: 'GET', path: '/api/v1/ai-providers', inferred: true },
	createAiProvider: { method: 'POST', path: '/api/v1/ai-providers', inferred: false },
	getAiProvider: { method: 'GET', path: '/api/v1/ai-providers/{aiProviderId}', inferred: true },
	updateAiProvider: { method: 'PUT', path: '/api/v1/ai-providers/{aiProviderId}', inferred: true },
	deleteAiProvider: { method: 'DELETE', path: '/api/v1/ai-providers/{aiProviderId}', inferred: true },
	testAiProvider: { method: 'POST', path: '/api/v1/ai-providers/{aiProviderId}/test', inferred: true },

	// AI Judges
	listAiJudges: { method: 'GET', path: '/api/v1/ai-judges', inferred: true },
	createAiJudge: { method: 'POST', path: '/api/v1/ai-judges', inferred: true },
	getAiJudge: { method: 'GET', path: '/api/v1/ai-judges/{aiJudgeId}', inferred: true },
	updateAiJudge: { method: 'PUT', path: '/api/v1/ai-judges/{aiJudgeId}', inferred: true },
	deleteAiJudge: { method: 'DELETE', path: '/api/v1/ai-judges/{aiJudgeId}', inferred: true },
	testAiJudge: { method: 'POST', path: '/api/v1/ai-judges/{aiJudgeId}/test', inferred: true },

	// AI Judging Runs
	startAiJudgingRun: { method: 'POST', path: '/api/v1/evaluations/runs/{runId}/ai-judge', inferred: false },
	getAiJudgingRun: { method: 'GET', path: '/api/v1/ai-judging-runs/{judgingRunId}', inferred: true },
	cancelAiJudgingRun: { method: 'POST', path: '/api/v1/ai-judging-runs/{judgingRunId}/cancel', inferred: true },

	// Analysis
	listAnalyses: { method: 'GET', path: '/api/v1/analysis', inferred: true },
	createAnalysis: { method: 'POST', path: '/api/v1/analysis', inferred: false },
	uploadAnalysis: { method: 'POST', path: '/api/v1/analysis/upload', inferred: false },
	getAnalysis: { method: 'GET', path: '/api/v1/analysis/{analysisId}', inferred: true },

	// Sites
	listSites: { method: 'GET', path: '/api/v1/sites', inferred: true },
	createSite: { method: 'POST', path: '/api/v1/sites', inferred: false },
	getSite: { method: 'GET', path: '/api/v1/sites/{siteId}', inferred: true },
	updateSite: { method: 'PUT', path: '/api/v1/sites/{siteId}', inferred: true },
	deleteSite: { method: 'DELETE', path: '/api/v1/sites/{siteId}', inferred: true },

	// User Behavior Insights
	trackQuery: { method: 'POST', path: '/api/v1/ubi/track-query', inferred: false },
	trackEvents: { method: 'POST', path: '/api/v1/ubi/track-event', inferred: false },
	queryUbiData: { method: 'POST', path: '/api/v1/ubi/query', inferred: true },
} as const satisfies Record<string, Endpoint>;

export type OperationId = keyof typeof ENDPOINTS;

/** Contract operations the node deliberately does not expose as operations, and why. */
export const NOT_EXPOSED: Record<string, string> = {
	createToken: 'The credential calls the token endpoint; it is not a workflow step.',
	login: 'Cookie login for Releval\'s own UI; integrations use App Client tokens.',
	getJwks: 'Public signing keys for Releval\'s own token validation; nothing a workflow needs.',
	testEndpointLegacy: 'The older un-versioned path of Search Endpoint → Test, which uses /api/v1/endpoints/test.',
};
