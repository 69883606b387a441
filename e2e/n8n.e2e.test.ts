/*
 * End-to-end: the packed package inside the real n8n, on one n8n line per run (RELEVAL_E2E_N8N: 2, the default,
 * is the release pinned in e2e/n8n/package.json; 1 is the n8n 1.x of e2e/n8n-1/package.json). `npm test` runs
 * this file once per line. Where n8n 1.x behaves differently, the code branches on `install.line` and says why.
 *
 * 1. Headless (n8n CLI): a fresh user folder gets the tarball the way n8n installs community packages, the
 *    credential and the workflows (examples/ and e2e/workflows/) are imported, and the workflows are executed
 *    against the mock Releval: most together in one `n8n execute-batch` process, the rest with `n8n execute --id`
 *    (each its own process, which also proves that the token n8n stored is reused across processes). The tests
 *    assert on n8n's output (the full run data) and on the requests the mock received.
 * 2. Started n8n (`n8n start`): the credential test through n8n's REST API, the webhook example over HTTP, the
 *    published Releval Triggers, 30 s of webhook executions with 5-second tokens (a second mock Releval), the
 *    editor in headless Chromium, and n8n's log.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import {
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	CREDENTIAL_TYPE,
	credentialExport,
	executeBatch,
	executeWorkflow,
	freePort,
	importAll,
	installPackage,
	N8nRest,
	NODE_TYPE,
	nodeItems,
	PACKAGE_NAME,
	parseLog,
	publishWorkflow,
	startN8n,
	waitFor,
	type BatchOutput,
	type CommandResult,
	type ExecutionOutput,
	type N8nOptions,
	type RunningN8n,
} from './lib/n8n';
import { REPO_ROOT } from './lib/install';
import { ARTIFACTS_DIR, E2E_DIR, E2E_USER_FOLDER, readSetup, timed } from './lib/state';
import { screenshotFailedGate } from './lib/compareGate';
import { checkEditor } from './lib/editor';
import { DEFAULT_CLIENT, startMockReleval, type MockReleval } from '../test/mock/server';
import { DEMO_IDS, seedDemoData, type DemoData } from '../test/mock/seed';
import { NIGHTLY_METRICS } from '../test/mock/comparisonDemo';
import { runResults, seedRun, setRunResults, setRunStatus } from '../test/mock/lifecycle';
import { problem } from '../test/mock/state';

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const TEST_WORKFLOWS_DIR = path.join(REPO_ROOT, 'e2e', 'workflows');
/** More than one page of 100, so Return All must fetch a second page. */
const EXTRA_EVALUATIONS = 120;
/** The Releval Trigger example: Evaluation Run Finished (completed or failed) of the baseline evaluation, polled every minute. */
const TRIGGER_EXAMPLE = 'relevalExample06';
/** A Releval Trigger on Judgment List Uploaded (e2e/workflows), also published: its polls are made to fail once. */
const JUDGMENT_LIST_TRIGGER = 'e2eTriggerJdgList1';
/** A webhook workflow (e2e/workflows) whose credential points at a second mock Releval issuing short-lived tokens. */
const SHORT_TOKENS_WORKFLOW = 'e2eShortTokens01';
const SHORT_TOKENS_CREDENTIAL = { id: 'relevalShortTok01', name: 'Releval (5-second tokens)' };
const SHORT_TOKEN_LIFETIME_SECONDS = 5;

const { install, tarball } = readSetup();
/** Prefix of the describe blocks: which n8n (and line) this run tests. */
const ON_N8N = `n8n ${install.n8nVersion} (${install.line}.x, Node ${install.nodeVersion})`;
const userFolder = E2E_USER_FOLDER;
let options: N8nOptions & { port: number };
let mock: MockReleval;
/** A second mock Releval whose tokens live 5 s, for the short-lived-token case (its counts stay its own). */
let shortTokenMock: MockReleval;
let demo: DemoData;
/** Everything n8n printed in processes that were expected to succeed, for the log check. */
const logs: Array<{ what: string; text: string }> = [];

function keepLog(what: string, command: CommandResult): void {
	logs.push({ what, text: `${command.stdout}\n${command.stderr}` });
}

async function execute(id: string, expectSuccess = true): Promise<ExecutionOutput> {
	const output = await timed('n8n execute (CLI)', () => executeWorkflow(install, options, id));
	if (expectSuccess) keepLog(`execute ${id}`, output.command);
	if (!output.result) {
		throw new Error(`n8n execute --id=${id} returned no result (exit ${output.command.code})\n${output.command.stdout.slice(-3000)}\n${output.command.stderr.slice(-3000)}`);
	}
	if (expectSuccess && (output.command.code !== 0 || output.result.data?.resultData?.error)) {
		throw new Error(
			`Workflow ${id} failed: ${JSON.stringify(output.result.data?.resultData?.error, null, 2)?.slice(0, 3000)}\n${output.command.stderr.slice(-2000)}`,
		);
	}
	return output;
}

function requestsOf(operationId: string) {
	return mock.apiRequests.filter((request) => request.operationId === operationId);
}

