import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureN8n, type N8nInstall } from '../../e2e/lib/install';
import {
	credentialExport,
	freePort,
	importAll,
	installPackage,
	NODE_TYPE,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	publishWorkflow,
	runCommand,
	startN8n,
	type N8nOptions,
	type RunningN8n,
} from '../../e2e/lib/n8n';
import { startQueueCluster, type QueueCluster } from '../../e2e/lib/queue';
import { DEFAULT_CLIENT } from '../../test/mock/server';
import { packShownOnlyPackage, SHOWN_ONLY_NODE_TYPE, TRACK_QUERY_PARAMETERS } from '../lib/trackQuery';
import { epochOffsetUs, inclusiveByFunction, summariseProfile, type CpuProfile, type FunctionTime, type OwnerSummary } from '../lib/cpuprofile';
import { percentile, postLoad, type Call } from '../lib/load';
import type { MockProcess } from '../lib/mock';
import { mainThreadCpuMs, processCpuMs, processTreeCpuMs } from '../lib/proc';
import { ratios, summarise, type Summary } from '../lib/stats';

/*
 * Part 7: the UBI webhook flow in real n8n (Webhook → Track Query → Respond to Webhook, as example 03 begins),
 * four ways side by side in the same n8n, interleaved round by round in a rotating order after a warm-up round:
 *   releval      — the Releval node, Track Query, with its credential;
 *   shownOnly    — the same node with only the 7 properties Track Query shows (bench/lib/trackQuery.ts, installed as
 *                  a package of its own): the least n8n's declarative engine can walk for this call, so the lower
 *                  bound of any declarative node's cost here;
 *   httpRequest  — the peer: n8n's HTTP Request node POSTing the same body, with n8n's generic OAuth2 credential
 *                  (client credentials);
 *   floor        — the same flow with the Releval call removed (Webhook → Respond): what n8n itself costs.
 * In regular mode (one n8n, SQLite) and in queue mode (main + 1 or 2 workers, Postgres, Redis: e2e/lib/queue.ts).
 * Per round and flow: executions per second, latency percentiles, and the CPU time the n8n processes used per call
 * (/proc/<pid>/stat before and after the round), from which the node's CPU per call above the floor is compared
 * with the HTTP Request node's. Before any warm-up, 10 calls in flight at once on each credential's first use:
 * how many tokens each credential fetched.
 */

export const FLOWS = ['releval', 'shownOnly', 'httpRequest', 'floor'] as const;
export type Flow = (typeof FLOWS)[number];

export const FLOW_LABELS: Record<Flow, string> = {
	releval: 'Releval node (Track Query)',
	shownOnly: "Releval node with only Track Query's properties (declarative lower bound)",
	httpRequest: 'HTTP Request + generic OAuth2 (peer)',
	floor: 'no Releval call (n8n floor)',
};

const OAUTH2_CREDENTIAL_ID = 'benchWebhookOAuth2';
const OAUTH2_CREDENTIAL_NAME = 'Releval via generic OAuth2 (client credentials)';
const FIRST_USE_CALLS = 10;
const RESULTS = ['SKU-1', 'SKU-2', 'SKU-3'];

const WORKFLOW_IDS: Record<Flow, string> = { releval: 'benchWebhookReleval', shownOnly: 'benchWebhookShownOn', httpRequest: 'benchWebhookHttpReq', floor: 'benchWebhookFloor00' };
const webhookPath = (flow: Flow) => `bench-ubi-${flow.toLowerCase()}`;

function webhookNode(flow: Flow) {
	return {
		parameters: { httpMethod: 'POST', path: webhookPath(flow), responseMode: 'responseNode', options: {} },
		id: '6f1d0c1e-0000-4000-8000-000000000001',
		name: 'Search traffic',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `6f1d0c1e-0000-4000-8000-00000000010${FLOWS.indexOf(flow)}`,
	};
}

