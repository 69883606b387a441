import { seedNightlyGate, type NightlyGateDemo } from './comparisonDemo';
import { enableAutoAdvance, seedJudgingRun, seedRun, setJudgingRunStatus } from './lifecycle';
import type { MockReleval } from './server';
import type { Resource } from './state';

/**
 * Fixed ids (ULID-shaped) of the demo records, so that the example workflows can refer to them. Runs,
 * judging runs and everything created through the API get generated ids.
 */
export const DEMO_IDS = {
	corpusProducts: '01JDEM0CRP0000000000000001',
	corpusMovies: '01JDEM0CRP0000000000000002',
	endpointProductsProd: '01JDEM0END0000000000000001',
	endpointProductsStaging: '01JDEM0END0000000000000002',
	endpointMovies: '01JDEM0END0000000000000003',
	querySetTopProducts: '01JDEM0QST0000000000000001',
	querySetLongTail: '01JDEM0QST0000000000000002',
	querySetMovies: '01JDEM0QST0000000000000003',
	templateBm25: '01JDEM0QTM0000000000000001',
	templateTitleBoost: '01JDEM0QTM0000000000000002',
	templateHybrid: '01JDEM0QTM0000000000000003',
	templateMovies: '01JDEM0QTM0000000000000004',
	evaluationBaseline: '01JDEM0EVA0000000000000001',
	evaluationTitleBoost: '01JDEM0EVA0000000000000002',
	evaluationMovies: '01JDEM0EVA0000000000000003',
	/** Evaluation Run → Compare's demo (example 08): a locked baseline and a run that regressed from it. */
	evaluationNightly: '01JDEM0EVA0000000000000004',
	judgmentListExplicit: '01JDEM0JGT0000000000000001',
	judgmentListClicks: '01JDEM0JGT0000000000000002',
	aiProvider: '01JDEM0PRV0000000000000001',
	aiJudge: '01JDEM0JDG0000000000000001',
	site: '01JDEM0STE0000000000000001',
	/** The site's public site_id, stamped on tracked events. */
	siteTrackingId: '01J8ZP4Q9K7X2M5N6R8T0V3W1Y',
} as const;

/*
 * Realistic demo data for the sandbox (`npm start`) and the end-to-end tests: an online shop's product search
 * and a movie search, with the corpora, search endpoints, query sets, templates and evaluations a Releval team
 * would have, completed runs with metrics, judgment lists, an AI provider and judge, a tracking site and
 * app clients. Everything goes through `mock.state` and the lifecycle helpers, so the handlers serve it as
 * they serve data created through the API.
 */

export interface SeedOptions {
	/** Extra evaluations ("Regression check #n"), e.g. more than a page of 100 for pagination tests. */
	extraEvaluations?: number;
	/** Let runs and AI judging runs advance one step per GET, so "wait for completion" loops finish (default true). */
	autoAdvance?: boolean;
}

export interface DemoData {
	corpora: { products: Resource; movies: Resource };
	endpoints: { productsProd: Resource; productsStaging: Resource; movies: Resource };
	querySets: { topProductQueries: Resource; longTail: Resource; movies: Resource };
	queryTemplates: { bm25: Resource; titleBoost: Resource; hybrid: Resource; movies: Resource };
	evaluations: { baseline: Resource; titleBoost: Resource; movies: Resource };
	runs: { baselineWeek1: Resource; baselineWeek2: Resource; titleBoost: Resource; movies: Resource; failed: Resource; pending: Resource };
	judgmentLists: { explicit: Resource; clicks: Resource };
	aiProvider: Resource;
	aiJudge: Resource;
	site: Resource;
	nightlyGate: NightlyGateDemo;
}

const TOP_PRODUCT_QUERIES = [
	'wireless headphones',
	'usb-c charger',
	'running shoes',
	'coffee grinder',
	'4k monitor',
	'standing desk',
	'mechanical keyboard',
	'yoga mat',
	'air fryer',
	'office chair',
	'bluetooth speaker',
	'water bottle',
	'laptop backpack',
	'electric toothbrush',
	'noise cancelling earbuds',
	'hiking boots',
	'smart watch',
	'desk lamp',
	'phone case',
	'gaming mouse',
];

