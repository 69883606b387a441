import { defineResource } from './resource';

/*
 * Every resource of the node, declared once: its value, display name and description (the Resource dropdown), the
 * ID parameter of the one an operation acts on, and its "From List" search. Its operations live in
 * resources/<value>/, one file each; resources/index.ts puts them in the node.
 */
export const RESOURCES = {
	aiJudge: defineResource({
		value: 'aiJudge',
		name: 'AI Judge',
		description: 'A saved AI provider, model and prompt template that grades evaluation run candidates',
		idParameter: 'aiJudgeId',
		noun: 'AI judge',
		listSearch: { method: 'searchAiJudges', list: 'listAiJudges', plural: 'AI judges' },
	}),
	aiJudgingRun: defineResource({
		value: 'aiJudgingRun',
		name: 'AI Judging Run',
		description: 'An AI judge grading the candidates of a completed evaluation run',
		idParameter: 'judgingRunId',
		// Releval has no endpoint that lists judging runs: "By ID" only.
		idDescription: 'The ID of the AI judging run, as returned by AI Judging Run → Start',
	}),
	aiProvider: defineResource({
		value: 'aiProvider',
		name: 'AI Provider',
		description: 'Stored LLM credentials (OpenAI, Anthropic, Bedrock, Azure OpenAI, Ollama, custom) that AI judges use',
		idParameter: 'aiProviderId',
		noun: 'AI provider',
		listSearch: { method: 'searchAiProviders', list: 'listAiProviders', plural: 'AI providers' },
	}),
	analysis: defineResource({
		value: 'analysis',
		name: 'Analysis',
		description: 'A comparison of the results of query templates against a baseline (RBO, Jaccard)',
		idParameter: 'analysisId',
		listSearch: { method: 'searchAnalyses', list: 'listAnalyses', plural: 'analyses' },
	}),
	appClient: defineResource({
		value: 'appClient',
		name: 'App Client',
		description: 'Machine-to-machine OAuth2 client credentials with roles',
		idParameter: 'appClientId',
		listSearch: { method: 'searchAppClients', list: 'listAppClients', plural: 'app clients' },
	}),
	corpus: defineResource({
		value: 'corpus',
		name: 'Corpus',
		description: 'A document collection that judgments and judgment lists belong to',
		idParameter: 'corpusId',
		listSearch: { method: 'searchCorpora', list: 'listCorpora', plural: 'corpora' },
	}),
	evaluation: defineResource({
		value: 'evaluation',
		name: 'Evaluation',
		description: 'An endpoint, a query set and a query template evaluated together',
		idParameter: 'evaluationId',
		listSearch: { method: 'searchEvaluations', list: 'listEvaluations', plural: 'evaluations' },
	}),
	evaluationRun: defineResource({
		value: 'evaluationRun',
		name: 'Evaluation Run',
		description: 'One execution of an evaluation: its status, results, metrics and lock',
		idParameter: 'runId',
		listSearch: { method: 'searchEvaluationRuns', plural: 'evaluation runs' },
	}),
	judgment: defineResource({
		value: 'judgment',
		name: 'Judgment',
		description: 'Grades of the candidates an evaluation run returned for its queries',
	}),
	judgmentList: defineResource({
		value: 'judgmentList',
		name: 'Judgment List',
		description: 'An uploaded file of existing judgments for a corpus',
		idParameter: 'judgmentListId',
		listSearch: { method: 'searchJudgmentLists', list: 'listJudgmentLists', plural: 'judgment lists' },
	}),
	member: defineResource({
		value: 'member',
		name: 'Member',
		description: 'A person in the Releval workspace, with roles',
	}),
	querySet: defineResource({
		value: 'querySet',
		name: 'Query Set',
		description: 'A list of queries (text or JSON objects) to evaluate or analyse',
		idParameter: 'querySetId',
		listSearch: { method: 'searchQuerySets', list: 'listQuerySets', plural: 'query sets' },
	}),
	queryTemplate: defineResource({
		value: 'queryTemplate',
		name: 'Query Template',
		description: 'A Handlebars template that turns each query into a request to a search endpoint',
		idParameter: 'queryTemplateId',
		listSearch: { method: 'searchQueryTemplates', list: 'listQueryTemplates', plural: 'query templates' },
	}),
	searchEndpoint: defineResource({
		value: 'searchEndpoint',
		name: 'Search Endpoint',
		description: 'A search engine Releval sends queries to, with its authentication and candidates mapping',
		idParameter: 'endpointId',
		listSearch: { method: 'searchSearchEndpoints', list: 'listEndpoints', plural: 'search endpoints' },
	}),
	site: defineResource({
		value: 'site',
		name: 'Site',
		description: 'A website registered for browser User Behavior Insights tracking, with its public site_id',
		idParameter: 'siteId',
		listSearch: { method: 'searchSites', list: 'listSites', plural: 'sites' },
	}),
	userBehaviorInsights: defineResource({
		value: 'userBehaviorInsights',
		name: 'User Behavior Insights',
		description: 'Track search queries and user events (UBI 1.3.0) and query the collected data',
	}),
};
