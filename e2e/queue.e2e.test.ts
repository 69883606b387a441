/**
 * The package on n8n's queue mode (issue 13): a real cluster — Postgres, Redis, n8n main (EXECUTIONS_MODE=queue),
 * two workers and a webhook processor, each n8n process with the package installed in its own user folder —
 * against the mock Releval, on the n8n line RELEVAL_E2E_N8N chooses (1 or 2, default 2). Run with `npm run test:queue`
 * (`RELEVAL_E2E_N8N=1 npm run test:queue` for n8n 1.x); `npm test` runs it on both lines. Every case prints its
 * figures and its duration; the figures of the run are also written to artifacts/queue-n8n-<line>/figures.json.
 *
 * 1. Webhook load: the UBI webhook example (03), published, receives RELEVAL_QUEUE_CALLS calls (default 1,000),
 *    RELEVAL_QUEUE_CONCURRENCY at a time (default 20), through the webhook processor. Every call is answered with
 *    its query_id; the mock holds exactly one tracked query per call and its four events; both workers ran
 *    executions (which worker ran each one: artifacts/queue-n8n-<line>/webhook-load.json).
 * 2. Tokens across processes: every token revoked twice in the middle of a load: 0 failed executions, and token
 *    requests stay within the processes that called Releval, plus that many per revocation.
 * 3. A scheduled Return All of 10,000 evaluations runs on a worker and returns exactly what `n8n execute` (one
 *    process, regular mode) returns.
 * 4. The Releval Trigger (example 06), published: each finished run starts exactly one execution.
 * 5. Binary data (the line's mode, queue-env.ts: `database` on 2.x, `default` on 1.x): example 05 on a worker, and
 *    a file posted to a webhook (received by the webhook processor, uploaded by a worker).
 * 6. The trigger across restarts of the main: runs change status between polls and while the main is down; no
 *    event lost, none emitted twice.
 * 7. A worker stopped with SIGTERM in the middle of a load: what n8n does with the executions it held (it differs
 *    between the lines: queue.ts, WORKER_SHUTDOWN); no Releval write lost, none doubled beyond what n8n re-ran.
 *
 * The trigger cases share the waits: n8n polls at most once a minute, so the runs of case 4 change right after the
 * first poll (at start) and the scheduled polls happen while cases 1–3, 5 and 7 run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { seedRun, setRunStatus } from '../test/mock/lifecycle';
import { DEFAULT_CLIENT, startMockReleval, type MockReleval, type RecordedRequest } from '../test/mock/server';
import { DEMO_IDS, seedDemoData } from '../test/mock/seed';
import { REPO_ROOT } from './lib/install';
import { credentialExport, executeWorkflow, freePort, N8nRest, nodeItems, parseLog, waitFor, type ExecutionSummary } from './lib/n8n';
import { startQueueCluster, WORKER_SHUTDOWN, type QueueCluster } from './lib/queue';
import { fixedQueueModeEnvironment } from './lib/queue-env';
import { QUEUE_ARTIFACTS_DIR, readQueueSetup } from './lib/queue-state';

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const QUEUE_WORKFLOWS_DIR = path.join(REPO_ROOT, 'e2e', 'queue-workflows');
const WEBHOOK_EXAMPLE = 'relevalExample03';
const UPLOAD_EXAMPLE = 'relevalExample05';
const TRIGGER_EXAMPLE = 'relevalExample06';
const RETURN_ALL_WORKFLOW = 'queueReturnAll01';
const BINARY_WEBHOOK_WORKFLOW = 'queueBinaryHook01';

const CALLS = Number(process.env.RELEVAL_QUEUE_CALLS ?? 1000);
const CONCURRENCY = Number(process.env.RELEVAL_QUEUE_CONCURRENCY ?? 20);
/** The load during which every token is revoked twice (at a third and two thirds of it). */
const REVOCATION_CALLS = 400;
/** The load during which a worker gets SIGTERM (a third of the way in). */
const SIGTERM_CALLS = 300;
const RETURN_ALL_ITEMS = 10_000;
const WORKERS = 2;

const { install, tarball } = readQueueSetup();
/** The binary data mode of this line's queue mode (queue-env.ts): `database` on n8n 2.x, `default` on 1.x. */
const BINARY_DATA_MODE = fixedQueueModeEnvironment(install.line).N8N_DEFAULT_BINARY_DATA_MODE;
const ON_N8N = `n8n ${install.n8nVersion} queue mode (main + ${WORKERS} workers + webhook processor, Postgres, Redis; Node ${install.nodeVersion})`;

let mock: MockReleval;
let cluster: QueueCluster;
let rest: N8nRest;
/** Every case's figures, written to artifacts/queue-n8n-<line>/figures.json at the end. */
const figures: Record<string, unknown> = {};

// ---------------------------------------------------------------------------------------------------------------
// The Releval Trigger's timeline (cases 4 and 6), driven by its polls as the mock sees them