beforeAll(async () => {
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	mock = await startMockReleval();
	demo = seedDemoData(mock, { extraEvaluations: EXTRA_EVALUATIONS });
	shortTokenMock = await startMockReleval({ tokenLifetimeSeconds: SHORT_TOKEN_LIFETIME_SECONDS, tokenPrefix: 'short-token' });
	seedDemoData(shortTokenMock);
	const port = await freePort();
	options = { userFolder, port, brokerPort: await freePort() };

	await timed('install package into n8n user folder', () => installPackage(install, userFolder, tarball));
	await timed('import credential + workflows', () =>
		importAll(
			install,
			options,
			[
				...credentialExport({ baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret }),
				...credentialExport(
					{ baseUrl: shortTokenMock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret },
					SHORT_TOKENS_CREDENTIAL.id,
					SHORT_TOKENS_CREDENTIAL.name,
				),
			],
			[EXAMPLES_DIR, TEST_WORKFLOWS_DIR],
			(workflow) => JSON.parse(JSON.stringify(workflow).split('__RELEVAL_BASE_URL__').join(mock.url)) as Record<string, unknown>,
		),
	);
}, 300_000);

afterAll(async () => {
	await mock?.stop();
	await shortTokenMock?.stop();
	writeFileSync(path.join(ARTIFACTS_DIR, 'n8n-cli.log'), logs.map((log) => `### ${log.what}\n${log.text}`).join('\n'));
	if (mock) {
		const requests = mock.requests.map((request) => ({
			method: request.method,
			path: request.path,
			query: request.query,
			operationId: request.operationId,
			status: request.status,
			token: String(request.headers.authorization ?? '').slice(0, 24),
		}));
		writeFileSync(path.join(ARTIFACTS_DIR, 'mock-requests.json'), JSON.stringify(requests, null, 2));
	}
});

