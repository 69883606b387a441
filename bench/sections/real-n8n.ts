import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureN8n, NODE_VERSION, type N8nInstall } from '../../e2e/lib/install';
import {
	credentialExport,
	executeBatch,
	freePort,
	importAll,
	installPackage,
	NODE_TYPE,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	type ExecutionOutput,
	type N8nOptions,
} from '../../e2e/lib/n8n';
import { DEFAULT_PAGES_IN_PARALLEL } from '../../nodes/shared/api';
import { DEFAULT_CLIENT } from '../../test/mock/server';
import { epochOffsetUs, summariseProfile, type CpuProfile, type OwnerSummary } from '../lib/cpuprofile';
import type { MockProcess } from '../lib/mock';
import { packedPackage } from '../lib/package';
import { ratios, summarise, type Summary } from '../lib/stats';

/*
 * Part 2: the same 10,000 evaluations in the same real n8n (2.41.1, the e2e install), our node against what a user
 * builds without this package: n8n's HTTP Request node with its own pagination and a generic OAuth2
 * client-credentials credential. All workflows run in ONE `n8n execute-batch` process, one at a time, interleaved
 * round by round in a rotating order after a warm-up round; times are the nodes' own `executionTime` from runData.
 */

const OAUTH2_CREDENTIAL_ID = 'benchOAuth2Api01';
const OAUTH2_CREDENTIAL_NAME = 'Releval via generic OAuth2 (client credentials)';
const PAGE_SIZE = 100;

/** The four compared workflows, and optionally `ours<N>` (Pages in Parallel = N, to try another default). */
export type Peer = 'oursDefault' | 'oursSequential' | 'httpOAuth2' | 'httpBearer' | `ours${number}`;

export const PEER_LABELS: Record<string, string> = {
	oursDefault: `Releval node, Get Many, Return All (default: ${DEFAULT_PAGES_IN_PARALLEL} pages in parallel)`,
	oursSequential: 'Releval node, Get Many, Return All, Pages in Parallel = 1',
	httpOAuth2: 'HTTP Request 4.5 + pagination + generic OAuth2 (client credentials)',
	httpBearer: 'HTTP Request 4.5 + pagination + fixed "Authorization: Bearer" header (reference)',
};

/** What a user configures for each (the HTTP Request rows also need Split Out to get one item per evaluation). */
export const CONFIGURATION: Record<'ours' | 'peer', string[]> = {
	ours: [
		'Credential "Releval OAuth2 API": Base URL, Client ID, Client Secret (3 fields)',
		'Releval node: Resource = Evaluation, Operation = Get Many, Return All = on (3 fields)',
	],
	peer: [
		'Credential "OAuth2 API": Grant Type = Client Credentials, Access Token URL = {base}/api/v1/oauth2/token, Client ID, Client Secret, Scope (empty), Authentication = Send Credentials in Body (6 fields)',
		'HTTP Request node: Method GET, URL = {base}/api/v1/evaluations, Authentication = Generic Credential Type, Generic Auth Type = OAuth2 API, Send Query Parameters = on, pageSize = 100 (6 fields)',
		'HTTP Request → Options → Pagination: Mode = Update a Parameter in Each Request, Type = Query, Name = page, Value = {{ $pageCount + 1 }}, Pagination Complete When = Other, Complete Expression = {{ $pageCount * 100 >= $response.body.total }} (6 fields, 2 expressions that need the envelope\'s shape)',
		'Split Out node: Field To Split Out = items (the HTTP Request node outputs one item per page, not per evaluation) (1 node, 1 field)',
	],
};

function manualTrigger() {
	return {
		parameters: {},
		id: '0b3ed296-2998-5549-b011-000000000001',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
	};
}

const MEASURED_NODE = 'List evaluations';
const SPLIT_NODE = 'Split Out';