const LONG_TAIL_QUERIES = [
	{ query: 'waterproof trail running shoes women size 8', category: 'shoes' },
	{ query: 'usb-c charger 65w gan two ports', category: 'electronics' },
	{ query: 'ergonomic office chair lumbar support mesh', category: 'furniture' },
	{ query: 'burr coffee grinder for espresso', category: 'kitchen' },
	{ query: 'over-ear headphones with long battery life', category: 'electronics' },
	{ query: 'kids bike helmet with light', category: 'sports' },
];

const MOVIE_QUERIES = ['the godfather', 'inception', 'space movies from the 80s', 'pixar', 'heist comedy'];

const ES_BODY = `{
  "size": 10,
  "query": {
    "multi_match": {
      "query": "{{query}}",
      "fields": ["title", "description", "brand"]
    }
  }
}`;

const TITLE_BOOST_BODY = `{
  "size": 10,
  "query": {
    "multi_match": {
      "query": "{{query}}",
      "fields": ["title^3", "description", "brand^2"],
      "type": "best_fields"
    }
  }
}`;

const HYBRID_BODY = `{
  "size": 10,
  "query": {
    "hybrid": {
      "queries": [
        { "match": { "title": "{{query}}" } },
        { "neural": { "embedding": { "query_text": "{{query}}", "k": 50 } } }
      ]
    }
  }
}`;

const JUDGE_PROMPT = `You grade search results for an online shop.
Query: {{query}}
Grade each candidate from {{scale_min}} to {{scale_max}} ({{#each scale_labels}}{{this}}; {{/each}}).
{{#each candidates}}
- [{{id}}] {{title}}
{{/each}}
Answer with one JSON object per candidate: {"id": "...", "grade": n}.`;