const TRIGGER_RUNS_PATH = `/api/v1/evaluations/${DEMO_IDS.evaluationBaseline}/runs`;
/** Runs of the watched evaluation that change status during the suite, by name. */
const triggerRuns: Record<string, string> = {};
/** When each poll of example 06 reached the mock (ms since the epoch). */
const triggerPolls: number[] = [];
/** Changes to make right after the poll with this number (1 = the first poll, when the main activates the workflow). */
const afterPoll = new Map<number, () => void>();

function watchTriggerPolls(request: RecordedRequest): void {
	if (request.operationId !== 'listEvaluationRuns' || request.path !== TRIGGER_RUNS_PATH) return;
	triggerPolls.push(Date.now());
	const action = afterPoll.get(triggerPolls.length);
	// after the poll has been answered (it reads one page of runs)
	if (action) setTimeout(action, 1500);
}

function finishRun(name: string, status: 'completed' | 'failed'): void {
	setRunStatus(mock, triggerRuns[name], status, status === 'failed' ? { error: `${name} could not reach the search endpoint` } : {});
}

function newRun(name: string, status: 'pending' | 'running'): void {
	triggerRuns[name] = seedRun(mock, { evaluation_id: DEMO_IDS.evaluationBaseline, name, status }).id;
}

/** The trigger's record of the watched evaluation's runs as n8n saved it in the database: run name → status. */
async function savedTriggerRecord(): Promise<Record<string, string>> {
	const text = await cluster.sql(`SELECT "staticData" FROM workflow_entity WHERE id = '${TRIGGER_EXAMPLE}'`);
	const staticData = JSON.parse(text || '{}') as Record<string, { runs?: { evaluations?: Record<string, { runs?: Record<string, string> }> } }>;
	const runs = staticData['node:Releval Trigger']?.runs?.evaluations?.[DEMO_IDS.evaluationBaseline]?.runs ?? {};
	return Object.fromEntries(Object.entries(triggerRuns).filter(([, id]) => id in runs).map(([name, id]) => [name, runs[id]]));
}

/** The runs each finished execution of the trigger example carried, oldest execution first. */
async function triggerExecutionsWithRuns(): Promise<Array<{ execution: ExecutionSummary; runs: string[] }>> {
	const executions = (await rest.executions(TRIGGER_EXAMPLE)).filter((execution) => !['new', 'running', 'waiting'].includes(execution.status)).reverse();
	return await Promise.all(
		executions.map(async (execution) => ({
			execution,
			runs: nodeItems(await rest.execution(execution.id), 'Releval Trigger').map((item) => String(item.name)),
		})),
	);
}

/** Waits until a finished execution of the trigger example carried `run`; then every such execution, as above. */
async function triggerExecutionsOnceEmitted(run: string, timeoutMs: number, intervalMs: number) {
	return await waitFor(
		`the trigger execution for ${run}`,
		async () => {
			const found = await triggerExecutionsWithRuns();
			return found.some((entry) => entry.runs.includes(run)) ? found : undefined;
		},
		timeoutMs,
		intervalMs,
	);
}

// ---------------------------------------------------------------------------------------------------------------
// Load and figures

interface Call {
	query: string;
	status: number;
	body: string;
	ms: number;
}

/**
 * Sends `count` webhook calls, `concurrency` in flight at any time; each call's latency is measured to its last
 * byte. `onAnswered` is told how many calls have been answered so far (to act in the middle of the load).
 */
async function load(
	url: string,
	count: number,
	concurrency: number,
	bodyOf: (index: number) => Record<string, unknown> & { query: string },
	onAnswered?: (answered: number) => void,
): Promise<{ calls: Call[]; ms: number }> {
	const calls: Call[] = new Array(count);
	let next = 0;
	let answered = 0;
	const started = performance.now();
	const sender = async () => {
		for (let index = next++; index < count; index = next++) {
			const body = bodyOf(index);
			const sent = performance.now();
			try {
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
				calls[index] = { query: body.query, status: response.status, body: await response.text(), ms: performance.now() - sent };
			} catch (error) {
				calls[index] = { query: body.query, status: 0, body: String(error), ms: performance.now() - sent };
			}
			onAnswered?.(++answered);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, sender));
	return { calls, ms: performance.now() - started };
}

