/**
 * The package on n8n's queue mode (issue 13): a real cluster — Postgres, Redis, n8n main (EXECUTIONS_MODE=queue)
 * and two workers, each n8n process with the package installed in its own user folder — against the mock
 * Releval. Run with `npx jest -c e2e/jest.queue.config.js` (npm run test:queue).
 *
 * 1. Webhook load: the UBI webhook example (03), published, receives RELEVAL_QUEUE_CALLS calls (default 200),
 *    RELEVAL_QUEUE_CONCURRENCY at a time (default 20). Every call is answered with its query_id; the mock holds
 *    exactly one tracked query per call and its four events, none lost, none twice; both workers ran executions;
 *    token requests stay within the number of processes that ran executions.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_CLIENT, startMockReleval, type MockReleval } from '../test/mock/server';
import { DEMO_IDS, seedDemoData } from '../test/mock/seed';
import { REPO_ROOT } from './lib/install';
import { credentialExport, waitFor } from './lib/n8n';
import { startQueueCluster, type QueueCluster } from './lib/queue';
import { QUEUE_ARTIFACTS_DIR, readQueueSetup } from './lib/queue-state';

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const WEBHOOK_EXAMPLE = 'relevalExample03';
const CALLS = Number(process.env.RELEVAL_QUEUE_CALLS ?? 200);
const CONCURRENCY = Number(process.env.RELEVAL_QUEUE_CONCURRENCY ?? 20);
const WORKERS = 2;

const { install, tarball } = readQueueSetup();
const ON_N8N = `n8n ${install.n8nVersion} queue mode (main + ${WORKERS} workers, Postgres, Redis; Node ${install.nodeVersion})`;

let mock: MockReleval;
let cluster: QueueCluster;

beforeAll(async () => {
	// the logs of this run only (n8n processes append to theirs, so that a restarted process keeps its history)
	rmSync(QUEUE_ARTIFACTS_DIR, { recursive: true, force: true });
	mkdirSync(QUEUE_ARTIFACTS_DIR, { recursive: true });
	mock = await startMockReleval();
	seedDemoData(mock);
	cluster = await startQueueCluster({
		install,
		tarball,
		workers: WORKERS,
		credentials: credentialExport({ baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret }),
		workflowDirs: [EXAMPLES_DIR],
		transform: (workflow) => JSON.parse(JSON.stringify(workflow).split('__RELEVAL_BASE_URL__').join(mock.url)) as Record<string, unknown>,
		publish: [WEBHOOK_EXAMPLE],
		logDir: QUEUE_ARTIFACTS_DIR,
	});
}, 300_000);

afterAll(async () => {
	await cluster?.stop();
	if (mock) {
		writeFileSync(
			path.join(QUEUE_ARTIFACTS_DIR, 'mock-requests.log'),
			mock.requests.map((request) => `${request.method} ${request.path} ${request.status} ${String(request.headers.authorization ?? '').slice(7, 30)}`).join('\n'),
		);
		await mock.stop();
	}
}, 120_000);

interface Call {
	query: string;
	status: number;
	body: string;
	ms: number;
}

/** Sends `count` webhook calls, `concurrency` in flight at any time; each call's latency is measured to its last byte. */
async function load(url: string, count: number, concurrency: number, bodyOf: (index: number) => Record<string, unknown> & { query: string }): Promise<{ calls: Call[]; ms: number }> {
	const calls: Call[] = new Array(count);
	let next = 0;
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
		}
	};
	await Promise.all(Array.from({ length: concurrency }, sender));
	return { calls, ms: performance.now() - started };
}