/** Fills the mock with the demo data and returns the records, for tests that refer to them. */
export function seedDemoData(mock: MockReleval, options: SeedOptions = {}): DemoData {
	const { state } = mock;

	const corpora = {
		products: state.corpora.insert({
			id: DEMO_IDS.corpusProducts,
			name: 'Acme product catalog',
			description: '48,000 products of the Acme online shop (electronics, home, sports)',
			match_mode: 'qid',
		}),
		movies: state.corpora.insert({
			id: DEMO_IDS.corpusMovies,
			name: 'Movie database',
			description: 'Titles, plots and cast of 12,000 films',
			match_mode: 'qid',
		}),
	};

	const endpoints = {
		productsProd: state.endpoints.insert({
			id: DEMO_IDS.endpointProductsProd,
			name: 'Acme products — Elasticsearch (production)',
			description: 'The live product search cluster',
			corpus_id: corpora.products.id,
			type: 'elasticsearch',
			url: 'https://search.acme.example/products/_search',
			method: 'POST',
			authentication: { type: 'bearer' },
			headers: { 'Content-Type': 'application/json' },
			candidates_mapping: '{total: hits.total.value, candidates: hits.hits[].{id: _id, title: _source.title, image: _source.image_url}}',
		}),
		productsStaging: state.endpoints.insert({
			id: DEMO_IDS.endpointProductsStaging,
			name: 'Acme products — OpenSearch (staging)',
			description: 'Staging cluster with the hybrid (BM25 + vector) index',
			corpus_id: corpora.products.id,
			type: 'opensearch',
			url: 'https://staging-search.acme.example/products/_search',
			method: 'POST',
			authentication: { type: 'basic', username: 'releval' },
			candidates_mapping: '{total: hits.total.value, candidates: hits.hits[].{id: _id, title: _source.title}}',
		}),
		movies: state.endpoints.insert({
			id: DEMO_IDS.endpointMovies,
			name: 'Movies — Solr',
			corpus_id: corpora.movies.id,
			type: 'solr',
			url: 'https://solr.movies.example/solr/films/select',
			method: 'GET',
			authentication: { type: 'none' },
			candidates_mapping: '{total: response.numFound, candidates: response.docs[].{id: id, title: title}}',
		}),
	};

	const querySets = {
		topProductQueries: state.querySets.insert({
			id: DEMO_IDS.querySetTopProducts,
			name: 'Top 20 product searches',
			description: 'The 20 most frequent searches of the last 30 days',
			format: 'text',
			queries: TOP_PRODUCT_QUERIES,
			query_count: TOP_PRODUCT_QUERIES.length,
		}),
		longTail: state.querySets.insert({
			id: DEMO_IDS.querySetLongTail,
			name: 'Long-tail product queries',
			description: 'Specific multi-word searches with their category',
			format: 'json',
			queries: LONG_TAIL_QUERIES,
			query_count: LONG_TAIL_QUERIES.length,
		}),
		movies: state.querySets.insert({
			id: DEMO_IDS.querySetMovies,
			name: 'Movie title and topic searches',
			format: 'text',
			queries: MOVIE_QUERIES,
			query_count: MOVIE_QUERIES.length,
		}),
	};

	const queryTemplates = {
		bm25: state.queryTemplates.insert({
			id: DEMO_IDS.templateBm25,
			name: 'BM25 baseline',
			description: 'multi_match over title, description and brand',
			body: ES_BODY,
			content_type: 'application/json',
			query_string: null,
			headers: null,
		}),
		titleBoost: state.queryTemplates.insert({
			id: DEMO_IDS.templateTitleBoost,
			name: 'BM25 with title boost',
			description: 'Title ×3 and brand ×2',
			body: TITLE_BOOST_BODY,
			content_type: 'application/json',
			query_string: null,
			headers: null,
		}),
		hybrid: state.queryTemplates.insert({
			id: DEMO_IDS.templateHybrid,
			name: 'Hybrid BM25 + vector',
			description: 'OpenSearch hybrid query with a neural clause',
			body: HYBRID_BODY,
			content_type: 'application/json',
			query_string: '?search_pipeline=hybrid-norm',
			headers: null,
		}),
		movies: state.queryTemplates.insert({
			id: DEMO_IDS.templateMovies,
			name: 'Solr edismax',
			body: '',
			content_type: 'application/json',
			query_string: '?q={{query}}&defType=edismax&qf=title^2+plot&rows=10',
			headers: null,
		}),
	};

	const evaluations = {
		baseline: state.evaluations.insert({
			id: DEMO_IDS.evaluationBaseline,
			name: 'Product search — baseline',
			description: 'Weekly check of the production ranking on the top searches',
			endpoint_id: endpoints.productsProd.id,
			query_set_id: querySets.topProductQueries.id,
			query_template_id: queryTemplates.bm25.id,
		}),
		titleBoost: state.evaluations.insert({
			id: DEMO_IDS.evaluationTitleBoost,
			name: 'Product search — title boost',
			description: 'Candidate ranking: title and brand boosted',
			endpoint_id: endpoints.productsProd.id,
			query_set_id: querySets.topProductQueries.id,
			query_template_id: queryTemplates.titleBoost.id,
		}),
		movies: state.evaluations.insert({
			id: DEMO_IDS.evaluationMovies,
			name: 'Movies — edismax',
			endpoint_id: endpoints.movies.id,
			query_set_id: querySets.movies.id,
			query_template_id: queryTemplates.movies.id,
		}),
	};

	const metrics = ['NDCG@10', 'MAP', 'MRR@10', 'Precision@5'];
	const runs = {
		baselineWeek1: seedRun(mock, {
			evaluation_id: evaluations.baseline.id,
			name: 'Baseline — week 1',
			scale: 'graded',
			metrics,
			status: 'completed',
			locked: true,
		}),
		baselineWeek2: seedRun(mock, {
			evaluation_id: evaluations.baseline.id,
			name: 'Baseline — week 2',
			scale: 'graded',
			metrics,
			status: 'completed',
		}),
		titleBoost: seedRun(mock, {
			evaluation_id: evaluations.titleBoost.id,
			name: 'Title boost — first look',
			scale: 'graded',
			metrics,
			status: 'completed',
		}),
		movies: seedRun(mock, {
			evaluation_id: evaluations.movies.id,
			name: 'Edismax defaults',
			scale: 'binary',
			metrics: ['Precision@10', 'MRR'],
			status: 'completed',
		}),
		failed: seedRun(mock, {
			evaluation_id: evaluations.titleBoost.id,
			name: 'Title boost — staging outage',
			scale: 'graded',
			metrics,
			status: 'failed',
			error: 'The search endpoint answered HTTP 503 for 20 of 20 queries.',
		}),
		pending: seedRun(mock, {
			evaluation_id: evaluations.baseline.id,
			name: 'Baseline — next week',
			scale: 'graded',
			metrics,
			status: 'pending',
		}),
	};

	const nightlyGate = seedNightlyGate(mock, {
		evaluationId: DEMO_IDS.evaluationNightly,
		endpointId: endpoints.productsProd.id,
		querySetId: querySets.topProductQueries.id,
		queryTemplateId: queryTemplates.bm25.id,
	});

	const judgmentLists = {
		explicit: state.judgmentLists.insert({
			id: DEMO_IDS.judgmentListExplicit,
			name: 'Merchandising team ratings (Q3)',
			description: 'Graded by the merchandising team in the Releval rating UI',
			corpus_id: corpora.products.id,
			type: 'explicit',
			scale: 'graded',
			row_count: 1240,
		}),
		clicks: state.judgmentLists.insert({
			id: DEMO_IDS.judgmentListClicks,
			name: 'Click-model judgments (September)',
			description: 'Implicit judgments derived from UBI clicks and add-to-carts',
			corpus_id: corpora.products.id,
			type: 'implicit',
			scale: 'detailed',
			row_count: 18_432,
		}),
	};

	const aiProvider = state.aiProviders.insert({
		id: DEMO_IDS.aiProvider,
		type: 'openai',
		name: 'OpenAI (search team)',
		owner_id: null,
		has_api_key: true,
	});
	const aiJudge = state.aiJudges.insert({
		id: DEMO_IDS.aiJudge,
		name: 'Product relevance judge',
		description: 'Grades product candidates on the graded scale',
		ai_provider_id: aiProvider.id,
		model: 'gpt-4o-mini',
		prompt_template: JUDGE_PROMPT,
		batch_size: 10,
		include_images: false,
		concurrency: 4,
		shared: true,
		owner_id: null,
	});
	// An earlier AI judging run on the title-boost run, already completed.
	const judgingRun = seedJudgingRun(mock, { evaluation_run_id: runs.titleBoost.id, ai_judge_id: aiJudge.id });
	setJudgingRunStatus(mock, judgingRun.id, 'completed');

	const site = state.sites.insert({
		id: DEMO_IDS.site,
		name: 'Acme storefront',
		site_id: DEMO_IDS.siteTrackingId,
		allowed_origins: ['https://www.acme.example', 'http://localhost:4180'],
	});

	state.analyses.insert({
		name: 'Baseline vs. title boost vs. hybrid',
		status: 'completed',
		endpoint_id: endpoints.productsStaging.id,
		query_set_id: querySets.topProductQueries.id,
		baseline: queryTemplates.bm25.id,
		query_template_ids: [queryTemplates.titleBoost.id, queryTemplates.hybrid.id],
		metrics: { rbo: 0.62, jaccard: 0.48 },
	});

	state.appClients.insert({
		client_id: 'n8n-automation',
		name: 'n8n automation',
		description: 'Scheduled evaluations and UBI ingestion from n8n',
		roles: ['Member'],
	});
	state.members.insert({ email: 'maria@acme.example', roles: ['Admin'], archived: false });
	state.members.insert({ email: 'li@acme.example', roles: ['Member'], archived: false });
	state.members.insert({ email: 'rater@acme.example', roles: ['Rater'], archived: false });

	for (let index = 1; index <= (options.extraEvaluations ?? 0); index += 1) {
		state.evaluations.insert({
			name: `Regression check #${index}`,
			endpoint_id: endpoints.productsStaging.id,
			query_set_id: querySets.longTail.id,
			query_template_id: queryTemplates.hybrid.id,
		});
	}

	if (options.autoAdvance ?? true) enableAutoAdvance(mock);

	return { corpora, endpoints, querySets, queryTemplates, evaluations, runs, judgmentLists, aiProvider, aiJudge, site, nightlyGate };
}