function percentile(sorted: number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function loadFigures(calls: Call[], ms: number) {
	const latencies = calls.map((call) => call.ms).sort((a, b) => a - b);
	return {
		calls: calls.length,
		concurrency: CONCURRENCY,
		seconds: Number((ms / 1000).toFixed(2)),
		executionsPerSecond: Number((calls.length / (ms / 1000)).toFixed(1)),
		latencyMs: {
			p50: Math.round(percentile(latencies, 0.5)),
			p95: Math.round(percentile(latencies, 0.95)),
			p99: Math.round(percentile(latencies, 0.99)),
			max: Math.round(latencies[latencies.length - 1]),
		},
	};
}

function report(name: string, values: Record<string, unknown>): void {
	figures[name] = values;
	process.stdout.write(`\n[queue] ${name} on ${ON_N8N}:\n${JSON.stringify(values, null, 2)}\n`);
}

/** Runs a case and prints how long it took (also into the figures). */
async function timedCase(name: string, body: () => Promise<void>): Promise<void> {
	const started = Date.now();
	try {
		await body();
	} finally {
		const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
		(figures.durationsSeconds as Record<string, number>)[name] = seconds;
		process.stdout.write(`[queue] ${name}: ${seconds} s\n`);
	}
}
figures.durationsSeconds = {};

/** The UBI webhook body of load call `index` of the run named `run`. */
const ubiCall = (run: string) => (index: number) => ({ query: `${run} ${index}`, clientId: `visitor-${index}`, results: ['SKU-1', 'SKU-2', 'SKU-3'], clicked: 'SKU-2' });

/**
 * Checks a load of UBI webhook calls against the mock: every call answered 200 with the query_id of its own query,
 * exactly one tracked query per call and its four events. Returns the answers.
 */
function expectEveryCallTracked(calls: Call[], queriesBefore: number, eventsBefore: number): Array<{ query: string; query_id: string }> {
	const failed = calls.filter((call) => call.status !== 200);
	expect(failed.map((call) => `${call.query}: ${call.status} ${call.body.slice(0, 300)}`)).toEqual([]);
	const answers = calls.map((call) => ({ query: call.query, ...(JSON.parse(call.body) as { query_id: string; events: number }) }));
	const tracked = mock.state.ubiQueries.all().slice(queriesBefore);
	expect(tracked).toHaveLength(calls.length);
	const trackedByQuery = new Map<string, string[]>();
	for (const query of tracked) trackedByQuery.set(String(query.user_query), [...(trackedByQuery.get(String(query.user_query)) ?? []), String(query.query_id)]);
	for (const answer of answers) {
		// exactly one tracked query per call, and the call was answered with its id
		expect({ query: answer.query, tracked: trackedByQuery.get(answer.query) }).toEqual({ query: answer.query, tracked: [answer.query_id] });
		expect(answer.events).toBe(4);
	}
	// every query's events: one impression per result and the click, none lost, none twice
	const events = mock.state.ubiEvents.all().slice(eventsBefore);
	expect(events).toHaveLength(calls.length * 4);
	const eventsByQuery = new Map<string, string[]>();
	for (const event of events) {
		expect(event).toMatchObject({ site_id: DEMO_IDS.siteTrackingId });
		const key = String(event.query_id);
		eventsByQuery.set(key, [...(eventsByQuery.get(key) ?? []), `${String(event.action_name)} ${String((event.event_attributes as { object?: { object_id?: string } })?.object?.object_id)}`]);
	}
	for (const answer of answers) {
		expect({ query: answer.query, events: eventsByQuery.get(answer.query_id)?.sort() }).toEqual({
			query: answer.query,
			events: ['click SKU-2', 'impression SKU-1', 'impression SKU-2', 'impression SKU-3'],
		});
	}
	return answers;
}

const apiCallsSince = (index: number, operationId: string) => mock.requests.slice(index).filter((request) => request.operationId === operationId);

/** Waits until the workers have logged `count` started executions of a workflow (their logs lag the answers a little). */
async function workerExecutionsOf(workflowId: string, count: number): Promise<Map<string, string>> {
	return await waitFor(
		`${count} executions of ${workflowId} in the workers' logs`,
		() => {
			const executions = cluster.executionsByWorker(workflowId);
			return executions.size >= count ? executions : undefined;
		},
		30_000,
	).catch(() => cluster.executionsByWorker(workflowId));
}

function countByWorker(executions: Map<string, string>): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(cluster.workers.map((worker) => [worker.name, 0]));
	for (const worker of executions.values()) counts[worker] = (counts[worker] ?? 0) + 1;
	return counts;
}

// ---------------------------------------------------------------------------------------------------------------