describe(`${ON_N8N}: the package in n8n, headless (n8n execute-batch, n8n execute)`, () => {
	/** Workflows executed together in one n8n process; each is its own execution. (n8n runs them in id order.) */
	const BATCH = [
		'relevalExample01',
		'relevalExample02',
		'relevalExample04',
		'relevalExample05',
		'e2ePagination001',
		'e2eContinueErr01',
	];
	let batch: BatchOutput;
	let runsBefore: number;

	beforeAll(async () => {
		runsBefore = mock.state.runs.all().length;
		batch = await timed(`n8n execute-batch (${BATCH.length} workflows, 1 process)`, () =>
			executeBatch(install, options, BATCH, path.join(E2E_DIR, 'batch')),
		);
		keepLog('execute-batch', batch.command);
	}, 600_000);

	/** The run of one workflow of the batch; fails with n8n's own error message when it did not succeed. */
	function run(id: string): ExecutionOutput {
		const status = batch.summary.executions.find((execution) => execution.workflowId === id);
		if (!batch.runs[id] || status?.executionStatus !== 'success') {
			throw new Error(`Workflow ${id} did not succeed in n8n: ${status?.executionStatus ?? 'not run'} — ${status?.error ?? ''}`);
		}
		return batch.runs[id];
	}

	test('the package is installed where n8n installs community packages', () => {
		const manifest = JSON.parse(
			readFileSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'),
		) as { n8n: { nodes: string[]; credentials: string[] } };
		expect(manifest.n8n.nodes).toEqual(expect.arrayContaining(['dist/nodes/Releval/Releval.node.js']));
		expect(manifest.n8n.credentials).toEqual(['dist/credentials/RelevalOAuth2Api.credentials.js']);
	});

	test('example: scheduled evaluation run → wait for completion → metrics table and message', () => {
		const output = run('relevalExample01');
		const created = mock.state.runs.all().slice(runsBefore).find((candidate) => String(candidate.name).startsWith('Weekly run '));
		expect(created).toMatchObject({ evaluation_id: DEMO_IDS.evaluationBaseline, status: 'completed', scale: 'graded' });
		expect(created!.metrics).toEqual(['NDCG@10', 'MAP', 'MRR@10', 'P@5']);
		expect(requestsOf('startEvaluationRun').map((request) => request.path)).toEqual([`/api/v1/evaluations/runs/${created!.id}/start`]);
		// Wait for Completion polled the run until Releval said completed (queued → running → completed)
		const statusChecks = requestsOf('getEvaluationRun').filter((request) => request.path === `/api/v1/evaluations/runs/${created!.id}`);
		expect(statusChecks.length).toBeGreaterThanOrEqual(2);
		expect(nodeItems(output, 'Start run').map((item) => [item.id, item.status])).toEqual([[created!.id, 'completed']]);
		const [finished] = nodeItems(output, 'Start run');
		const metricValues = finished.metric_values as Record<string, number>;
		const table = nodeItems(output, 'Metrics table');
		expect(table.map((row) => row.metric)).toEqual(['NDCG@10', 'MAP', 'MRR@10', 'P@5']);
		for (const row of table) {
			expect(row).toEqual({ run: created!.name, metric: row.metric, value: metricValues[String(row.metric)] });
			expect(typeof row.value).toBe('number');
		}
		const [message] = nodeItems(output, 'Summary message');
		expect(message.text).toMatch(/^Releval: "Weekly run [^"]+" completed\. NDCG@10 \d\.\d{3} · MAP \d\.\d{3} · MRR@10 \d\.\d{3} · P@5 \d\.\d{3}$/);
	});

	test('example: create a query set from spreadsheet rows', () => {
		const output = run('relevalExample02');
		const requests = requestsOf('createQuerySet');
		expect(requests).toHaveLength(1);
		const sent = requests[0].body as { name: string; queries: Array<Record<string, unknown>> };
		expect(sent.name).toMatch(/^Top searches \d{4}-\d{2}$/);
		// five rows pass the filter; the sixth (12 monthly searches) does not
		expect(sent.queries.map((query) => query.query)).toEqual([
			'wireless headphones',
			'usb-c charger',
			'trail running shoes',
			'burr coffee grinder',
			'standing desk',
		]);
		expect(sent.queries[0]).toMatchObject({ category: 'electronics', monthly_searches: 1840 });
		const [created] = nodeItems(output, 'Create query set');
		expect(mock.state.querySets.get(String(created.id))).toMatchObject({ name: sent.name });
	});

	test('example: run an AI judge on the latest finished run', () => {
		const output = run('relevalExample04');
		const started = requestsOf('startAiJudgingRun');
		expect(started).toHaveLength(1);
		expect(started[0].body).toEqual({ ai_judge_id: DEMO_IDS.aiJudge });
		const judgedRunId = started[0].path.split('/')[5];
		const judged = mock.state.runs.get(judgedRunId);
		// a completed, unlocked run of the baseline evaluation (week 1 is locked; "next week" is pending)
		expect(judged).toMatchObject({ evaluation_id: DEMO_IDS.evaluationBaseline, status: 'completed', locked: false });
		expect(judgedRunId).not.toBe(demo.runs.baselineWeek1.id);
		// Wait for Completion returned the judging run as it ended
		const [judging] = nodeItems(output, 'Start AI judging');
		expect(judging).toMatchObject({ status: 'completed', evaluation_run_id: judgedRunId });
		expect(requestsOf('getAiJudgingRun').filter((request) => request.path.endsWith(`/${String(judging.id)}`)).length).toBeGreaterThanOrEqual(1);
		const [summary] = nodeItems(output, 'Summary');
		expect(summary.run).toBe(judged.name);
		expect(summary.judged).toBeGreaterThan(0);
		expect(summary.metric_values).toEqual(judged.metric_values);
	});

	test('example: upload a judgment list from a file', () => {
		const output = run('relevalExample05');
		const [upload] = requestsOf('uploadJudgmentList');
		expect(upload.body).toMatchObject({ corpus_id: DEMO_IDS.corpusProducts, type: 'explicit', scale: 'graded' });
		const file = Object.values(upload.files ?? {})[0];
		expect(file?.filename).toBe('merchandising-ratings.json');
		const rows = JSON.parse(file?.data.toString('utf8') ?? '[]') as Array<Record<string, unknown>>;
		expect(rows).toHaveLength(7);
		expect(rows[0]).toEqual({ query: 'wireless headphones', doc_id: 'SKU-1001', grade: 4 });
		const [created] = nodeItems(output, 'Upload judgment list');
		expect(created.id).toEqual(expect.any(String));
		expect(created.name).toMatch(/^Merchandising ratings \d{4}-\d{2}-\d{2}$/);
	});

	test('Get Many with Return All pages through every evaluation (more than 100)', () => {
		const items = nodeItems(run('e2ePagination001'), 'List all evaluations');
		expect(items.length).toBeGreaterThan(100);
		expect(items).toHaveLength(mock.state.evaluations.all().length);
		expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
		const pages = requestsOf('listEvaluations')
			.filter((request) => request.query.pageSize === '100')
			.map((request) => request.query.page);
		expect(pages).toEqual(['1', '2']);
	});

	test('continue on error: the failing item becomes an error item, the others pass', () => {
		const items = nodeItems(run('e2eContinueErr01'), 'Get evaluation');
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ id: DEMO_IDS.evaluationBaseline, name: 'Product search — baseline' });
		expect(items[2]).toMatchObject({ id: DEMO_IDS.evaluationMovies, name: 'Movies — edismax' });
		expect(items[1].id).toBeUndefined();
		expect(JSON.stringify(items[1])).toMatch(/not found/i);
		expect(JSON.stringify(items[1])).toContain('01JDEM0EVA9999999999999999');
	});

	test('a problem-details failure shows status, title and field errors in the execution error', async () => {
		mock.injectFault({
			operationId: 'createEvaluation',
			status: 400,
			headers: { 'content-type': 'application/problem+json' },
			body: {
				type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
				title: 'One or more validation errors occurred.',
				status: 400,
				errors: {
					name: ['An evaluation named "Rejected on purpose" already exists.'],
					query_set_id: ['The query set has no queries.'],
				},
				traceId: '00-e2e00000000000000000000000000000-0000000000000000-01',
			},
		});
		const output = await execute('e2eProblemDet001', false);
		expect(output.command.code).toBe(1);
		expect(mock.pendingFaults).toHaveLength(0);
		expect(output.result?.data?.resultData?.lastNodeExecuted).toBe('Create evaluation');
		const error = output.result?.data?.resultData?.error as Record<string, unknown>;
		expect(error.message).toBe('One or more validation errors occurred.');
		expect(String(error.httpCode)).toBe('400');
		expect(String(error.description)).toContain('name: An evaluation named "Rejected on purpose" already exists.');
		expect(String(error.description)).toContain('query_set_id: The query set has no queries.');
		// and the CLI shows it to the user
		expect(output.command.stdout + output.command.stderr).toContain('One or more validation errors occurred.');
	});

	test('the token is fetched once and reused across executions and n8n processes', async () => {
		const output = await execute('e2eTokenReuse001');
		expect(nodeItems(output, 'List evaluations')).toHaveLength(3);
		// three n8n processes (batch, problem details, this one), eight executions, one token request
		const sequence = mock.requests.map((request) => `${request.operationId ?? request.path} ${String(request.headers.authorization ?? '').slice(7, 24)}`);
		expect({ tokenRequests: mock.tokenRequests.length, sequence }).toEqual({ tokenRequests: 1, sequence });
		const tokens = new Set(mock.apiRequests.map((request) => String(request.headers.authorization)));
		expect([...tokens]).toEqual([`Bearer ${mock.issuedTokens[0]}`]);
		expect(mock.contractViolations).toEqual([]);
	});

	test("n8n's HTTP Request node calls Releval with the predefined Releval credential (custom API call)", async () => {
		const tokenRequests = mock.tokenRequests.length;
		const output = await execute('e2eHttpRequest01');
		const [page] = nodeItems(output, 'Custom API call');
		expect(page).toMatchObject({ page: 1, pageSize: 2, total: mock.state.evaluations.all().length });
		expect((page.items as unknown[]).length).toBe(2);
		const [request] = mock.apiRequests.filter((recorded) => recorded.operationId === 'listEvaluations' && recorded.query.pageSize === '2');
		// the token the node's executions stored is reused by the HTTP Request node too
		expect(String(request.headers.authorization)).toBe(`Bearer ${mock.issuedTokens[0]}`);
		expect(mock.tokenRequests).toHaveLength(tokenRequests);
	});

	test('a revoked token: the 401s of three items lead to ONE new token, and every request is retried', async () => {
		mock.revokeTokens();
		const tokenRequests = mock.tokenRequests.length;
		const apiRequests = mock.apiRequests.length;
		const output = await execute('e2eRevokedTok01');
		expect(nodeItems(output, 'Get evaluation').map((item) => item.id)).toEqual([
			DEMO_IDS.evaluationBaseline,
			DEMO_IDS.evaluationTitleBoost,
			DEMO_IDS.evaluationMovies,
		]);
		expect(mock.tokenRequests.length - tokenRequests).toBe(1);
		const statuses = mock.apiRequests.slice(apiRequests).map((request) => request.status);
		expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(1);
		expect(statuses.filter((status) => status === 200)).toHaveLength(3);
	});
});