/** The same answer node in every flow: the caller gets the query_id (null in the floor, which tracks nothing). */
const RESPOND = {
	parameters: { respondWith: 'json', responseBody: '={{ JSON.stringify({ query_id: $json.query_id ?? null }) }}', options: {} },
	id: '6f1d0c1e-0000-4000-8000-000000000003',
	name: 'Answer with the query ID',
	type: 'n8n-nodes-base.respondToWebhook',
	typeVersion: 1.1,
	position: [480, 0],
};

function trackingNode(flow: Flow, baseUrl: string): Record<string, unknown> | undefined {
	const common = { id: '6f1d0c1e-0000-4000-8000-000000000002', name: 'Track query', position: [240, 0] };
	if (flow === 'releval' || flow === 'shownOnly') {
		return {
			...common,
			parameters: TRACK_QUERY_PARAMETERS,
			type: flow === 'releval' ? NODE_TYPE : SHOWN_ONLY_NODE_TYPE,
			typeVersion: 1,
			credentials: { relevalOAuth2Api: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
		};
	}
	if (flow === 'httpRequest') {
		return {
			...common,
			parameters: {
				method: 'POST',
				url: `${baseUrl}/api/v1/ubi/track-query`,
				authentication: 'genericCredentialType',
				genericAuthType: 'oAuth2Api',
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					"={{ JSON.stringify({ application: $json.body.application || 'web-shop-search', user_query: $json.body.query, client_id: $json.body.clientId, query_response_hit_ids: $json.body.results || [], object_id_field: 'product_id' }) }}",
				options: {},
			},
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.5,
			credentials: { oAuth2Api: { id: OAUTH2_CREDENTIAL_ID, name: OAUTH2_CREDENTIAL_NAME } },
		};
	}
	return undefined;
}

function workflow(flow: Flow, baseUrl: string): Record<string, unknown> {
	const tracking = trackingNode(flow, baseUrl);
	const nodes = [webhookNode(flow), ...(tracking ? [tracking] : []), RESPOND];
	const chain = nodes.map((node) => String(node.name));
	const connections = Object.fromEntries(chain.slice(0, -1).map((name, index) => [name, { main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] }]));
	return {
		id: WORKFLOW_IDS[flow],
		name: `bench: UBI webhook, ${FLOW_LABELS[flow]}`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function credentials(baseUrl: string): object[] {
	return [
		...credentialExport({ baseUrl, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret }),
		{
			id: OAUTH2_CREDENTIAL_ID,
			name: OAUTH2_CREDENTIAL_NAME,
			type: 'oAuth2Api',
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: `${baseUrl}/api/v1/oauth2/token`,
				clientId: DEFAULT_CLIENT.clientId,
				clientSecret: DEFAULT_CLIENT.clientSecret,
				scope: '',
				authentication: 'body',
			},
		},
	];
}

/** What one flow did in one round. */
export interface RoundFigures {
	executionsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	/** CPU time of the n8n processes (main, and workers in queue mode) per call, ms. */
	n8nCpuMsPerCall: number;
	/** … per process (main, worker-1…), ms per call. */
	n8nCpuMsPerCallByProcess: Record<string, number>;
	/** … of that, the main threads' (JavaScript) share; the rest is GC helpers, the thread pool (SQLite), compilers. */
	n8nMainThreadCpuMsPerCall: number;
	/** CPU time of Postgres (postmaster and backends) and Redis per call, queue mode only, ms. */
	databaseCpuMsPerCall?: number;
	mockCpuMsPerCall: number;
	/** Requests that reached the mock (token + API) and TCP connections opened to it, per call. */
	mockRequestsPerCall: number;
	connectionsPerMockRequest: number;
	wallMs: number;
}

export interface WebhookModeResult {
	mode: string;
	workers: number;
	calls: number;
	concurrency: number;
	rounds: number;
	perRound: Record<Flow, RoundFigures[]>;
	summaries: Record<Flow, Record<Exclude<keyof RoundFigures, 'n8nCpuMsPerCallByProcess'>, Summary>>;
	ratios: {
		/** floor executions/s ÷ Releval's: how much slower than n8n alone (target ≤ 1.2). */
		floorVsReleval: Summary;
		/** Releval executions/s ÷ HTTP Request's (> 1: ahead of the peer). */
		relevalVsHttpRequest: Summary;
		/** Releval's n8n CPU per call above the floor ÷ the HTTP Request node's (target ≤ 0.75). */
		addedCpuRelevalVsHttpRequest: Summary;
		/** The same for the declarative lower bound (only Track Query's properties). */
		addedCpuShownOnlyVsHttpRequest: Summary;
		/** p50 latency: Releval ÷ floor, Releval ÷ HTTP Request. */
		p50RelevalVsFloor: Summary;
		p50RelevalVsHttpRequest: Summary;
	};
	/** n8n CPU per call above the floor, ms, per round. */
	addedCpuMsPerCall: Record<Exclude<Flow, 'floor'>, Summary>;
	/** Token requests when FIRST_USE_CALLS calls arrive at once, before either credential has a token. */
	firstUse: Record<'releval' | 'httpRequest', { calls: number; tokenRequests: number; failures: number }>;
	startMs: number;
	/** Where the n8n main process's CPU goes per call (regular mode, a second, profiled n8n). */
	profile?: WebhookProfile;
}

export interface WebhookProfile {
	callsPerFlow: number;
	byFlow: Record<Flow, { cpuMsPerCall: number; owners: OwnerSummary; inclusive: FunctionTime[] }>;
}

interface Subject {
	url: string;
	/** The n8n processes whose CPU time counts, by name. */
	pids: Record<string, number>;
	/** Postgres' postmaster and Redis, in queue mode. */
	databasePids: number[];
}

function bodyOf(flow: Flow, round: number) {
	return (index: number) => ({ query: `bench ${flow} ${round} ${index}`, clientId: `visitor-${index}`, results: RESULTS, clicked: 'SKU-2' });
}

function checkCalls(flow: Flow, calls: Call[], what: string): void {
	const bad = calls.filter((call) => {
		if (call.status !== 200) return true;
		const answer = JSON.parse(call.body) as { query_id?: string | null };
		return flow === 'floor' ? answer.query_id !== null : typeof answer.query_id !== 'string' || answer.query_id === '';
	});
	if (bad.length) {
		throw new Error(`${FLOW_LABELS[flow]}, ${what}: ${bad.length} of ${calls.length} calls failed, e.g. ${bad[0].status} ${bad[0].body.slice(0, 400)}`);
	}
}

async function oneRound(subject: Subject, mock: MockProcess, flow: Flow, calls: number, concurrency: number, round: number): Promise<RoundFigures> {
	await mock.clearLog();
	const before = Object.fromEntries(Object.entries(subject.pids).map(([name, pid]) => [name, processCpuMs(pid)]));
	const mainThreadsBefore = Object.values(subject.pids).reduce((sum, pid) => sum + mainThreadCpuMs(pid), 0);
	const databaseBefore = subject.databasePids.reduce((sum, pid) => sum + processTreeCpuMs(pid), 0);
	const mockBefore = await mock.cpuMs();
	const load = await postLoad(`${subject.url}/webhook/${webhookPath(flow)}`, calls, concurrency, bodyOf(flow, round));
	const mockUsed = (await mock.cpuMs()) - mockBefore;
	const databaseUsed = subject.databasePids.reduce((sum, pid) => sum + processTreeCpuMs(pid), 0) - databaseBefore;
	const mainThreadsUsed = Object.values(subject.pids).reduce((sum, pid) => sum + mainThreadCpuMs(pid), 0) - mainThreadsBefore;
	const byProcess = Object.fromEntries(Object.entries(subject.pids).map(([name, pid]) => [name, (processCpuMs(pid) - before[name]) / calls]));
	checkCalls(flow, load.calls, `round ${round}`);
	const stats = await mock.stats();
	const mockRequests = stats.tokenRequests + stats.apiRequests;
	const latencies = load.calls.map((call) => call.ms).sort((a, b) => a - b);
	return {
		executionsPerSecond: calls / (load.ms / 1000),
		p50: percentile(latencies, 0.5),
		p95: percentile(latencies, 0.95),
		p99: percentile(latencies, 0.99),
		n8nCpuMsPerCall: Object.values(byProcess).reduce((sum, value) => sum + value, 0),
		n8nCpuMsPerCallByProcess: byProcess,
		n8nMainThreadCpuMsPerCall: mainThreadsUsed / calls,
		...(subject.databasePids.length ? { databaseCpuMsPerCall: databaseUsed / calls } : {}),
		mockCpuMsPerCall: mockUsed / calls,
		mockRequestsPerCall: mockRequests / calls,
		connectionsPerMockRequest: mockRequests ? stats.connectionsOpened / mockRequests : 0,
		wallMs: load.ms,
	};
}

/**
 * n8n answers readiness before it has activated the published workflows: wait until every flow's webhook is
 * registered. A GET (nothing runs) to a webhook registered for POST only is answered "…not registered for GET
 * requests. Did you mean to make a POST request?"; to an unregistered one, "…is not registered".
 */
async function waitForWebhooks(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (const flow of FLOWS) {
		for (;;) {
			const answer = await fetch(`${url}/webhook/${webhookPath(flow)}`).then((response) => response.text(), () => '');
			if (answer.includes('Did you mean to make a POST request')) break;
			if (Date.now() > deadline) throw new Error(`The webhook of ${FLOW_LABELS[flow]} was not registered after ${timeoutMs / 1000} s: ${answer.slice(0, 300)}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

/** 10 calls at once on each credential's first use (no token stored yet): how many tokens each fetched. */
async function firstUse(subject: Subject, mock: MockProcess): Promise<WebhookModeResult['firstUse']> {
	const result = {} as WebhookModeResult['firstUse'];
	for (const flow of ['releval', 'httpRequest'] as const) {
		await mock.clearLog();
		const load = await postLoad(`${subject.url}/webhook/${webhookPath(flow)}`, FIRST_USE_CALLS, FIRST_USE_CALLS, bodyOf(flow, -2));
		const stats = await mock.stats();
		checkCalls(flow, load.calls, 'first use');
		result[flow] = { calls: FIRST_USE_CALLS, tokenRequests: stats.tokenRequests, failures: load.calls.filter((call) => call.status !== 200).length };
	}
	return result;
}

async function measure(
	subject: Subject,
	mock: MockProcess,
	options: { mode: string; workers: number; calls: number; concurrency: number; rounds: number; startMs: number },
	log: (line: string) => void,
): Promise<WebhookModeResult> {
	const { calls, concurrency, rounds } = options;
	await waitForWebhooks(subject.url);
	const first = await firstUse(subject, mock);
	log(`${options.mode}: first use, ${FIRST_USE_CALLS} calls at once: Releval credential ${first.releval.tokenRequests} token requests, generic OAuth2 ${first.httpRequest.tokenRequests}`);
	// warm-up: every flow's code paths used once in every process before anything is measured
	for (const flow of FLOWS) checkCalls(flow, (await postLoad(`${subject.url}/webhook/${webhookPath(flow)}`, Math.max(40, concurrency * 4), concurrency, bodyOf(flow, -1))).calls, 'warm-up');
	const perRound = Object.fromEntries(FLOWS.map((flow) => [flow, [] as RoundFigures[]])) as unknown as Record<Flow, RoundFigures[]>;
	for (let round = 0; round < rounds; round++) {
		for (let offset = 0; offset < FLOWS.length; offset++) {
			const flow = FLOWS[(offset + round) % FLOWS.length];
			perRound[flow].push(await oneRound(subject, mock, flow, calls, concurrency, round));
		}
		const last = (flow: Flow) => perRound[flow][round];
		log(
			`${options.mode}, round ${round + 1}/${rounds}: ${FLOWS.map((flow) => `${flow} ${last(flow).executionsPerSecond.toFixed(1)}/s ${last(flow).n8nCpuMsPerCall.toFixed(1)} ms CPU`).join(', ')}`,
		);
	}
	const keys = Object.keys(perRound.floor[0]).filter((key) => key !== 'n8nCpuMsPerCallByProcess') as Array<Exclude<keyof RoundFigures, 'n8nCpuMsPerCallByProcess'>>;
	const summaries = Object.fromEntries(
		FLOWS.map((flow) => [flow, Object.fromEntries(keys.map((key) => [key, summarise(perRound[flow].map((figures) => Number(figures[key] ?? NaN)))]))]),
	) as WebhookModeResult['summaries'];
	const series = (flow: Flow, key: keyof RoundFigures) => perRound[flow].map((figures) => Number(figures[key]));
	const added = (flow: Flow) => series(flow, 'n8nCpuMsPerCall').map((value, index) => value - series('floor', 'n8nCpuMsPerCall')[index]);
	const [addedReleval, addedShownOnly, addedHttp] = [added('releval'), added('shownOnly'), added('httpRequest')];
	return {
		mode: options.mode,
		workers: options.workers,
		calls,
		concurrency,
		rounds,
		perRound,
		summaries,
		ratios: {
			floorVsReleval: summarise(ratios(series('floor', 'executionsPerSecond'), series('releval', 'executionsPerSecond'))),
			relevalVsHttpRequest: summarise(ratios(series('releval', 'executionsPerSecond'), series('httpRequest', 'executionsPerSecond'))),
			addedCpuRelevalVsHttpRequest: summarise(ratios(addedReleval, addedHttp)),
			addedCpuShownOnlyVsHttpRequest: summarise(ratios(addedShownOnly, addedHttp)),
			p50RelevalVsFloor: summarise(ratios(series('releval', 'p50'), series('floor', 'p50'))),
			p50RelevalVsHttpRequest: summarise(ratios(series('releval', 'p50'), series('httpRequest', 'p50'))),
		},
		addedCpuMsPerCall: { releval: summarise(addedReleval), shownOnly: summarise(addedShownOnly), httpRequest: summarise(addedHttp) },
		firstUse: first,
		startMs: options.startMs,
	};
}

export interface WebhookOptions {
	outDir: string;
	tarball: string;
	calls: number;
	concurrency: number;
	rounds: number;
	/** Queue mode with this many workers each (e.g. [1, 2]); empty: regular mode only. */
	queueWorkers: number[];
	/** Calls per flow in a CPU-profiled regular-mode n8n (0: no profile). */
	profileCalls: number;
	log: (line: string) => void;
}

export interface WebhookResult {
	n8nVersion: string;
	/** The measured package's node: top-level properties, and the names defined more than once (with their count). */
	node?: { properties: number; repeatedNames: Record<string, number> };
	modes: WebhookModeResult[];
	timingsMs: Record<string, number>;
}

/** The user folder of a regular-mode n8n: outside the project (see assertNoShadowingWorkflow in e2e/lib/n8n.ts). */
function freshUserFolder(name: string): string {
	const folder = path.join(tmpdir(), 'n8n-nodes-releval-bench', name);
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	return folder;
}

async function startRegular(install: N8nInstall, tarballs: string[], workflowDir: string, mock: MockProcess, extra: NodeJS.ProcessEnv = {}): Promise<{ n8n: RunningN8n; options: N8nOptions & { port: number } }> {
	const options: N8nOptions & { port: number } = {
		userFolder: freshUserFolder(`webhook-regular${extra.NODE_OPTIONS ? '-profiled' : ''}`),
		port: await freePort(),
		brokerPort: await freePort(),
		logLevel: 'warn',
		extra,
	};
	await installPackage(install, options.userFolder, tarballs);
	await importAll(install, options, credentials(mock.url), [workflowDir]);
	for (const flow of FLOWS) {
		const published = await publishWorkflow(install, options, WORKFLOW_IDS[flow]);
		if (published.code !== 0) throw new Error(`publish:workflow ${WORKFLOW_IDS[flow]} failed\n${published.stdout.slice(-2000)}\n${published.stderr.slice(-2000)}`);
	}
	return { n8n: await startN8n(install, options), options };
}

export async function runWebhook(mock: MockProcess, options: WebhookOptions): Promise<WebhookResult> {
	const { log } = options;
	const timingsMs: Record<string, number> = {};
	const install = await ensureN8n((line) => log(`[n8n install] ${line}`), 2);
	// the package, and beside it the shown-only node (the declarative lower bound)
	const tarballs = [options.tarball, await packShownOnlyPackage(path.join(options.outDir, 'shown-only'))];
	const workflowDir = path.join(options.outDir, 'workflows');
	rmSync(workflowDir, { recursive: true, force: true });
	mkdirSync(workflowDir, { recursive: true });
	for (const flow of FLOWS) writeFileSync(path.join(workflowDir, `${WORKFLOW_IDS[flow]}.json`), JSON.stringify(workflow(flow, mock.url), null, 2));
	const modes: WebhookModeResult[] = [];
	const shape = { calls: options.calls, concurrency: options.concurrency, rounds: options.rounds };

	// regular mode: one n8n process, SQLite
	{
		let started = Date.now();
		const { n8n } = await startRegular(install, tarballs, workflowDir, mock);
		const startMs = Date.now() - started;
		try {
			started = Date.now();
			const subject: Subject = { url: n8n.url, pids: { main: n8n.process.pid! }, databasePids: [] };
			modes.push(await measure(subject, mock, { mode: 'regular', workers: 0, startMs, ...shape }, log));
			timingsMs.regular = Date.now() - started + startMs;
		} finally {
			await n8n.stop();
		}
	}

	// queue mode: main + N workers, Postgres, Redis
	for (const workers of options.queueWorkers) {
		let started = Date.now();
		const logDir = path.join(options.outDir, `queue-${workers}`);
		rmSync(logDir, { recursive: true, force: true });
		mkdirSync(logDir, { recursive: true });
		const cluster: QueueCluster = await startQueueCluster({
			install,
			tarball: tarballs,
			workers,
			credentials: credentials(mock.url),
			workflowDirs: [workflowDir],
			publish: FLOWS.map((flow) => WORKFLOW_IDS[flow]),
			logDir,
			log: (line) => log(`[queue] ${line}`),
		});
		const startMs = Date.now() - started;
		try {
			started = Date.now();
			const pids: Record<string, number> = { main: cluster.main.process.pid! };
			for (const worker of cluster.workers) pids[worker.name] = worker.process.pid!;
			const databasePids = [Number(readPid(cluster, 'postgres')), Number(readPid(cluster, 'redis'))].filter((pid) => pid > 0);
			const subject: Subject = { url: cluster.main.url, pids, databasePids };
			const mode = `queue, ${workers} worker${workers === 1 ? '' : 's'}`;
			modes.push(await measure(subject, mock, { mode, workers, startMs, ...shape }, log));
			timingsMs[`queue${workers}`] = Date.now() - started + startMs;
		} finally {
			await cluster.stop();
		}
	}

	if (options.profileCalls > 0) {
		const started = Date.now();
		const profile = await profileRegular(install, options, tarballs, workflowDir, mock);
		modes[0].profile = profile;
		timingsMs.profile = Date.now() - started;
	}
	return { n8nVersion: install.n8nVersion, node: await describeInstalledNode(install, path.join(tmpdir(), 'n8n-nodes-releval-bench', 'webhook-regular')), modes, timingsMs };
}

/**
 * The installed package's node description as n8n loads it (its own n8n-workflow, through NODE_PATH as n8n gives
 * it to community packages): how many top-level properties, and which names repeat.
 */
async function describeInstalledNode(install: N8nInstall, userFolder: string): Promise<WebhookResult['node']> {
	const nodeFile = path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-releval', 'dist', 'nodes', 'Releval', 'Releval.node.js');
	const script = `const { Releval } = require(${JSON.stringify(nodeFile)}); const counts = {}; const properties = new Releval().description.properties; for (const p of properties) counts[p.name] = (counts[p.name] || 0) + 1; console.log(JSON.stringify({ properties: properties.length, repeatedNames: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1])) }));`;
	const result = await runCommand(install.nodeBin, ['-e', script], { env: { ...install.env, NODE_PATH: path.resolve(install.n8nBin, '..', '..', '..') } });
	try {
		return JSON.parse(result.stdout.trim()) as WebhookResult['node'];
	} catch {
		return undefined;
	}
}

/** The pid of Postgres' postmaster or Redis, from the cluster's pid registry (pids.json in its run folder). */
function readPid(cluster: QueueCluster, name: string): number | undefined {
	try {
		const registry = JSON.parse(readFileSync(path.join(cluster.runDir, 'pids.json'), 'utf8')) as { processes: Array<{ name: string; pid: number }> };
		return registry.processes.find((entry) => entry.name === name)?.pid;
	} catch {
		return undefined;
	}
}

/**
 * A regular-mode n8n under V8's sampling profiler: `profileCalls` calls of each flow (after a warm-up), each flow's
 * load a window of its own; self time by owner and inclusive time by function, per call.
 */
async function profileRegular(install: N8nInstall, options: WebhookOptions, tarballs: string[], workflowDir: string, mock: MockProcess): Promise<WebhookProfile | undefined> {
	const profileDir = path.join(options.outDir, 'cpu-profile');
	rmSync(profileDir, { recursive: true, force: true });
	mkdirSync(profileDir, { recursive: true });
	const { n8n } = await startRegular(install, tarballs, workflowDir, mock, {
		NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-interval=250`,
	});
	const windows: Partial<Record<Flow, Array<[number, number]>>> = {};
	const offset = epochOffsetUs();
	try {
		await waitForWebhooks(n8n.url);
		for (const flow of FLOWS) {
			checkCalls(flow, (await postLoad(`${n8n.url}/webhook/${webhookPath(flow)}`, 60, options.concurrency, bodyOf(flow, -3))).calls, 'profiled warm-up');
		}
		for (const flow of FLOWS) {
			const from = Date.now() * 1000 - offset;
			const load = await postLoad(`${n8n.url}/webhook/${webhookPath(flow)}`, options.profileCalls, options.concurrency, bodyOf(flow, -4));
			windows[flow] = [[from, Date.now() * 1000 - offset]];
			checkCalls(flow, load.calls, 'profiled');
		}
	} finally {
		await n8n.stop();
	}
	const files = readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'));
	const largest = files.sort((a, b) => statSync(path.join(profileDir, b)).size - statSync(path.join(profileDir, a)).size)[0];
	if (!largest) {
		options.log(`no CPU profile was written in ${profileDir}`);
		return undefined;
	}
	const cpuProfile = JSON.parse(readFileSync(path.join(profileDir, largest), 'utf8')) as CpuProfile;
	const byFlow = {} as WebhookProfile['byFlow'];
	for (const flow of FLOWS) {
		const owners = summariseProfile(cpuProfile, windows[flow]);
		const perCall = (ms: number) => ms / options.profileCalls;
		const busyMs = Object.entries(owners.perWindowMs)
			.filter(([owner]) => !owner.startsWith('idle'))
			.reduce((sum, [, ms]) => sum + ms, 0);
		byFlow[flow] = {
			cpuMsPerCall: perCall(busyMs),
			owners,
			inclusive: inclusiveByFunction(cpuProfile, windows[flow]!, 80).map((entry) => ({ ...entry, ms: perCall(entry.ms) })),
		};
	}
	return { callsPerFlow: options.profileCalls, byFlow };
}