beforeAll(async () => {
	// the logs of this run only (n8n processes append to theirs, so that a restarted process keeps its history)
	rmSync(QUEUE_ARTIFACTS_DIR, { recursive: true, force: true });
	mkdirSync(QUEUE_ARTIFACTS_DIR, { recursive: true });
	const started = Date.now();
	mock = await startMockReleval();
	seedDemoData(mock);
	// case 3: exactly RETURN_ALL_ITEMS evaluations in all
	for (let index = mock.state.evaluations.all().length + 1; index <= RETURN_ALL_ITEMS; index += 1) {
		mock.state.evaluations.insert({ name: `Regression check #${index}`, endpoint_id: DEMO_IDS.endpointProductsStaging, query_set_id: DEMO_IDS.querySetLongTail, query_template_id: DEMO_IDS.templateHybrid });
	}
	// cases 4 and 6: runs of the watched evaluation, in progress when the trigger first polls
	newRun('Run A', 'running');
	newRun('Run B', 'running');
	newRun('Run C', 'pending');
	mock.onRequest = watchTriggerPolls;
	// case 4: A and B finish right after the first poll (which only takes note); the next poll emits them
	afterPoll.set(1, () => {
		finishRun('Run A', 'completed');
		finishRun('Run B', 'failed');
	});
	// case 6: after that poll, C starts running and D appears running: the poll after records them without emitting
	afterPoll.set(2, () => {
		setRunStatus(mock, triggerRuns['Run C'], 'running');
		newRun('Run D', 'running');
	});

	cluster = await startQueueCluster({
		install,
		tarball,
		workers: WORKERS,
		webhookProcessors: 1,
		credentials: credentialExport({ baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret }),
		workflowDirs: [EXAMPLES_DIR, QUEUE_WORKFLOWS_DIR],
		transform: (workflow) => JSON.parse(JSON.stringify(workflow).split('__RELEVAL_BASE_URL__').join(mock.url)) as Record<string, unknown>,
		publish: [WEBHOOK_EXAMPLE, TRIGGER_EXAMPLE, BINARY_WEBHOOK_WORKFLOW],
		logDir: QUEUE_ARTIFACTS_DIR,
	});
	rest = new N8nRest(cluster.main.url, install.line);
	await rest.signIn();
	(figures.durationsSeconds as Record<string, number>)['cluster start (Postgres, Redis, 4 package installs, main, 2 workers, webhook processor)'] = Number(((Date.now() - started) / 1000).toFixed(1));
}, 420_000);

afterAll(async () => {
	await cluster?.stop();
	writeFileSync(path.join(QUEUE_ARTIFACTS_DIR, 'figures.json'), JSON.stringify(figures, null, 2));
	if (mock) {
		writeFileSync(
			path.join(QUEUE_ARTIFACTS_DIR, 'mock-requests.log'),
			mock.requests.map((request) => `${request.method} ${request.path} ${request.status} ${String(request.headers.authorization ?? '').slice(7, 30)}`).join('\n'),
		);
		await mock.stop();
	}
}, 180_000);