describe(`${ON_N8N}: example 08, the nightly relevance gate (Evaluation Run → Compare)`, () => {
	const COMPARE = 'Compare with previous run';

	test('the first night regresses from the previous run (an alert names each metric); the next night passes and is locked', async () => {
		const first = await execute('relevalExample08');
		// the Compare node has two outputs: nothing passed, the regression left by "Regressed"
		expect(nodeItems(first, COMPARE, 0)).toEqual([]);
		const [verdict] = nodeItems(first, COMPARE, 1);
		expect(verdict).toMatchObject({
			verdict: 'regressed',
			regressed_metrics: ['NDCG@10', 'MAP', 'MRR@10'],
			baseline: { id: demo.nightlyGate.tuesday.id, chosen_as: 'the previous completed run of the same evaluation' },
			metrics: { 'NDCG@10': { baseline: 1, candidate: 0.8423, delta: -0.1577, regressed: true, max_drop: 0.01 } },
		});
		const [alert] = nodeItems(first, 'Regression alert');
		expect(alert.text).toMatch(
			/^Relevance gate: "Nightly [^"]+" made search worse than "Nightly — Tuesday"\. NDCG@10 1\.000 → 0\.842 \(-0\.158\) · MAP 1\.000 → 0\.883 \(-0\.117\) · MRR@10 1\.000 → 0\.900 \(-0\.100\)$/,
		);
		expect(nodeItems(first, 'Lock as new baseline')).toEqual([]);

		const second = await execute('relevalExample08');
		expect(nodeItems(second, COMPARE, 1)).toEqual([]);
		const firstRun = verdict.candidate as { id: string };
		expect(nodeItems(second, COMPARE, 0)).toMatchObject([{ verdict: 'passed', baseline: { id: firstRun.id } }]);
		expect(nodeItems(second, 'Regression alert')).toEqual([]);
		const [locked] = nodeItems(second, 'Lock as new baseline');
		expect(locked).toMatchObject({ evaluation_id: DEMO_IDS.evaluationNightly, locked: true, status: 'completed' });
		expect(mock.state.runs.get(String(locked.id)).locked).toBe(true);
	});
});

