/*
 * npm run bench — the Releval node's performance, side by side with the limit and the peer (issue 7):
 *   1. Return All over 10,000 items through the node in the n8n-core harness vs a bare axios loop;
 *   2. the same in real n8n: the node vs n8n's HTTP Request node with its pagination and a generic OAuth2 credential;
 *   3. token economy over 100 executions;
 *   4. memory for 10,000 and 100,000 items, each in a fresh process;
 *   5. 50 pages with 20 ms of latency each: sequential vs concurrent paging;
 *   7. the UBI webhook flow in real n8n (regular mode, queue mode with 1 and 2 workers): the node vs the HTTP Request
 *      node vs no Releval call, executions per second, latency, n8n CPU per call (issue 13);
 *   8. what the node's description costs n8n's declarative engine per Track Query execution (n8n-core);
 *   9. Evaluation Run → Compare: the comparison's own CPU time for two runs of 10,000 queries (issue 15).
 * Prints a table and writes bench/results.json (raw figures in bench/out/, ignored by git).
 * Then where the time goes: CPU profiles of the harness runs and of a second, profiled real-n8n batch (--no-profile skips).
 * Options: --only=1,3 (parts), --quick (fewer rounds and calls), --rounds=N (parts 1, 2 and 5), --no-profile,
 * --n8n-parallel=8,16 (part 2 also runs the node with these Pages in Parallel, to weigh another default),
 * --webhook-calls=N --webhook-rounds=N --queue-workers=1,2 (part 7; --queue-workers= for regular mode only),
 * --update-results (with --only: the parts run replace theirs in bench/results.json, listed under "updates").
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { NODE_VERSION } from '../e2e/lib/install';
import { DEFAULT_PAGES_IN_PARALLEL } from '../nodes/shared/api';
import { startMockProcess } from './lib/mock';
import { GROUPS, grouped, type OwnerSummary } from './lib/cpuprofile';
import { fmtBytes, fmtMs, fmtRatio, fmtSummaryMs, fmtSummaryRatio, summarise, table, type Summary } from './lib/stats';
import {
	connectionReuse,
	latencyBound,
	pagingVsLimit,
	tokenEconomy,
	type ConnectionReuseResult,
	type LatencyResult,
	type PagingResult,
	type TokenResult,
} from './sections/harness';
import { memory, type MemoryResult } from './sections/memory';
import { profileHarness, type HarnessProfile } from './sections/profile';
import { CONFIGURATION, runRealN8n, type RealN8nResult } from './sections/real-n8n';
import { FLOW_LABELS, FLOWS, runWebhook, type WebhookResult } from './sections/webhook';
import { nodeCost, type NodeCostResult } from './sections/node-cost';
import { compareCpu, type CompareCpuResult } from './sections/compare';
import { packedPackage } from './lib/package';

const BENCH_DIR = __dirname;
const OUT_DIR = path.join(BENCH_DIR, 'out');
const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');

const ITEMS = 10_000;
const MEMORY_SIZES = [10_000, 25_000, 50_000, 100_000];
const LATENCY_MS = 20;
const LATENCY_PAGES = 50;
const EXECUTIONS = 100;
const SHORT_LIFETIME_SECONDS = 2;
const SHORT_RUN_MS = 6_500;

function argument(name: string): string | undefined {
	const prefix = `--${name}=`;
	const match = process.argv.slice(2).find((arg) => arg === `--${name}` || arg.startsWith(prefix));
	if (!match) return undefined;
	return match.startsWith(prefix) ? match.slice(prefix.length) : 'true';
}

const quick = argument('quick') === 'true';
const ALL_PARTS = [1, 2, 3, 4, 5, 7, 8, 9];
const only = new Set((argument('only') ?? ALL_PARTS.join(',')).split(',').map((part) => Number(part.trim())));
const profiling = argument('no-profile') !== 'true';
const n8nParallel = (argument('n8n-parallel') ?? '').split(',').filter(Boolean).map(Number);
const roundsOverride = argument('rounds') ? Number(argument('rounds')) : undefined;
const rounds = {
	paging: roundsOverride ?? (quick ? 5 : 15),
	realN8n: roundsOverride ?? (quick ? 3 : 9),
	latency: roundsOverride ?? (quick ? 3 : 9),
	webhook: argument('webhook-rounds') ? Number(argument('webhook-rounds')) : quick ? 2 : 3,
};
const webhookCalls = argument('webhook-calls') ? Number(argument('webhook-calls')) : quick ? 100 : 200;
const queueWorkers = (argument('queue-workers') ?? '1,2').split(',').filter(Boolean).map(Number);

function log(line: string) {
	process.stderr.write(`[bench] ${line}\n`);
}

interface Target {
	target: string;
	measured: string;
	met: boolean;
}

async function main() {
	const startedAt = new Date();
	const started = Date.now();
	mkdirSync(OUT_DIR, { recursive: true });
	const machine = {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		memoryGiB: Math.round(totalmem() / 1024 ** 3),
		platform: `${process.platform}-${process.arch}`,
		nodeHarness: process.version,
		loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
	};
	log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadAverageAtStart.join(' ')}`);
	const durationsMs: Record<string, number> = {};
	const timedPart = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
		const partStarted = Date.now();
		log(`${name}…`);
		try {
			return await work();
		} finally {
			durationsMs[name] = Date.now() - partStarted;
			log(`${name} done in ${fmtMs(durationsMs[name])}`);
		}
	};

	let paging: PagingResult | undefined;
	let realN8n: RealN8nResult | undefined;
	let tokens: TokenResult | undefined;
	let mem: MemoryResult | undefined;
	let latency: LatencyResult | undefined;
	let harnessProfile: HarnessProfile | undefined;
	let webhook: WebhookResult | undefined;
	let connections: ConnectionReuseResult | undefined;
	let descriptionCost: NodeCostResult | undefined;
	let comparison: CompareCpuResult | undefined;

	const mock = await startMockProcess();
	try {
		await mock.setEvaluationCount(ITEMS);
		if (only.has(1)) paging = await timedPart('1 paging vs the limit', () => pagingVsLimit(mock, ITEMS, rounds.paging));
		if (only.has(1)) connections = await timedPart('1b connection reuse through n8n\'s request helpers', () => connectionReuse(mock, ITEMS));
		if (only.has(2)) {
			await mock.setEvaluationCount(ITEMS);
			realN8n = await timedPart('2 against the peer in real n8n', () =>
				runRealN8n(mock, path.join(OUT_DIR, 'real-n8n'), rounds.realN8n, ITEMS, log, profiling ? (quick ? 2 : 3) : 0, n8nParallel),
			);
		}
		if (only.has(1) && profiling) {
			await mock.setEvaluationCount(ITEMS);
			harnessProfile = await timedPart('6 where the time goes (harness CPU profile)', () => profileHarness(mock, ITEMS, quick ? 5 : 10, OUT_DIR));
		}
		if (only.has(8)) descriptionCost = await timedPart("8 the description's cost per execution", () => nodeCost(mock, quick ? 100 : 200, quick ? 3 : 5));
		if (only.has(7)) {
			webhook = await timedPart('7 webhook flow in real n8n', async () =>
				runWebhook(mock, {
					outDir: path.join(OUT_DIR, 'webhook'),
					tarball: await packedPackage(OUT_DIR),
					calls: webhookCalls,
					concurrency: 10,
					rounds: rounds.webhook,
					queueWorkers,
					profileCalls: profiling ? (quick ? 100 : 200) : 0,
					log,
				}),
			);
		}
		if (only.has(4)) mem = await timedPart('4 memory', () => memory(mock, MEMORY_SIZES));
	} finally {
		await mock.stop();
	}
	if (only.has(9)) comparison = await timedPart('9 Compare of two 10,000-query runs', async () => compareCpu(10_000, quick ? 3 : 9));
	if (only.has(3)) tokens = await timedPart('3 token economy', () => tokenEconomy(EXECUTIONS, SHORT_LIFETIME_SECONDS, SHORT_RUN_MS));
	if (only.has(5)) {
		latency = await timedPart('5 latency-bound paging', () => latencyBound(LATENCY_MS, LATENCY_PAGES, rounds.latency, [4, 6, 8].filter((n) => n !== DEFAULT_PAGES_IN_PARALLEL)));
	}

	// ---- table ----
	const rows: string[][] = [];
	const targets: Record<string, Target> = {};
	const row = (part: string, what: string, time: string, ratio = '', target = '', met = '') => rows.push([part, what, time, ratio, target, met]);
	const yes = (ok: boolean) => (ok ? 'met' : 'MISSED');

	if (paging) {
		const ratio = paging.ratios.nodeDefaultVsBareLoop;
		targets.harnessVsBareLoop = { target: '≤ 1.25× the sequential bare loop (n8n-core harness)', measured: fmtSummaryRatio(ratio), met: ratio.median <= 1.25 };
		row('1', `Bare axios loop, sequential, same token (the limit) — ${paging.items} items, ${paging.pages} pages`, fmtSummaryMs(paging.summaries.bareLoop), '1.00×');
		row('1', '  bare loop with a keep-alive agent (reference: n8n opens a connection per request)', fmtSummaryMs(paging.summaries.bareLoopKeepAlive), fmtSummaryRatio(paging.ratios.bareLoopKeepAliveVsBareLoop));
		row('1', 'Releval node in n8n-core, Return All, Pages in Parallel = 1', fmtSummaryMs(paging.summaries.nodeSequential), fmtSummaryRatio(paging.ratios.nodeSequentialVsBareLoop), '≤ 1.25×', yes(paging.ratios.nodeSequentialVsBareLoop.median <= 1.25));
		row('1', `Releval node in n8n-core, Return All, default (${DEFAULT_PAGES_IN_PARALLEL} in parallel)`, fmtSummaryMs(paging.summaries.nodeDefault), fmtSummaryRatio(ratio), '≤ 1.25×', yes(targets.harnessVsBareLoop.met));
		const parallelRatio = paging.ratios.nodeDefaultVsParallelKeepAlive;
		targets.harnessVsParallelKeepAliveLoop = { target: `≤ 1.25× a bare loop fetching ${DEFAULT_PAGES_IN_PARALLEL} pages at a time over kept-alive connections`, measured: fmtSummaryRatio(parallelRatio), met: parallelRatio.median <= 1.25 };
		row('1', `Bare loop, ${DEFAULT_PAGES_IN_PARALLEL} pages at a time, keep-alive, one token (the physical limit)`, fmtSummaryMs(paging.summaries.bareLoopParallelKeepAlive), fmtSummaryRatio(summarise(paging.ms.bareLoopParallelKeepAlive.map((value, index) => value / paging!.ms.bareLoop[index]))));
		row('1', `  Releval node, default ÷ that parallel keep-alive loop`, '', fmtSummaryRatio(parallelRatio), '≤ 1.25×', yes(targets.harnessVsParallelKeepAliveLoop.met));
	}
	if (connections) {
		const c = connections;
		row('1', `TCP connections per 100 requests (${c.requests} requests, counted at the mock): the node, Return All`, c.per100.nodeReturnAll.toFixed(0));
		row('1', "  n8n's request helper as the node calls it / with agentOptions { keepAlive: true } / bare keep-alive loop", `${c.per100.n8nHelper.toFixed(0)} / ${c.per100.n8nHelperKeepAliveOption.toFixed(0)} / ${c.per100.bareLoopKeepAlive.toFixed(0)}`);
		row('1', '  connections left open 1 s later (helper / helper with keepAlive); time for the requests', `${c.leftOpen.n8nHelper} / ${c.leftOpen.n8nHelperKeepAliveOption}; ${fmtMs(c.ms.n8nHelper)} / ${fmtMs(c.ms.n8nHelperKeepAliveOption)}`);
	}
	if (realN8n) {
		const ratio = realN8n.ratios.oursDefaultVsHttpOAuth2;
		targets.realN8nVsHttpRequest = { target: '≤ 0.5× the HTTP Request node (same n8n)', measured: fmtSummaryRatio(ratio), met: ratio.median <= 0.5 };
		const s = realN8n.summaries;
		row('2', `n8n ${realN8n.n8nVersion}: HTTP Request + pagination + generic OAuth2 (peer) — node executionTime`, fmtSummaryMs(s.httpOAuth2), '1.00×');
		row('2', '  … + Split Out to one item per evaluation (HTTP Request + Split Out)', fmtSummaryMs(s.httpOAuth2WithSplitOut));
		row('2', '  HTTP Request + pagination + fixed Bearer header (reference, no credential)', fmtSummaryMs(s.httpBearer), fmtSummaryRatio(realN8n.ratios.httpBearerVsHttpOAuth2));
		const perPage = (a: number[], b: number[]) => summarise(a.map((value, index) => (value - b[index]) / (realN8n!.items / 100)));
		row('2', "  n8n's generic OAuth2 credential path per page ((OAuth2 − Bearer) ÷ pages)", ((value) => `${value.median.toFixed(1)} ms (${value.min.toFixed(1)}–${value.max.toFixed(1)}) per page`)(perPage(realN8n.nodeMs.httpOAuth2, realN8n.nodeMs.httpBearer)));
		row('2', 'Releval node, Return All, Pages in Parallel = 1', fmtSummaryMs(s.oursSequential), fmtSummaryRatio(realN8n.ratios.oursSequentialVsHttpOAuth2), '≤ 0.5×', yes(realN8n.ratios.oursSequentialVsHttpOAuth2.median <= 0.5));
		row('2', `Releval node, Return All, default (${DEFAULT_PAGES_IN_PARALLEL} in parallel)`, fmtSummaryMs(s.oursDefault), fmtSummaryRatio(ratio), '≤ 0.5×', yes(targets.realN8nVsHttpRequest.met));
		for (const n of n8nParallel) {
			row('2', `  Releval node, Pages in Parallel = ${n} (not the default)`, fmtSummaryMs(s[`ours${n}`]), fmtSummaryRatio(realN8n.ratios[`ours${n}VsHttpOAuth2`]));
			row('2', `    … ÷ default (${DEFAULT_PAGES_IN_PARALLEL})`, '', fmtSummaryRatio(realN8n.ratios[`ours${n}VsOursDefault`]));
		}
		row('2', `  token requests in the batch (${realN8n.rounds + 1} executions per workflow, 2 credentials)`, String(realN8n.tokenRequests), '', '2', yes(realN8n.tokenRequests === 2));
	}
	if (tokens) {
		const within = tokens.withinLifetime;
		const short = tokens.shortLifetime;
		targets.tokenWithinLifetime = { target: 'exactly 1 token request for 100 executions within one lifetime', measured: String(within.tokenRequests), met: within.tokenRequests === 1 };
		row('3', `${within.executions} executions within one token lifetime (${within.lifetimeSeconds} s): token requests`, String(within.tokenRequests), '', 'exactly 1', yes(targets.tokenWithinLifetime.met));
		row('3', '  401 round trips', String(within.unauthorized), '', '0', yes(within.unauthorized === 0));
		row(
			'3',
			`${short.executions} executions over ${fmtMs(short.durationMs)}, lifetime ${short.lifetimeSeconds} s (refresh ${short.refreshMarginSeconds} s early): token requests`,
			`${short.tokenRequests} (${short.tokensPerLifetime.toFixed(2)} per lifetime)`,
			'',
			`≤ ${short.minimumWithMargin} (1 per ${short.lifetimeSeconds - short.refreshMarginSeconds} s)`,
			yes(short.tokenRequests <= short.minimumWithMargin + 1),
		);
		// n8n calls preAuthentication only for an empty token or after a 401: a token due for refresh is not sent, and
		// the one 401 it earns is how the credential gets n8n to fetch the next one.
		row('3', '  401 round trips (one per refresh: how n8n is told to refresh)', String(short.unauthorized), '', `≤ ${Math.max(0, short.tokenRequests - 1)}`, yes(short.unauthorized <= Math.max(0, short.tokenRequests - 1)));
	}
	if (mem) {
		targets.memoryLinear = {
			target:
				'linear growth over 10,000–100,000 items: a straight line explains retained heap (r² ≥ 0.99), peak heap (≥ 0.98) and peak RSS (≥ 0.95); retained heap per item within 1.25× across sizes',
			measured: `r² ${mem.fits.peakHeap.r2.toFixed(3)} / ${mem.fits.peakRss.r2.toFixed(3)} / ${mem.fits.retainedHeap.r2.toFixed(3)}; retained per item spread ${fmtRatio(mem.retainedPerItemSpread)}`,
			met: mem.linear,
		};
		for (const point of mem.points) {
			row(
				'4',
				`${point.items} items: peak heap / peak RSS / retained heap over baseline`,
				`${fmtBytes(point.peakHeapOverBaseline)} / ${fmtBytes(point.peakRssOverBaseline)} / ${fmtBytes(point.retainedHeapOverBaseline)}`,
				`${fmtBytes(point.perItem.peakHeap)} / ${fmtBytes(point.perItem.peakRss)} / ${fmtBytes(point.perItem.retainedHeap)} per item`,
			);
		}
		const { peakHeap, peakRss, retainedHeap } = mem.fits;
		row(
			'4',
			'  straight line through all sizes: bytes per item (fixed part); r² (peak heap / peak RSS / retained heap)',
			`${fmtBytes(peakHeap.perItem)} (${fmtBytes(peakHeap.fixed)}) / ${fmtBytes(peakRss.perItem)} (${fmtBytes(peakRss.fixed)}) / ${fmtBytes(retainedHeap.perItem)} (${fmtBytes(retainedHeap.fixed)})`,
			`r² ${peakHeap.r2.toFixed(3)} / ${peakRss.r2.toFixed(3)} / ${retainedHeap.r2.toFixed(3)}`,
			'linear',
			yes(mem.linear),
		);
	}
	if (latency) {
		const speedup = latency.speedups.default;
		targets.latencySpeedup = { target: '≥ 3× faster than sequential at 20 ms per page', measured: fmtSummaryRatio(speedup), met: speedup.median >= 3 };
		row('5', `${latency.pages} pages, +${latency.latencyMs} ms each: Pages in Parallel = 1 (sequential)`, fmtSummaryMs(latency.summaries.sequential), '1.00×');
		const cpu = latency.cpuPerPageMs.sequential;
		row('5', '  CPU per page, sequential: node in n8n-core / mock (2 cores, shared)', `${cpu.node.toFixed(1)} ms / ${cpu.mock.toFixed(1)} ms`);
		row('5', `  default (${DEFAULT_PAGES_IN_PARALLEL} in parallel): speed-up over sequential`, fmtSummaryMs(latency.summaries.default), fmtSummaryRatio(speedup), '≥ 3×', yes(targets.latencySpeedup.met));
		for (const name of Object.keys(latency.summaries).filter((key) => key.startsWith('parallel'))) {
			row('5', `  Pages in Parallel = ${name.slice('parallel'.length)} (not the default)`, fmtSummaryMs(latency.summaries[name]), fmtSummaryRatio(latency.speedups[name]));
		}
	}

	if (webhook) {
		const figures = (summary: Summary, digits = 1) => `${summary.median.toFixed(digits)} (${summary.min.toFixed(digits)}–${summary.max.toFixed(digits)})`;
		for (const mode of webhook.modes) {
			const s = mode.summaries;
			const key = mode.workers === 0 ? 'regular' : `queue${mode.workers}`;
			const described = webhook.node ? ` (node with ${webhook.node.properties} properties)` : '';
			row('7', `n8n ${webhook.n8nVersion} ${mode.mode}: UBI webhook flow${described}, ${mode.calls} calls × ${mode.rounds} rounds, ${mode.concurrency} in flight`, 'executions/s; p50 / p95 / p99; n8n CPU per call');
			for (const flow of FLOWS) {
				row(
					'7',
					`  ${FLOW_LABELS[flow]}`,
					`${figures(s[flow].executionsPerSecond)}/s; ${fmtMs(s[flow].p50.median)} / ${fmtMs(s[flow].p95.median)} / ${fmtMs(s[flow].p99.median)}; ${figures(s[flow].n8nCpuMsPerCall)} ms`,
				);
			}
			const { floorVsReleval, relevalVsHttpRequest, addedCpuRelevalVsHttpRequest, addedCpuShownOnlyVsHttpRequest } = mode.ratios;
			targets[`webhook_${key}_vsFloor`] = { target: `${mode.mode}: floor's executions/s ≤ 1.2× the Releval flow's`, measured: fmtSummaryRatio(floorVsReleval), met: floorVsReleval.median <= 1.2 };
			targets[`webhook_${key}_vsPeer`] = { target: `${mode.mode}: Releval flow ahead of the HTTP Request flow (executions/s)`, measured: fmtSummaryRatio(relevalVsHttpRequest), met: relevalVsHttpRequest.median > 1 };
			targets[`webhook_${key}_addedCpu`] = { target: `${mode.mode}: n8n CPU per call above the floor ≤ 0.75× the HTTP Request node's`, measured: fmtSummaryRatio(addedCpuRelevalVsHttpRequest), met: addedCpuRelevalVsHttpRequest.median <= 0.75 };
			row('7', '    floor ÷ Releval, executions/s', '', fmtSummaryRatio(floorVsReleval), '≤ 1.2×', yes(targets[`webhook_${key}_vsFloor`].met));
			row('7', '    Releval ÷ HTTP Request, executions/s', '', fmtSummaryRatio(relevalVsHttpRequest), '> 1×', yes(targets[`webhook_${key}_vsPeer`].met));
			row(
				'7',
				'    n8n CPU per call above the floor: Releval ÷ HTTP Request',
				`${figures(mode.addedCpuMsPerCall.releval)} vs ${figures(mode.addedCpuMsPerCall.httpRequest)} ms`,
				fmtSummaryRatio(addedCpuRelevalVsHttpRequest),
				'≤ 0.75×',
				yes(targets[`webhook_${key}_addedCpu`].met),
			);
			row(
				'7',
				'    … the declarative lower bound (only Track Query\'s properties) ÷ HTTP Request',
				`${figures(mode.addedCpuMsPerCall.shownOnly)} vs ${figures(mode.addedCpuMsPerCall.httpRequest)} ms`,
				fmtSummaryRatio(addedCpuShownOnlyVsHttpRequest),
			);
			row('7', `    first use, ${mode.firstUse.releval.calls} calls at once: token requests (Releval / generic OAuth2)`, `${mode.firstUse.releval.tokenRequests} / ${mode.firstUse.httpRequest.tokenRequests}`, '', `Releval ≤ ${Math.max(1, mode.workers)} (1 per process)`, yes(mode.firstUse.releval.tokenRequests <= Math.max(1, mode.workers)));
			row('7', '    of the n8n CPU per call, main threads (JavaScript): Releval / lower bound / HTTP Request / floor', FLOWS.map((flow) => s[flow].n8nMainThreadCpuMsPerCall.median.toFixed(1)).join(' / ') + ' ms');
			row('7', '    TCP connections opened per request to Releval (Releval / HTTP Request)', `${s.releval.connectionsPerMockRequest.median.toFixed(2)} / ${s.httpRequest.connectionsPerMockRequest.median.toFixed(2)}`);
			if (s.releval.databaseCpuMsPerCall) {
				row('7', '    Postgres + Redis CPU per call (Releval / lower bound / HTTP Request / floor)', FLOWS.map((flow) => `${s[flow].databaseCpuMsPerCall.median.toFixed(1)}`).join(' / ') + ' ms');
			}
		}
	}

	if (comparison) {
		const c = comparison;
		targets.compareCpu = { target: 'Evaluation Run → Compare: under 1 s of CPU for two runs of 10,000 queries', measured: fmtSummaryMs(c.cpuMs), met: c.cpuMs.max < 1000 };
		row('9', `Evaluation Run → Compare, Simplify off: two runs of ${c.queries} queries × ${c.candidatesPerQuery} candidates (${c.changedQueries} changed), the comparison's CPU time`, fmtSummaryMs(c.cpuMs), '', '< 1 s', yes(targets.compareCpu.met));
	}
	if (descriptionCost) {
		const d = descriptionCost;
		const labels = {
			perOperation: 'every operation\'s fields as its own properties (before sharing)',
			asShipped: 'the description as shipped (properties shared)',
			oneOfEachName: 'hidden properties sharing a shown one\'s name dropped (each field defined once)',
			shownOnly: 'only the properties Track Query shows',
		} as const;
		row('8', `Track Query in n8n-core, one item, ${d.executionsPerRound} executions × ${d.rounds} rounds: CPU per execution (engine + request)`, 'properties; expressions evaluated (by the package); CPU ms');
		for (const variant of ['perOperation', 'asShipped', 'oneOfEachName', 'shownOnly'] as const) {
			const cpu = d.cpuMsPerExecution[variant];
			const saving = variant === 'asShipped' ? '' : d.savedCpuMsPerExecution[variant].median;
			const versus = saving === '' ? '' : variant === 'perOperation' ? `shipped saves ${saving.toFixed(2)} ms` : `−${saving.toFixed(2)} ms`;
			row('8', `  ${labels[variant]}`, `${d.properties[variant]}; ${d.expressionsPerExecution[variant]} (${d.expressionsByPackagePerExecution[variant]}); ${cpu.median.toFixed(2)} (${cpu.min.toFixed(2)}–${cpu.max.toFixed(2)}) ms`, versus);
		}
		row('8', '  property names defined more than once (count)', Object.entries(d.repeatedNames).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, count]) => `${name} ${count}`).join(', '));
	}

	// ---- where the time goes ----
	const profiles: Array<[string, OwnerSummary | undefined]> = [
		['harness: bare loop', harnessProfile?.bareLoop],
		['harness: node, default', harnessProfile?.nodeDefault],
		['n8n: Releval node, default', realN8n?.profile?.byPeer.oursDefault],
		['n8n: Releval node, 1 at a time', realN8n?.profile?.byPeer.oursSequential],
		['n8n: HTTP Request + OAuth2', realN8n?.profile?.byPeer.httpOAuth2],
		['n8n: HTTP Request + Bearer header', realN8n?.profile?.byPeer.httpBearer],
	];
	const present = profiles.filter((entry): entry is [string, OwnerSummary] => entry[1] !== undefined);
	let whereTable = '';
	if (present.length) {
		const groupRows = Object.keys(GROUPS).map((group) => [
			group,
			...present.map(([, summary]) => grouped(summary)[group as keyof typeof GROUPS].toFixed(1)),
		]);
		groupRows.unshift(['wall time per run, ms (under the profiler)', ...present.map(([, summary]) => (summary.wallMs / summary.windows).toFixed(0))]);
		whereTable = `\nWhere the time goes: CPU self time, ms per run of the measured node (V8 sampling profiler; ${harnessProfile?.runs ?? 0} harness runs, ${realN8n?.profile?.executions ?? 0} n8n executions per column; profiling slows everything, compare columns, not with the table above)\n\n${table(['', ...present.map(([name]) => name)], groupRows)}\n`;
	}

	// the webhook flow under the profiler: inclusive time of the heaviest functions in the Releval flow, per call
	let webhookWhere = '';
	const webhookProfile = webhook?.modes[0]?.profile;
	if (webhookProfile) {
		const { byFlow } = webhookProfile;
		const timeIn = (flow: (typeof FLOWS)[number], name: string) => byFlow[flow].inclusive.find((entry) => entry.name === name)?.ms;
		// the Releval flow's heaviest functions, then the HTTP Request flow's that are not among them
		const heaviest = (flow: (typeof FLOWS)[number], count: number) =>
			byFlow[flow].inclusive.filter((entry) => !/^\((program|garbage collector)\)/.test(entry.name)).slice(0, count).map((entry) => entry.name);
		// and the two nodes' own entry points: n8n's declarative engine for Releval, the HTTP Request node's execute
		const entryPoints = byFlow.httpRequest.inclusive.filter((entry) => /HttpRequest\/V\d\/HttpRequestV\d\.node\.js/.test(entry.name)).map((entry) => entry.name);
		const names = [...new Set([...heaviest('releval', 20), ...heaviest('httpRequest', 12), ...entryPoints])];
		const functionRows = names.map((name) => [name.slice(0, 110), ...FLOWS.map((flow) => (timeIn(flow, name) ?? 0).toFixed(2))]);
		webhookWhere = `\nWhere the n8n process's CPU goes in the webhook flow (regular mode, profiled n8n, ${webhookProfile.callsPerFlow} calls per flow): CPU ms per call under the profiler — Releval ${byFlow.releval.cpuMsPerCall.toFixed(1)}, lower bound ${byFlow.shownOnly.cpuMsPerCall.toFixed(1)}, HTTP Request ${byFlow.httpRequest.cpuMsPerCall.toFixed(1)}, floor ${byFlow.floor.cpuMsPerCall.toFixed(1)}. Heaviest functions of the Releval flow, inclusive ms per call:\n\n${table(['function', 'Releval', 'lower bound', 'HTTP Request', 'floor'], functionRows)}\n`;
	}

	const configured = realN8n
		? `\nWhat the user configures (part 2)\n  Releval node:\n${CONFIGURATION.ours.map((line) => `    - ${line}`).join('\n')}\n  Without this package:\n${CONFIGURATION.peer.map((line) => `    - ${line}`).join('\n')}\n`
		: '';

	const totalMs = Date.now() - started;
	const loadAverageAtEnd = loadavg().map((value) => Number(value.toFixed(2)));
	const header = [
		`Releval node benchmark — ${startedAt.toISOString()}`,
		`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load average ${machine.loadAverageAtStart.join(' ')} at start, ${loadAverageAtEnd.join(' ')} at end (other tenants' work shows here); harness on Node ${process.version.slice(1)}, real n8n ${realN8n?.n8nVersion ?? '2.41.1'} on Node ${NODE_VERSION}.`,
		`Times: median (min–max) over ${rounds.paging} rounds (part 1), ${rounds.realN8n} (part 2), ${rounds.latency} (part 5); both sides interleaved in rotating order in the same process; ratios are per round.`,
		'Mock Releval on loopback in its own process, list envelope {items, total, page, pageSize}, pages of 100.',
	];
	const printed = `${header.join('\n')}\n\n${table(['#', 'Measurement', 'Time / value: median (min–max)', 'Ratio: median (min–max)', 'Target', ''], rows)}\n${configured}${whereTable}${webhookWhere}\nTotal bench time: ${fmtMs(totalMs)} (${Object.entries(durationsMs).map(([name, ms]) => `${name.split(' ')[0]}: ${fmtMs(ms)}`).join(', ')}).\n`;
	process.stdout.write(`\n${printed}`);

	const results = {
		startedAt: startedAt.toISOString(),
		machine,
		loadAverageAtEnd,
		durationsMs: { ...durationsMs, total: totalMs },
		rounds,
		targets,
		paging,
		connectionReuse: connections,
		realN8n,
		tokens,
		memory: mem,
		latency,
		webhook,
		descriptionCost,
		whereTheTimeGoes: { harness: harnessProfile, realN8n: realN8n?.profile },
		configuration: CONFIGURATION,
		table: printed,
	};
	// a partial run (--only, --quick) does not replace the committed figures
	const complete = ALL_PARTS.every((part) => only.has(part)) && !quick && roundsOverride === undefined && n8nParallel.length === 0;
	const file = complete ? RESULTS_FILE : path.join(OUT_DIR, 'results.partial.json');
	const asJson = (value: object) => `${JSON.stringify(value, (_key, item: unknown) => (typeof item === 'number' ? Number(item.toFixed(4)) : item), 2)}\n`;
	writeFileSync(file, asJson(results));
	// --update-results: a full-size run of some parts replaces those parts' figures in bench/results.json, and says so
	if (!complete && argument('update-results') === 'true' && !quick && existsSync(RESULTS_FILE)) {
		const previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown> & { targets?: object; updates?: unknown[] };
		const measured = Object.fromEntries(
			Object.entries(results).filter(([key, value]) => value !== undefined && !['startedAt', 'machine', 'loadAverageAtEnd', 'durationsMs', 'rounds', 'targets', 'table', 'configuration', 'whereTheTimeGoes'].includes(key)),
		);
		const update = { startedAt: results.startedAt, parts: [...only], loadAverageAtStart: machine.loadAverageAtStart, loadAverageAtEnd, durationsMs: results.durationsMs, table: printed };
		writeFileSync(RESULTS_FILE, asJson({ ...previous, ...measured, targets: { ...previous.targets, ...targets }, updates: [...(previous.updates ?? []), update] }));
		log(`parts ${[...only].join(', ')} updated in ${path.relative(process.cwd(), RESULTS_FILE)}`);
	}
	writeFileSync(path.join(OUT_DIR, 'table.txt'), printed);
	log(`results written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