describe(ON_N8N, () => {
	test(`1. webhook load: ${CALLS} calls of the UBI webhook example, ${CONCURRENCY} at a time, through the webhook processor — every call answered with its query_id, every query and event tracked once, both workers ran executions`, async () => {
		await timedCase('1. webhook load', async () => {
			const requestsBefore = mock.requests.length;
			const queriesBefore = mock.state.ubiQueries.all().length;
			const eventsBefore = mock.state.ubiEvents.all().length;
			const { calls, ms } = await load(`${cluster.webhookUrl}/webhook/releval-search-events`, CALLS, CONCURRENCY, ubiCall('queue load'));

			// the figures first, so that a failing run still shows them
			const byWorker = await workerExecutionsOf(WEBHOOK_EXAMPLE, CALLS);
			const perWorker = countByWorker(byWorker);
			report('1. webhook load', {
				...loadFigures(calls, ms),
				route: `webhook processor ${cluster.webhookUrl} → Redis → ${WORKERS} workers (concurrency 10 each)`,
				executionsPerWorker: perWorker,
				tokenRequests: apiCallsSince(requestsBefore, 'token').length,
				whichWorkerRanEachExecution: path.join(QUEUE_ARTIFACTS_DIR, 'webhook-load.json'),
			});
			writeFileSync(path.join(QUEUE_ARTIFACTS_DIR, 'webhook-load.json'), JSON.stringify({ executionsByWorker: Object.fromEntries(byWorker), calls }, null, 2));

			expectEveryCallTracked(calls, queriesBefore, eventsBefore);
			// the package sent each write once: one Track Query and one Track Events request per call
			expect(apiCallsSince(requestsBefore, 'trackQuery')).toHaveLength(CALLS);
			expect(apiCallsSince(requestsBefore, 'trackEvents')).toHaveLength(CALLS);
			expect(mock.contractViolations).toEqual([]);
			// the executions ran on the workers, each on exactly one, and both workers took part
			expect(byWorker.size).toBe(CALLS);
			const started = cluster.workers.flatMap((worker) => worker.executionLog().filter((entry) => entry.event === 'started' && entry.workflowId === WEBHOOK_EXAMPLE));
			expect(new Set(started.map((entry) => entry.executionId)).size).toBe(started.length);
			expect(Object.entries(perWorker).filter(([, count]) => count > 0).map(([name]) => name)).toEqual(cluster.workers.map((worker) => worker.name));
			// the token stored in the credential is shared: the main (its trigger polls) fetched it first, and no
			// worker needed one of its own
			expect(mock.tokenRequests.length).toBeLessThanOrEqual(1 + WORKERS);
		});
	});

	test(`2. tokens across processes: every token revoked twice during ${REVOCATION_CALLS} webhook calls — 0 failed executions; token requests within the processes that called Releval, plus that many per revocation`, async () => {
		await timedCase('2. tokens across processes', async () => {
			const requestsBefore = mock.requests.length;
			const queriesBefore = mock.state.ubiQueries.all().length;
			const eventsBefore = mock.state.ubiEvents.all().length;
			const revokedAt: number[] = [];
			const revokeAt = [Math.floor(REVOCATION_CALLS / 3), Math.floor((2 * REVOCATION_CALLS) / 3)];
			const { calls, ms } = await load(`${cluster.webhookUrl}/webhook/releval-search-events`, REVOCATION_CALLS, CONCURRENCY, ubiCall('revocation load'), (answered) => {
				if (revokeAt.includes(answered)) {
					revokedAt.push(mock.requests.length);
					mock.revokeTokens();
				}
			});
			const requests = mock.requests.slice(requestsBefore);
			const unauthorized = requests.filter((request) => request.status === 401 && request.operationId !== 'token');
			const tokenRequests = requests.filter((request) => request.operationId === 'token');
			const byWorker = await workerExecutionsOf(WEBHOOK_EXAMPLE, CALLS + REVOCATION_CALLS);
			const workersThatRan = new Set([...byWorker.values()]).size;
			report('2. tokens across processes', {
				...loadFigures(calls, ms),
				revocations: revokedAt.length,
				failedCalls: calls.filter((call) => call.status !== 200).length,
				requestsRefusedWith401: unauthorized.length,
				tokenRequests: tokenRequests.length,
				tokenRequestsAfterEachRevocation: revokedAt.map((at, index) => mock.requests.slice(at, revokedAt[index + 1]).filter((request) => request.operationId === 'token').length),
				workersThatRanExecutions: workersThatRan,
			});

			expect(revokedAt).toHaveLength(2);
			// every 401 was followed by a new token and a retry: no execution failed, every write landed once
			expectEveryCallTracked(calls, queriesBefore, eventsBefore);
			expect(apiCallsSince(requestsBefore, 'trackQuery').filter((request) => request.status === 200)).toHaveLength(REVOCATION_CALLS);
			expect(apiCallsSince(requestsBefore, 'trackEvents').filter((request) => request.status !== 401)).toHaveLength(REVOCATION_CALLS);
			// the revocations were noticed (requests refused), and each process asked for at most one new token per
			// revocation: within (workers that ran executions) × (1 + revocations)
			expect(unauthorized.length).toBeGreaterThan(0);
			expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
			expect(tokenRequests.length).toBeLessThanOrEqual(workersThatRan * (1 + revokedAt.length));
		});
	});

	test(`3. a scheduled Return All of ${RETURN_ALL_ITEMS.toLocaleString('en')} evaluations runs on a worker and returns exactly what the single-process run (n8n execute) returns`, async () => {
		await timedCase('3. scheduled Return All', async () => {
			// the single-process run: `n8n execute` runs in its own process, in regular mode (n8n falls back to it)
			const singleStarted = Date.now();
			// (its own broker port: the main's is taken, or could be)
			const single = await executeWorkflow(install, { ...cluster.processOptions.get('main')!, brokerPort: await freePort() }, RETURN_ALL_WORKFLOW);
			const singleSeconds = (Date.now() - singleStarted) / 1000;
			const singleItems = nodeItems(single, 'List all evaluations');
			expect(single.result?.data?.resultData?.error).toBeUndefined();
			expect(singleItems).toHaveLength(RETURN_ALL_ITEMS);

			// the same workflow published: its Schedule Trigger (every 15 s) starts it on a worker; unpublished after
			// the first run starts
			const pageRequestsBefore = mock.requests.length;
			const stored = await rest.request<{ data: { versionId: string } }>('GET', `/workflows/${RETURN_ALL_WORKFLOW}`);
			const activated = await rest.request('POST', `/workflows/${RETURN_ALL_WORKFLOW}/activate`, { versionId: stored.body.data.versionId });
			expect(activated.status).toBe(200);
			const [first] = await waitFor(
				'the first scheduled execution',
				async () => {
					const executions = (await rest.executions(RETURN_ALL_WORKFLOW)).filter((execution) => execution.mode === 'trigger');
					return executions.length > 0 ? executions.reverse() : undefined;
				},
				60_000,
				500,
			);
			const deactivated = await rest.request('POST', `/workflows/${RETURN_ALL_WORKFLOW}/deactivate`, {});
			expect(deactivated.status).toBe(200);
			const finished = await waitFor(
				'the scheduled execution to finish',
				async () => {
					const listed = (await rest.executions(RETURN_ALL_WORKFLOW)).find((execution) => execution.id === first.id);
					return listed && !['new', 'running'].includes(listed.status) ? listed : undefined;
				},
				120_000,
				1000,
			);
			const scheduled = await rest.execution(first.id);
			const scheduledItems = nodeItems(scheduled, 'List all evaluations');
			const worker = cluster.executionsByWorker(RETURN_ALL_WORKFLOW).get(first.id);
			const startedAt = Date.parse(finished.startedAt ?? '');
			const stoppedAt = Date.parse(finished.stoppedAt ?? '');
			report('3. scheduled Return All', {
				items: scheduledItems.length,
				singleProcessItems: singleItems.length,
				ranOn: worker ?? 'not in any worker log',
				scheduledRunSeconds: Number(((stoppedAt - startedAt) / 1000).toFixed(2)),
				singleProcessCommandSeconds: Number(singleSeconds.toFixed(2)),
				pageRequestsOfTheScheduledRun: apiCallsSince(pageRequestsBefore, 'listEvaluations').length,
			});

			expect(finished.status).toBe('success');
			expect(worker).toBeDefined();
			expect(scheduledItems).toHaveLength(RETURN_ALL_ITEMS);
			expect(scheduledItems).toEqual(singleItems);
			expect(new Set(scheduledItems.map((item) => item.id)).size).toBe(RETURN_ALL_ITEMS);
		});
	});

	test(`5. binary data (${BINARY_DATA_MODE} mode): example 05 uploads its judgment-list file on a worker; a file posted to a webhook (webhook processor) is uploaded by a worker, byte for byte`, async () => {
		await timedCase('5. binary data', async () => {
			// example 05: the file is made and uploaded within one execution, on a worker (manual runs are offloaded)
			const requestsBefore = mock.requests.length;
			const executionId = await rest.runFromTrigger(UPLOAD_EXAMPLE, 'Execute workflow');
			const example = await waitFor(
				'example 05 to finish',
				async () => {
					const listed = (await rest.executions(UPLOAD_EXAMPLE)).find((execution) => execution.id === executionId);
					return listed && !['new', 'running'].includes(listed.status) ? listed : undefined;
				},
				60_000,
			);
			const [exampleUpload] = apiCallsSince(requestsBefore, 'uploadJudgmentList');
			const exampleFile = Object.values(exampleUpload?.files ?? {})[0];

			// a file received by the webhook processor, uploaded by a worker: the binary data crosses processes
			const rows = 'query,doc_id,grade\nwireless headphones,SKU-1001,4\nwireless headphones,SKU-1002,3\nusb-c charger,SKU-2001,2\n';
			const form = new FormData();
			form.append('name', 'Ratings received by webhook');
			form.append('data', new Blob([rows], { type: 'text/csv' }), 'webhook-ratings.csv');
			const response = await fetch(`${cluster.webhookUrl}/webhook/releval-judgment-list-upload`, { method: 'POST', body: form });
			const answer = (await response.json()) as Record<string, unknown>;
			const uploads = apiCallsSince(requestsBefore, 'uploadJudgmentList');
			const webhookFile = Object.values(uploads[1]?.files ?? {})[0];
			const webhookExecutions = await workerExecutionsOf(BINARY_WEBHOOK_WORKFLOW, 1);
			report('5. binary data', {
				binaryDataMode: cluster.sharedEnv.N8N_DEFAULT_BINARY_DATA_MODE,
				example05: { status: example.status, ranOn: cluster.executionsByWorker(UPLOAD_EXAMPLE).get(executionId), file: exampleFile?.filename, bytes: exampleFile?.data.length },
				webhookUpload: { status: response.status, receivedBy: cluster.webhookProcessors[0].name, uploadedBy: [...webhookExecutions.values()], file: webhookFile?.filename, bytes: webhookFile?.data.length },
			});

			expect(example.status).toBe('success');
			expect(cluster.executionsByWorker(UPLOAD_EXAMPLE).get(executionId)).toBeDefined();
			expect(exampleUpload.body).toMatchObject({ corpus_id: DEMO_IDS.corpusProducts, type: 'explicit', scale: 'graded' });
			expect(exampleFile?.filename).toBe('merchandising-ratings.json');
			expect(JSON.parse(exampleFile?.data.toString('utf8') ?? '[]')).toHaveLength(7);

			expect(response.status).toBe(200);
			expect(uploads).toHaveLength(2);
			expect(uploads[1].body).toMatchObject({ name: 'Ratings received by webhook', corpus_id: DEMO_IDS.corpusProducts });
			expect(webhookFile?.filename).toBe('webhook-ratings.csv');
			expect(webhookFile?.data.toString('utf8')).toBe(rows);
			expect(answer).toMatchObject({ id: expect.any(String), name: 'Ratings received by webhook' });
			expect(webhookExecutions.size).toBe(1);
		});
	});

	test(`7. a worker stopped with SIGTERM in the middle of ${SIGTERM_CALLS} webhook calls: ${WORKER_SHUTDOWN[install.line].summary}; no Releval write lost, none doubled beyond what n8n re-ran`, async () => {
		await timedCase('7. worker stopped mid-load', async () => {
			const stopped = cluster.workers[WORKERS - 1];
			const requestsBefore = mock.requests.length;
			const queriesBefore = mock.state.ubiQueries.all().length;
			const eventsBefore = mock.state.ubiEvents.all().length;
			const logBefore = stopped.executionLog().length;
			let stopping: Promise<void> | undefined;
			let signalledAt = 0;
			let exitedAt = 0;
			const { calls, ms } = await load(`${cluster.webhookUrl}/webhook/releval-search-events`, SIGTERM_CALLS, CONCURRENCY, ubiCall('sigterm load'), (answered) => {
				if (answered === Math.floor(SIGTERM_CALLS / 3)) {
					signalledAt = Date.now();
					stopping = cluster.stopProcess(stopped.name).then(() => void (exitedAt = Date.now()));
				}
			});
			await stopping;

			// what the stopped worker logged: the executions it ran from SIGTERM on, and whether it finished each
			const entries = stopped.executionLog().slice(logBefore);
			const at = (entry: { timestamp?: string }) => Date.parse(entry.timestamp ?? '');
			const finished = new Map(entries.filter((entry) => entry.event === 'finished').map((entry) => [entry.executionId, entry]));
			const startedIds = entries.filter((entry) => entry.event === 'started').map((entry) => entry.executionId);
			const runningAtSignal = startedIds.filter((id) => at(entries.find((entry) => entry.event === 'started' && entry.executionId === id)!) < signalledAt && !(at(finished.get(id) ?? {}) < signalledAt));
			const startedAfterSignal = entries.filter((entry) => entry.event === 'started' && at(entry) >= signalledAt).map((entry) => entry.executionId);
			const abandoned = startedIds.filter((id) => !finished.has(id));
			const failedOnIt = [...finished.values()].filter((entry) => entry.success === false).map((entry) => entry.executionId);
			// jobs n8n itself failed around the execution (n8n 1.x: a job being taken when the worker shut down)
			const erroredOnIt = entries.filter((entry) => entry.event === 'errored');
			const failedCalls = calls.filter((call) => call.status !== 200);
			const shutdownLog = parseLog(stopped.output())
				.filter((line) => at((line.metadata ?? {}) as { timestamp?: string }) >= signalledAt - 1000)
				.map((line) => String(line.message ?? ''))
				.filter((message) => /SIGTERM|Waiting for \d+ active executions|Drain timeout|Cancelled \d+|Stopping worker/.test(message) && !message.startsWith('[runner'));
			// executions n8n started more than once (on either worker): n8n's own re-runs
			const startedEverywhere = cluster.workers.flatMap((worker) => worker.executionLog().filter((entry) => entry.event === 'started' && entry.workflowId === WEBHOOK_EXAMPLE)).map((entry) => entry.executionId);
			const reRuns = startedEverywhere.length - new Set(startedEverywhere).size;
			const trackQueries = apiCallsSince(requestsBefore, 'trackQuery');
			report('7. worker stopped mid-load', {
				...loadFigures(calls, ms),
				stoppedWorker: stopped.name,
				sigtermAfterCalls: Math.floor(SIGTERM_CALLS / 3),
				workerExitedSecondsAfterSigterm: Number(((exitedAt - signalledAt) / 1000).toFixed(1)),
				workerExit: stopped.process.signalCode ?? `code ${stopped.process.exitCode}`,
				executionsRunningAtSigterm: runningAtSignal.length,
				executionsStartedAfterSigterm: startedAfterSignal,
				executionsLeftUnfinished: abandoned,
				executionsFailedOnIt: failedOnIt,
				jobsN8nFailedOnIt: erroredOnIt.map((entry) => ({ execution: entry.executionId, error: entry.error })),
				n8nShutdownLog: shutdownLog,
				executionsReRunByN8n: reRuns,
				failedCalls: failedCalls.length,
				failedCallAnswers: failedCalls.map((call) => `${call.status} ${call.body.slice(0, 200)}`),
				trackQueryRequests: trackQueries.length,
			});

			// n8n drained the worker: it finished every execution it had started, those running at SIGTERM and the
			// jobs it had already taken from the queue, and exited on its own (no SIGKILL); every call was answered
			expect(stopped.process.signalCode).toBeNull();
			expect(stopped.process.exitCode).toBe(0);
			expect(runningAtSignal.length + startedAfterSignal.length).toBeGreaterThan(0);
			expect(abandoned).toEqual([]);
			expect(failedOnIt).toEqual([]);
			if (WORKER_SHUTDOWN[install.line].mayFailJobsBeingTaken) {
				// n8n 1.x (queue.ts, WORKER_SHUTDOWN): each job n8n failed while the worker shut down is one call answered
				// 500, and it failed before any node ran: the package sent nothing for it (no tracked query, no event)
				expect(failedCalls.map((call) => call.status)).toEqual(erroredOnIt.map(() => 500));
			} else {
				expect(erroredOnIt).toEqual([]);
				expect(failedCalls.map((call) => `${call.query}: ${call.status} ${call.body.slice(0, 300)}`)).toEqual([]);
			}
			// no write lost, none doubled: one tracked query and four events per answered call and none for a call n8n
			// failed, one Track Query request per execution n8n ran (re-runs included; there were none unless reported above)
			expectEveryCallTracked(calls.filter((call) => !failedCalls.includes(call)), queriesBefore, eventsBefore);
			expect(trackQueries).toHaveLength(SIGTERM_CALLS - erroredOnIt.length + reRuns);

			// the cluster whole again for the cases after this one
			await cluster.restart(stopped.name);
		});
	});

	test('4. the Releval Trigger (example 06), published: the runs that finished start exactly one execution, on one of the two workers', async () => {
		await timedCase('4. trigger, published', async () => {
			const withRuns = await triggerExecutionsOnceEmitted('Run A', 120_000, 2000);
			const byWorker = cluster.executionsByWorker(TRIGGER_EXAMPLE);
			report('4. trigger, published', {
				pollsSoFar: triggerPolls.length,
				executions: withRuns.map(({ execution, runs }) => ({ id: execution.id, status: execution.status, runs, ranOn: byWorker.get(execution.id) })),
			});
			// one poll saw A and B finished: one execution carried both, once; C and D (in progress) started nothing
			expect(withRuns.map((entry) => entry.runs)).toEqual([['Run A', 'Run B']]);
			expect(withRuns[0].execution.status).toBe('success');
			expect(withRuns[0].execution.mode).toBe('trigger');
			expect(cluster.workers.map((worker) => worker.name)).toContain(byWorker.get(withRuns[0].execution.id));
			expect([...byWorker.keys()]).toEqual([withRuns[0].execution.id]);
		});
	}, 180_000);

	test('6. the trigger across restarts of the main: runs change status between polls (recorded without an execution, which n8n does not save) and while the main is down — no event lost, none emitted twice', async () => {
		await timedCase('6. trigger across main restarts', async () => {
			// the poll after A and B were emitted saw C start and D appear, and emitted nothing
			await waitFor('a poll after C started and D appeared', () => (triggerPolls.length >= 3 ? true : undefined), 90_000, 1000);
			const timeline: string[] = [`polls before the first restart: ${triggerPolls.length}`];
			// what n8n saved of the trigger's record: the poll that saw C running and D appear emitted nothing, so
			// n8n kept its record in the main's memory only (C still pending, D unknown in the database)
			const saved = await savedTriggerRecord();
			timeline.push(`saved before restart 1: C ${saved['Run C'] ?? 'unknown'}, D ${saved['Run D'] ?? 'unknown'} (the main had seen both running)`);
			expect({ c: saved['Run C'], d: saved['Run D'] }).toEqual({ c: 'pending', d: undefined });

			// restart 1: C and D finish while the main is down; its first poll after start must emit both
			let pollsAtStart = 0;
			await cluster.restart('main', () => {
				finishRun('Run C', 'completed');
				setRunStatus(mock, triggerRuns['Run D'], 'completed');
				pollsAtStart = triggerPolls.length;
			});
			rest = new N8nRest(cluster.main.url, install.line);
			await rest.signIn();
			await waitFor('the first poll after restart 1', () => (triggerPolls.length > pollsAtStart ? true : undefined), 60_000);
			await triggerExecutionsOnceEmitted('Run C', 60_000, 1000);
			timeline.push(`restart 1: the poll at start emitted C and D`);

			// restart 2: E appears running; a scheduled poll records it without an execution; E fails while the main
			// is down; the first poll after start must emit it, and nothing of before
			newRun('Run E', 'running');
			const pollsBeforeScheduled = triggerPolls.length;
			await waitFor('a scheduled poll that sees E running', () => (triggerPolls.length > pollsBeforeScheduled ? true : undefined), 75_000, 500);
			await sleep(1500);
			const savedBeforeSecondRestart = await savedTriggerRecord();
			timeline.push(`saved before restart 2: E ${savedBeforeSecondRestart['Run E'] ?? 'unknown'} (the main had seen it running)`);
			expect(savedBeforeSecondRestart['Run E']).toBeUndefined();
			await cluster.restart('main', () => {
				finishRun('Run E', 'failed');
				pollsAtStart = triggerPolls.length;
			});
			rest = new N8nRest(cluster.main.url, install.line);
			await rest.signIn();
			await waitFor('the first poll after restart 2', () => (triggerPolls.length > pollsAtStart ? true : undefined), 60_000);
			const executions = await triggerExecutionsOnceEmitted('Run E', 60_000, 1000);
			timeline.push('restart 2: the poll at start emitted E');
			const byWorker = cluster.executionsByWorker(TRIGGER_EXAMPLE);
			report('6. trigger across main restarts', {
				timeline,
				polls: triggerPolls.length,
				executions: executions.map(({ execution, runs }) => ({ id: execution.id, status: execution.status, runs, ranOn: byWorker.get(execution.id) })),
			});

			// every finished run emitted exactly once, in the execution of the first poll that could see it
			expect(executions.map((entry) => entry.runs)).toEqual([['Run A', 'Run B'], ['Run C', 'Run D'], ['Run E']]);
			expect(executions.map((entry) => entry.execution.status)).toEqual(['success', 'success', 'success']);
			for (const { execution } of executions) expect(byWorker.get(execution.id)).toBeDefined();
		});
	}, 300_000);
});