describe(`${ON_N8N}: the package in a started n8n (REST API, webhooks, polling trigger, editor)`, () => {
	/**
	 * Published before n8n starts, so n8n activates them at start: the webhook example, two Releval Triggers and
	 * the short-lived-token webhook. (n8n 1.x has no publishing: publishWorkflow activates them there.)
	 */
	const PUBLISHED = ['relevalExample03', TRIGGER_EXAMPLE, JUDGMENT_LIST_TRIGGER, SHORT_TOKENS_WORKFLOW];
	let n8n: RunningN8n;
	let rest: N8nRest;
	/** Requests before n8n started: the ones after are the Releval Triggers' polls. */
	let requestsBeforeStart = 0;

	beforeAll(async () => {
		for (const id of PUBLISHED) {
			const published = await publishWorkflow(install, options, id);
			expect(published.code).toBe(0);
			keepLog(`publish ${id}`, published);
		}
		requestsBeforeStart = mock.apiRequests.length;
		n8n = await timed('n8n start until ready', () => startN8n(install, options));
		rest = new N8nRest(n8n.url, install.line);
		expect(await rest.signIn()).toBe('created');
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
		if (n8n) {
			writeFileSync(path.join(ARTIFACTS_DIR, 'n8n-start.log'), n8n.output());
			logs.push({ what: 'n8n start', text: n8n.output() });
		}
	});

	test('n8n lists the Releval node, the Releval Trigger and the credential type', async () => {
		const nodeTypes = await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie: rest.authCookie } }).then(
			(response) => response.json() as Promise<Array<{ name: string; displayName: string; polling?: boolean }>>,
		);
		expect(nodeTypes.find((type) => type.name === NODE_TYPE)).toMatchObject({ displayName: 'Releval' });
		expect(nodeTypes.find((type) => type.name === 'n8n-nodes-releval.relevalTrigger')).toMatchObject({
			displayName: 'Releval Trigger',
			polling: true,
		});
		const credentialTypes = await fetch(`${n8n.url}/types/credentials.json`, { headers: { cookie: rest.authCookie } }).then(
			(response) => response.json() as Promise<Array<{ name: string; displayName: string }>>,
		);
		expect(credentialTypes.find((type) => type.name === CREDENTIAL_TYPE)).toMatchObject({ displayName: 'Releval OAuth2 API' });
	});

	async function testCredential(clientSecret: string) {
		return await rest.request<{ data: { status: string; message: string } }>('POST', '/credentials/test', {
			credentials: {
				id: CREDENTIAL_ID,
				name: CREDENTIAL_NAME,
				type: CREDENTIAL_TYPE,
				data: { baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret, tokenUrl: '', allowInsecureHttp: false },
			},
		});
	}

	test("n8n's credential test passes with the right secret", async () => {
		const response = await testCredential(DEFAULT_CLIENT.clientSecret);
		expect(response.status).toBe(200);
		expect(response.body.data).toMatchObject({ status: 'OK' });
	});

	test("n8n's credential test fails with a wrong secret, naming the problem", async () => {
		const tokenRequestsBefore = mock.tokenRequests.length;
		const response = await testCredential('not-the-secret');
		expect(response.status).toBe(200);
		expect(response.body.data.status).toBe('Error');
		expect(response.body.data.message).toContain('Client ID or Client Secret is invalid');
		expect(response.body.data.message).not.toContain('not-the-secret');
		expect(mock.tokenRequests.length).toBeGreaterThan(tokenRequestsBefore);
	});

	test('example: webhook search traffic → UBI query and events', async () => {
		const response = await timed('webhook example', () =>
			fetch(`${n8n.url}/webhook/releval-search-events`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ query: 'wireless headphones', clientId: 'visitor-42', results: ['SKU-1', 'SKU-2', 'SKU-3'], clicked: 'SKU-2' }),
			}),
		);
		const text = await response.text();
		expect(response.status).toBe(200);
		const answer = JSON.parse(text) as { query_id: string; events: number };
		expect(answer.query_id).toEqual(expect.any(String));
		const [trackQuery] = requestsOf('trackQuery');
		expect(trackQuery.body).toMatchObject({
			application: 'web-shop-search',
			user_query: 'wireless headphones',
			client_id: 'visitor-42',
			query_response_hit_ids: ['SKU-1', 'SKU-2', 'SKU-3'],
		});
		const [trackEvents] = requestsOf('trackEvents');
		const events = (trackEvents.body as { events: Array<Record<string, unknown>> }).events;
		expect(events.map((event) => event.action_name)).toEqual(['impression', 'impression', 'impression', 'click']);
		for (const event of events) {
			expect(event).toMatchObject({ query_id: answer.query_id, site_id: DEMO_IDS.siteTrackingId, client_id: 'visitor-42' });
		}
		expect(events[3]).toMatchObject({ event_attributes: { object: { object_id: 'SKU-2' }, position: { ordinal: 2 } } });
		expect(answer.events).toBe(4);
	});

	describe('Releval Triggers, published: example 06 (Evaluation Run Finished) and Judgment List Uploaded', () => {
		/** The polls of a trigger so far: what n8n requested since it started. */
		const pollsOf = (operationId: string, path: string) =>
			mock.apiRequests.slice(requestsBeforeStart).filter((request) => request.operationId === operationId && request.path === path);
		/** Example 06 reads the baseline evaluation's runs (one page here). */
		const runPolls = () => pollsOf('listEvaluationRuns', `/api/v1/evaluations/${DEMO_IDS.evaluationBaseline}/runs`);
		const judgmentListPolls = () => pollsOf('listJudgmentLists', '/api/v1/judgment-lists');
		const triggerExecutions = async (workflowId: string) =>
			(await rest.executions(workflowId)).filter((execution) => execution.mode === 'trigger' && !['new', 'running'].includes(execution.status));
		const finishedRuns: Record<'completed' | 'failed' | 'cancelled', string> = { completed: '', failed: '', cancelled: '' };
		let uploadedListId = '';
		let judgmentListPollsBeforeFault = 0;
		const REFUSAL = { title: 'Forbidden', detail: 'The App Client "n8n automations" lacks the Member role needed to list judgment lists.' };

		test('the first poll of each, when n8n activates the workflows, only takes note: no execution', async () => {
			await timed('Releval Triggers: first polls', () =>
				waitFor('the first polls of both triggers', () => (runPolls().length > 0 && judgmentListPolls().length > 0 ? true : undefined), 60_000),
			);
			expect(await rest.executions(TRIGGER_EXAMPLE)).toEqual([]);
			expect(await rest.executions(JUDGMENT_LIST_TRIGGER)).toEqual([]);
			expect([runPolls()[0].status, judgmentListPolls()[0].status]).toEqual([200, 200]);

			// for the failure case below: the judgment-list trigger's next poll is refused with problem details, and
			// a list is uploaded meanwhile
			judgmentListPollsBeforeFault = judgmentListPolls().length;
			mock.injectFault({ operationId: 'listJudgmentLists', ...problem(403, REFUSAL.title, REFUSAL.detail) });
			uploadedListId = mock.state.judgmentLists.insert({
				name: 'Merchandising ratings (uploaded while the poll failed)',
				corpus_id: DEMO_IDS.corpusProducts,
				type: 'explicit',
				scale: 'graded',
				row_count: 7,
			}).id;
		});

		test("Fetch Test Event (a manual run through n8n's REST API) returns the latest finished run and runs the workflow with it", async () => {
			// three runs of the baseline evaluation end, a millisecond apart by Releval's clock: completed, failed,
			// cancelled. (Synchronous code: the mock answers no poll in between, so no poll sees only some of them.)
			const endedAt = Date.now();
			(['completed', 'failed', 'cancelled'] as const).forEach((status, index) => {
				const run = seedRun(mock, { evaluation_id: DEMO_IDS.evaluationBaseline, name: `Nightly run (${status})`, status: 'running' });
				setRunStatus(mock, run.id, status, status === 'failed' ? { error: 'The search endpoint answered 503 for 12 of 40 queries' } : {});
				mock.state.runs.get(run.id).updated = new Date(endedAt + index).toISOString();
				finishedRuns[status] = run.id;
			});
			const executionId = await rest.runFromTrigger(TRIGGER_EXAMPLE, 'Releval Trigger');
			// Watched in the execution list, which holds no run data: n8n 1.x marks an execution finished before it has
			// written its run data (another table), and reading it in between finds none (n8n logs that as an error).
			await waitFor(
				'the manual run to finish',
				async () => {
					const listed = (await rest.executions(TRIGGER_EXAMPLE)).find((candidate) => candidate.id === executionId);
					return listed && !['new', 'running'].includes(listed.status) ? true : undefined;
				},
				60_000,
			);
			await sleep(1_000);
			const execution = await rest.execution(executionId);
			expect(execution.result?.status).toBe('success');
			// the newest run whose status is watched (completed or failed): the failed one; the cancelled one is not watched
			expect(nodeItems(execution, 'Releval Trigger').map((item) => item.id)).toEqual([finishedRuns.failed]);
			expect(nodeItems(execution, 'Failure alert')).toEqual([
				{ text: 'Releval: "Nightly run (failed)" failed: The search endpoint answered 503 for 12 of 40 queries', run_id: finishedRuns.failed },
			]);
		});

		test('the next scheduled poll starts ONE execution with each run that finished since; later polls do not repeat them', async () => {
			const [execution] = await timed('Releval Trigger: wait for the next scheduled poll', () =>
				waitFor(
					'an execution started by the Releval Trigger (it polls every minute)',
					async () => {
						const executions = await triggerExecutions(TRIGGER_EXAMPLE);
						return executions.length > 0 ? executions : undefined;
					},
					90_000,
					1_000,
				),
			);
			const pollsAtExecution = runPolls().length;
			expect(execution.status).toBe('success');
			const output = await rest.execution(execution.id);
			const emitted = nodeItems(output, 'Releval Trigger');
			expect(emitted.map((item) => item.id).sort()).toEqual([finishedRuns.completed, finishedRuns.failed].sort());
			const completed = mock.state.runs.get(finishedRuns.completed);
			expect(emitted.find((item) => item.id === finishedRuns.completed)).toMatchObject({ status: 'completed', metric_values: completed.metric_values });
			const [summary] = nodeItems(output, 'Summary message');
			expect(summary).toEqual({ text: expect.stringMatching(/^Releval: "Nightly run \(completed\)" completed\. NDCG@10 \d\.\d{3}/), run_id: finishedRuns.completed });
			expect(nodeItems(output, 'Failure alert').map((item) => item.run_id)).toEqual([finishedRuns.failed]);

			// one more poll sees the same runs: nothing new, so no execution (n8n saved the trigger's record of them)
			await timed('Releval Trigger: wait for one more poll', () =>
				waitFor('one more poll of the Releval Trigger', () => (runPolls().length > pollsAtExecution ? true : undefined), 90_000, 1_000),
			);
			await sleep(3_000);
			expect((await triggerExecutions(TRIGGER_EXAMPLE)).map((candidate) => candidate.id)).toEqual([execution.id]);
		}, 240_000);

		test('a poll that Releval refuses (403) is a failed execution with the problem details; the next poll still emits the list uploaded meanwhile, once', async () => {
			const executions = await timed('Releval Trigger: wait for the refused poll and the next one', () =>
				waitFor(
					'a failed and then a successful execution of the judgment-list trigger',
					async () => {
						const found = await triggerExecutions(JUDGMENT_LIST_TRIGGER);
						return found.some((execution) => execution.status === 'success') ? found : undefined;
					},
					150_000,
					1_000,
				),
			);
			const refusedPolls = judgmentListPolls().slice(judgmentListPollsBeforeFault).filter((request) => request.status === 403);
			expect(refusedPolls).toHaveLength(1);
			// newest first: the failed poll, then the one that emitted
			expect(executions.map((execution) => execution.status)).toEqual(['success', 'error']);
			const failed = await rest.execution(executions[1].id);
			const error = failed.result?.data?.resultData?.error as { message?: string; description?: string };
			writeFileSync(path.join(ARTIFACTS_DIR, 'trigger-failed-poll.json'), JSON.stringify(failed.result, null, 2));
			// a 403 says what it means for an App Client (see shared/errors.ts); Releval's detail is in the description
			expect(error.message).toBe("The App Client's roles do not allow this operation");
			expect(error.description).toContain(REFUSAL.detail);
			expect(failed.result?.data?.resultData?.lastNodeExecuted ?? JSON.stringify(error)).toContain('New judgment list');
			const emitted = nodeItems(await rest.execution(executions[0].id), 'New judgment list');
			expect(emitted.map((item) => item.id)).toEqual([uploadedListId]);
		}, 200_000);
	});

	test(`short-lived tokens (${SHORT_TOKEN_LIFETIME_SECONDS} s) across 30 s of webhook executions, one a second: every execution succeeds, the token is renewed about once per half lifetime`, async () => {
		const calls: Array<{ status: number; body: string }> = [];
		const started = Date.now();
		await timed('short-lived tokens: 30 s of webhook executions', async () => {
			while (Date.now() - started < 30_000) {
				const response = await fetch(`${n8n.url}/webhook/releval-e2e-short-lived-tokens`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				calls.push({ status: response.status, body: await response.text() });
				await sleep(1_000);
			}
		});
		const elapsedSeconds = (Date.now() - started) / 1000;
		const tokenRequests = shortTokenMock.tokenRequests.length;
		writeFileSync(
			path.join(ARTIFACTS_DIR, 'short-lived-tokens.json'),
			JSON.stringify({ elapsedSeconds, tokenRequests, calls, requests: shortTokenMock.requests.map((request) => `${request.method} ${request.path} ${request.status}`) }, null, 2),
		);
		// every call answered with the evaluation (n8n answers 500 when the workflow fails)
		expect(calls.length).toBeGreaterThanOrEqual(20);
		expect(calls.filter((call) => call.status !== 200)).toEqual([]);
		for (const call of calls) expect(JSON.parse(call.body)).toMatchObject({ id: DEMO_IDS.evaluationBaseline });
		// and n8n saved each as a successful execution, no failed one
		const executions = await waitFor(
			'every execution of the short-lived-token webhook to be saved',
			async () => {
				const found = (await rest.executions(SHORT_TOKENS_WORKFLOW)).filter((execution) => !['new', 'running'].includes(execution.status));
				return found.length >= calls.length ? found : undefined;
			},
			30_000,
		);
		expect(executions.map((execution) => execution.status)).toEqual(calls.map(() => 'success'));
		// Renewed, and bounded: a token lives 5 s, so the calls of 30 s need at least one per lifetime; the
		// credential stops using a token half-way through a life this short, so at most one per half lifetime
		// (plus the first).
		expect(tokenRequests).toBeGreaterThanOrEqual(Math.floor(elapsedSeconds / SHORT_TOKEN_LIFETIME_SECONDS));
		expect(tokenRequests).toBeLessThanOrEqual(Math.ceil(elapsedSeconds / (SHORT_TOKEN_LIFETIME_SECONDS / 2)) + 1);
		// each Releval call answered 200 in the end: a 401 (a token held back or expired) only ever led to a renewal.
		// One 401 per renewal; on n8n 1.x two: n8n-core 1.x hands the first 401 back as a response, and the transport
		// sends the request once more with status errors thrown so that n8n renews (nodes/shared/transport.ts).
		const unauthorizedPerRenewal = install.line === 1 ? 2 : 1;
		const statuses = shortTokenMock.apiRequests.map((request) => request.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(calls.length);
		expect(statuses.filter((status) => status !== 200 && status !== 401)).toEqual([]);
		expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(tokenRequests * unauthorizedPerRenewal);
		expect(shortTokenMock.contractViolations).toEqual([]);
	}, 120_000);

	test('n8n lists the credentials with their data, as the editor loads them, once tokens are stored in them; no secret or token shows', async () => {
		// (by now both credentials hold a token that n8n stored: the example executions and the short-lived case)
		const response = await rest.request<{ data: Array<{ id: string; data?: Record<string, unknown> }> }>(
			'GET',
			'/credentials?includeScopes=true&includeData=true',
		);
		expect(response.status).toBe(200);
		expect(response.body.data.map((credential) => credential.id)).toEqual(expect.arrayContaining([CREDENTIAL_ID, SHORT_TOKENS_CREDENTIAL.id]));
		const listed = JSON.stringify(response.body);
		expect(listed).not.toContain(DEFAULT_CLIENT.clientSecret);
		for (const token of [...mock.issuedTokens, ...shortTokenMock.issuedTokens]) expect(listed).not.toContain(token);
	});

	test("the editor: the Releval node from the node panel (icon, resources, operations, a list); the Releval Trigger's panel and Fetch Test Event", async () => {
		const result = await timed('browser (Chromium) editor checks', () =>
			checkEditor({
				url: n8n.url,
				authCookie: rest.authCookie,
				screenshotDir: ARTIFACTS_DIR,
				workflowId: 'e2eEditorCanvas1',
				triggerWorkflowId: TRIGGER_EXAMPLE,
				line: install.line,
			}),
		);
		writeFileSync(path.join(ARTIFACTS_DIR, 'editor-check.json'), JSON.stringify(result, null, 2));
		expect(result.iconLoaded).toBe(true);
		// (the panel renders the first few dozen actions; the rest appear on scrolling)
		expect(result.actionCount).toBeGreaterThan(50);
		expect(result.actions).toEqual(expect.arrayContaining(['Start an AI judging run', 'Get an evaluation', 'Create an evaluation run']));
		expect(result.resources).toEqual(
			expect.arrayContaining(['Evaluation', 'Evaluation Run', 'Query Set', 'Judgment List', 'AI Judging Run', 'User Behavior Insights']),
		);
		expect(result.operations).toEqual(expect.arrayContaining(['Create', 'Delete', 'Get', 'Get Many', 'Update']));
		// the "From list" dropdown of the Evaluation resource locator, filled from the sandbox
		expect(result.listItems.slice(0, 3)).toEqual(['Product search — baseline', 'Product search — title boost', 'Movies — edismax']);
		// the HTTP Request node offers the Releval credential as a predefined credential type
		expect(result.httpRequestCredentialTypes).toContain('Releval OAuth2 API');
		// the Releval Trigger's panel: its parameters, and Fetch Test Event showing the latest finished run (see above)
		expect(result.triggerParameters).toEqual(expect.arrayContaining(['event', 'evaluationId', 'statuses', 'pollTimes']));
		expect(result.triggerTestEvent).toContain('Nightly run (failed)');
		// n8n answers 404 for the output schema of community nodes without __schema__ files; nothing else failed.
		// The 1.x editor also asks, unrelated to this package, for AI assistant sessions (403: not licensed) and
		// for each opened workflow's last successful execution (404 when there is none); 2.x does neither.
		const expectedFailures = [/^404 GET \/schemas\/n8n-nodes-releval\./];
		if (install.line === 1) expectedFailures.push(/^403 POST \/rest\/ai\/sessions\/metadata$/, /^404 GET \/rest\/workflows\/[^/]+\/executions\/last-successful$/);
		const unexpectedFailures = result.failedResponses.filter(
			(response) => !expectedFailures.some((expected) => expected.test(response.replace(`${n8n.url}`, ''))),
		);
		expect(unexpectedFailures).toEqual([]);
		// (the browser logs each failed response; the 403s on 1.x are the AI sessions' above, and the 1.x editor
		// also logs that refusal itself)
		const expectedConsoleErrors = install.line === 1 ? /status of 40[34]|^Failed to fetch sessions metadata: ResponseError: Plan lacks license/ : /status of 404/;
		expect(result.consoleErrors.filter((error) => !expectedConsoleErrors.test(error))).toEqual([]);
		// the only request beyond loopback: the editor looking the package up on the npm registry (blocked here)
		expect(result.blockedRequests.filter((url) => !url.startsWith('https://registry.npmjs.org/n8n-nodes-releval'))).toEqual([]);
	}, 300_000);

	test('example 08 from the editor: Execute workflow, the gate fails, the Compare node shows the "Regressed" output', async () => {
		// a better run than what the mock's next run returns, as the previous completed run: the gate must fail
		const better = seedRun(mock, { evaluation_id: DEMO_IDS.evaluationNightly, name: 'Nightly — hand-tuned', metrics: NIGHTLY_METRICS, status: 'completed' });
		setRunResults(mock, better.id, runResults(mock, demo.nightlyGate.tuesday.id).map((query) => ({ ...query, candidates: query.candidates.map((candidate) => ({ ...candidate })) })));
		const shots = await timed('browser (Chromium) example 08', () =>
			screenshotFailedGate({
				url: n8n.url,
				authCookie: rest.authCookie,
				screenshotDir: ARTIFACTS_DIR,
				workflowId: 'relevalExample08',
				compareNode: 'Compare with previous run',
				alertNode: 'Regression alert',
			}),
		);
		expect(shots.outputText).toContain('regressed');
		expect(shots.outputText).toContain('NDCG@10');
	}, 300_000);

	test('n8n logged no warning or error about this package', () => {
		// parse every JSON log line n8n printed in the processes that were expected to succeed, this one included
		// (its log joins `logs` only when it stops)
		const problems = [...logs, { what: 'n8n start', text: n8n.output() }].flatMap((log) =>
			parseLog(log.text)
				.filter((line) => line.level === 'warn' || line.level === 'error' || /^(warn|error)\b/i.test(String(line.message)))
				.filter((line) => /releval|community package|custom node|Unrecognized node type|could not be loaded|failed to load/i.test(JSON.stringify(line)))
				.map((line) => `${log.what}: ${String(line.level)} ${String(line.message).slice(0, 300)}`),
		);
		expect(problems).toEqual([]);
		// and every workflow that uses it found its node types at start
		expect(n8n.output()).not.toMatch(/Unrecognized node type: n8n-nodes-releval/);
	});
});