function percentile(sorted: number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

describe(ON_N8N, () => {
	test(`webhook load: ${CALLS} calls of the UBI webhook example, ${CONCURRENCY} at a time — every call answered with its query_id, every query and event tracked once, both workers ran executions`, async () => {
		const queriesBefore = mock.state.ubiQueries.all().length;
		const eventsBefore = mock.state.ubiEvents.all().length;
		const results = ['SKU-1', 'SKU-2', 'SKU-3'];
		const { calls, ms } = await load(`${cluster.main.url}/webhook/releval-search-events`, CALLS, CONCURRENCY, (index) => ({
			query: `queue load ${index}`,
			clientId: `visitor-${index}`,
			results,
			clicked: 'SKU-2',
		}));

		// the figures first, so that a failing run still shows them
		const latencies = calls.map((call) => call.ms).sort((a, b) => a - b);
		const byWorker = await waitFor(
			'every execution in a worker log',
			() => {
				const executions = cluster.executionsByWorker();
				return executions.size >= calls.filter((call) => call.status === 200).length ? executions : undefined;
			},
			30_000,
		).catch(() => cluster.executionsByWorker());
		const perWorker = cluster.workers.map((worker) => ({ name: worker.name, executions: worker.startedExecutions().length }));
		const figures = {
			calls: CALLS,
			concurrency: CONCURRENCY,
			seconds: Number((ms / 1000).toFixed(2)),
			executionsPerSecond: Number((CALLS / (ms / 1000)).toFixed(1)),
			latencyMs: {
				p50: Math.round(percentile(latencies, 0.5)),
				p95: Math.round(percentile(latencies, 0.95)),
				p99: Math.round(percentile(latencies, 0.99)),
				max: Math.round(latencies[latencies.length - 1]),
			},
			perWorker,
			tokenRequests: mock.tokenRequests.length,
		};
		process.stdout.write(`\n[queue] webhook load on ${ON_N8N}:\n${JSON.stringify(figures, null, 2)}\n`);
		// which worker ran each execution, for reading after the run
		writeFileSync(
			path.join(QUEUE_ARTIFACTS_DIR, 'webhook-load.json'),
			JSON.stringify({ figures, executionsByWorker: Object.fromEntries(byWorker), calls }, null, 2),
		);

		// every call answered, each with the query_id of its own query
		const failed = calls.filter((call) => call.status !== 200);
		expect(failed.map((call) => `${call.query}: ${call.status} ${call.body.slice(0, 300)}`)).toEqual([]);
		const answers = calls.map((call) => ({ query: call.query, ...(JSON.parse(call.body) as { query_id: string; events: number }) }));
		const tracked = mock.state.ubiQueries.all().slice(queriesBefore);
		expect(tracked).toHaveLength(CALLS);
		const trackedByQuery = new Map<string, Array<Record<string, unknown>>>();
		for (const query of tracked) trackedByQuery.set(String(query.user_query), [...(trackedByQuery.get(String(query.user_query)) ?? []), query]);
		for (const answer of answers) {
			// exactly one tracked query per call, and the call was answered with its id
			expect({ query: answer.query, tracked: trackedByQuery.get(answer.query)?.map((query) => query.query_id) }).toEqual({
				query: answer.query,
				tracked: [answer.query_id],
			});
			expect(answer.events).toBe(results.length + 1);
		}

		// every query's events: one impression per result and the click, none lost, none twice
		const events = mock.state.ubiEvents.all().slice(eventsBefore);
		expect(events).toHaveLength(CALLS * (results.length + 1));
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
		// the package sent each write once: one Track Query and one Track Events request per call
		const apiCalls = (operationId: string) => mock.apiRequests.filter((request) => request.operationId === operationId);
		expect(apiCalls('trackQuery')).toHaveLength(CALLS);
		expect(apiCalls('trackEvents')).toHaveLength(CALLS);
		expect(mock.contractViolations).toEqual([]);

		// the executions ran on the workers, each on exactly one, and both workers took part
		expect(byWorker.size).toBe(CALLS);
		const startedLines = cluster.workers.flatMap((worker) => worker.startedExecutions());
		expect(new Set(startedLines).size).toBe(startedLines.length);
		const workersThatRan = perWorker.filter((worker) => worker.executions > 0);
		expect(workersThatRan.map((worker) => worker.name)).toEqual(cluster.workers.map((worker) => worker.name));

		// one token per process that ran executions at most: the token stored in the credential is shared
		expect(mock.tokenRequests.length).toBeGreaterThanOrEqual(1);
		expect(mock.tokenRequests.length).toBeLessThanOrEqual(workersThatRan.length);
	});
});