function workflow(id: string, peer: Peer, baseUrl: string, bearerToken: string): Record<string, unknown> {
	const nodes: Array<Record<string, unknown>> = [manualTrigger()];
	const connections: Record<string, unknown> = {
		Start: { main: [[{ node: MEASURED_NODE, type: 'main', index: 0 }]] },
	};
	if (peer.startsWith('ours')) {
		const parallel = peer === 'oursSequential' ? 1 : /^ours\d+$/.test(peer) ? Number(peer.slice(4)) : undefined;
		nodes.push({
			parameters: {
				resource: 'evaluation',
				operation: 'getAll',
				returnAll: true,
				...(parallel ? { pagesInParallel: parallel } : {}),
			},
			id: '0b3ed296-2998-5549-b011-000000000002',
			name: MEASURED_NODE,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [220, 0],
			credentials: { relevalOAuth2Api: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
		});
	} else {
		const auth =
			peer === 'httpOAuth2'
				? { authentication: 'genericCredentialType', genericAuthType: 'oAuth2Api' }
				: {
						authentication: 'none',
						sendHeaders: true,
						headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${bearerToken}` }] },
					};
		nodes.push({
			parameters: {
				url: `${baseUrl}/api/v1/evaluations`,
				...auth,
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'pageSize', value: String(PAGE_SIZE) }] },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: `={{ $pageCount * ${PAGE_SIZE} >= $response.body.total }}`,
						},
					},
				},
			},
			id: '0b3ed296-2998-5549-b011-000000000003',
			name: MEASURED_NODE,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.5,
			position: [220, 0],
			...(peer === 'httpOAuth2' ? { credentials: { oAuth2Api: { id: OAUTH2_CREDENTIAL_ID, name: OAUTH2_CREDENTIAL_NAME } } } : {}),
		});
		nodes.push({
			parameters: { fieldToSplitOut: 'items', options: {} },
			id: '0b3ed296-2998-5549-b011-000000000004',
			name: SPLIT_NODE,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
		});
		connections[MEASURED_NODE] = { main: [[{ node: SPLIT_NODE, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name: `bench: ${PEER_LABELS[peer]} (${id})`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

interface NodeRun {
	executionTime: number;
	items: number;
}

function nodeRun(output: ExecutionOutput, nodeName: string): NodeRun | undefined {
	const runs = output.result?.data?.resultData?.runData?.[nodeName] as
		| Array<{ executionTime?: number; data?: { main?: Array<unknown[] | null> } }>
		| undefined;
	const run = runs?.[0];
	if (!run) return undefined;
	return { executionTime: Number(run.executionTime ?? NaN), items: run.data?.main?.[0]?.length ?? 0 };
}

export interface RealN8nResult {
	n8nVersion: string;
	nodeVersion: string;
	rounds: number;
	items: number;
	/** Node execution time (ms) per peer, per round; for the HTTP Request peers, the HTTP Request node alone. */
	nodeMs: Record<Peer, number[]>;
	/** HTTP Request + Split Out (ms) per round: the time to one item per evaluation. */
	withSplitOutMs: Partial<Record<Peer, number[]>>;
	itemsOut: Record<Peer, number>;
	summaries: Record<string, Summary>;
	ratios: Record<string, Summary>;
	tokenRequests: number;
	apiRequests: number;
	configuration: typeof CONFIGURATION;
	timingsMs: Record<string, number>;
	/** Where the time goes inside n8n during each node's execution (a second, CPU-profiled batch). */
	profile?: { executions: number; byPeer: Partial<Record<Peer, OwnerSummary>> };
}

interface NodeWindow {
	/** Epoch ms when the node started, and its executionTime (runData). */
	startTime: number;
	executionTime: number;
}

function nodeWindow(output: ExecutionOutput, nodeName: string): NodeWindow | undefined {
	const runs = output.result?.data?.resultData?.runData?.[nodeName] as Array<{ startTime?: number; executionTime?: number }> | undefined;
	const run = runs?.[0];
	return run?.startTime === undefined ? undefined : { startTime: Number(run.startTime), executionTime: Number(run.executionTime) };
}

export async function runRealN8n(
	mock: MockProcess,
	outDir: string,
	rounds: number,
	expectedItems: number,
	log: (line: string) => void,
	profileRounds = 0,
	extraParallel: number[] = [],
): Promise<RealN8nResult> {
	const timingsMs: Record<string, number> = {};
	let started = Date.now();
	const install: N8nInstall = await ensureN8n((line) => log(`[n8n install] ${line}`));
	timingsMs.install = Date.now() - started;

	started = Date.now();
	const tarball = await packedPackage(path.dirname(outDir));
	timingsMs.buildAndPack = Date.now() - started;

	// Outside the project: below it, the package would load the project's n8n-workflow instead of n8n's (see
	// assertNoShadowingWorkflow in e2e/lib/n8n.ts).
	const userFolder = path.join(tmpdir(), 'n8n-nodes-releval-bench', 'n8n-user');
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const options: N8nOptions = {
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		logLevel: 'warn',
		// The measured figure is the node's own executionTime; not saving 10,000-item executions keeps the run short.
		extra: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false' },
	};
	started = Date.now();
	await installPackage(install, userFolder, tarball);
	timingsMs.installPackage = Date.now() - started;

	// A token for the fixed-header reference, fetched like any API client would.
	const tokenResponse = await fetch(`${mock.url}/api/v1/oauth2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret }),
	});
	const bearerToken = ((await tokenResponse.json()) as { access_token: string }).access_token;

	const peers: Peer[] = ['oursDefault', 'oursSequential', 'httpOAuth2', 'httpBearer', ...extraParallel.map((n): Peer => `ours${n}`)];
	const plan: Array<{ id: string; peer: Peer; round: number }> = [];
	for (let round = -1; round < rounds; round++) {
		// round -1 is the warm-up (first use of each code path in the process)
		const order = peers.map((_, offset) => peers[(offset + Math.max(0, round)) % peers.length]);
		for (const peer of order) {
			plan.push({ id: `bench${String(plan.length).padStart(3, '0')}${peer}`.slice(0, 36), peer, round });
		}
	}
	const workflowDir = path.join(outDir, 'workflows');
	rmSync(workflowDir, { recursive: true, force: true });
	mkdirSync(workflowDir, { recursive: true });
	for (const entry of plan) {
		writeFileSync(path.join(workflowDir, `${entry.id}.json`), JSON.stringify(workflow(entry.id, entry.peer, mock.url, bearerToken), null, 2));
	}
	const credentials = [
		...credentialExport({ baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret }),
		{
			id: OAUTH2_CREDENTIAL_ID,
			name: OAUTH2_CREDENTIAL_NAME,
			type: 'oAuth2Api',
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: `${mock.url}/api/v1/oauth2/token`,
				clientId: DEFAULT_CLIENT.clientId,
				clientSecret: DEFAULT_CLIENT.clientSecret,
				scope: '',
				authentication: 'body',
			},
		},
	];
	started = Date.now();
	await importAll(install, options, credentials, [workflowDir]);
	timingsMs.import = Date.now() - started;

	await mock.clearLog();
	started = Date.now();
	const batch = await executeBatch(install, options, plan.map((entry) => entry.id), path.join(outDir, 'snapshots'));
	timingsMs.executeBatch = Date.now() - started;
	const mockStats = await mock.stats();
	writeFileSync(path.join(outDir, 'execute-batch.log'), `${batch.command.stdout}\n${batch.command.stderr}`);
	// n8n's snapshots hold every item of every execution (about 0.5 GB): read above, dropped unless asked to keep
	if (!process.env.BENCH_KEEP_SNAPSHOTS) rmSync(path.join(outDir, 'snapshots'), { recursive: true, force: true });

	const nodeMs = Object.fromEntries(peers.map((peer) => [peer, [] as number[]])) as unknown as Record<Peer, number[]>;
	const withSplitOutMs: Partial<Record<Peer, number[]>> = { httpOAuth2: [], httpBearer: [] };
	const itemsOut = {} as Record<Peer, number>;
	for (const entry of plan) {
		const output = batch.runs[entry.id];
		const status = batch.summary.executions.find((execution) => execution.workflowId === entry.id);
		if (!output) {
			throw new Error(`Workflow ${entry.id} (${entry.peer}) did not succeed: ${status?.executionStatus ?? 'not run'} ${status?.error ?? ''}\n${batch.command.stdout.slice(-3000)}`);
		}
		const measured = nodeRun(output, MEASURED_NODE);
		const split = nodeRun(output, SPLIT_NODE);
		const items = split ? split.items : (measured?.items ?? 0);
		if (!measured || items !== expectedItems) {
			throw new Error(`Workflow ${entry.id} (${entry.peer}) output ${items} items, expected ${expectedItems}`);
		}
		itemsOut[entry.peer] = items;
		if (entry.round < 0) continue;
		nodeMs[entry.peer].push(measured.executionTime);
		if (split) withSplitOutMs[entry.peer]?.push(measured.executionTime + split.executionTime);
	}
	const summaries: Record<string, Summary> = {};
	for (const peer of peers) summaries[peer] = summarise(nodeMs[peer]);
	summaries.httpOAuth2WithSplitOut = summarise(withSplitOutMs.httpOAuth2 ?? []);
	summaries.httpBearerWithSplitOut = summarise(withSplitOutMs.httpBearer ?? []);
	for (const n of extraParallel) summaries[`ours${n}`] = summarise(nodeMs[`ours${n}`]);
	const ratioSummaries: Record<string, Summary> = {
		oursDefaultVsHttpOAuth2: summarise(ratios(nodeMs.oursDefault, nodeMs.httpOAuth2)),
		oursSequentialVsHttpOAuth2: summarise(ratios(nodeMs.oursSequential, nodeMs.httpOAuth2)),
		oursDefaultVsHttpOAuth2WithSplitOut: summarise(ratios(nodeMs.oursDefault, withSplitOutMs.httpOAuth2 ?? [])),
		httpBearerVsHttpOAuth2: summarise(ratios(nodeMs.httpBearer, nodeMs.httpOAuth2)),
		...Object.fromEntries(extraParallel.map((n) => [`ours${n}VsHttpOAuth2`, summarise(ratios(nodeMs[`ours${n}`], nodeMs.httpOAuth2))])),
		...Object.fromEntries(extraParallel.map((n) => [`ours${n}VsOursDefault`, summarise(ratios(nodeMs[`ours${n}`], nodeMs.oursDefault))])),
	};
	let profile: RealN8nResult['profile'];
	if (profileRounds > 0) {
		// The same workflows again (warm-up round + `profileRounds` rounds), in a CPU-profiled n8n process; each node's
		// execution window (runData startTime + executionTime, wall clock) is cut out of the profile.
		const profileDir = path.join(outDir, 'cpu-profile');
		rmSync(profileDir, { recursive: true, force: true });
		mkdirSync(profileDir, { recursive: true });
		const profiledPlan = plan.filter((entry) => entry.round < profileRounds);
		started = Date.now();
		const profiled = await executeBatch(
			install,
			{ ...options, extra: { ...options.extra, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-interval=250` } },
			profiledPlan.map((entry) => entry.id),
			path.join(outDir, 'snapshots-profiled'),
		);
		timingsMs.executeBatchProfiled = Date.now() - started;
		if (!process.env.BENCH_KEEP_SNAPSHOTS) rmSync(path.join(outDir, 'snapshots-profiled'), { recursive: true, force: true });
		const files = readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'));
		// n8n's own process wrote the largest profile (a task runner, if any, writes a small one)
		const largest = files.sort((a, b) => statSync(path.join(profileDir, b)).size - statSync(path.join(profileDir, a)).size)[0];
		if (largest) {
			const cpuProfile = JSON.parse(readFileSync(path.join(profileDir, largest), 'utf8')) as CpuProfile;
			const offset = epochOffsetUs();
			const byPeer: Partial<Record<Peer, OwnerSummary>> = {};
			for (const peer of peers) {
				const windows: Array<[number, number]> = [];
				for (const entry of profiledPlan.filter((candidate) => candidate.peer === peer && candidate.round >= 0)) {
					const output = profiled.runs[entry.id];
					const window = output && nodeWindow(output, MEASURED_NODE);
					if (window) windows.push([window.startTime * 1000 - offset, (window.startTime + window.executionTime) * 1000 - offset]);
				}
				if (windows.length) byPeer[peer] = summariseProfile(cpuProfile, windows);
			}
			profile = { executions: profileRounds, byPeer };
		} else {
			log(`no CPU profile was written in ${profileDir}`);
		}
	}
	return {
		profile,
		n8nVersion: install.n8nVersion,
		nodeVersion: NODE_VERSION,
		rounds,
		items: expectedItems,
		nodeMs,
		withSplitOutMs,
		itemsOut,
		summaries,
		ratios: ratioSummaries,
		tokenRequests: mockStats.tokenRequests,
		apiRequests: mockStats.apiRequests,
		configuration: CONFIGURATION,
		timingsMs,
	};
}
