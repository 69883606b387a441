import path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { IHttpRequestOptions } from 'n8n-workflow';

import { startMockProcess, type MockProcess } from '../lib/mock';
import { interleave, ratios, summarise, type Summary } from '../lib/stats';
import { DEFAULT_PAGES_IN_PARALLEL } from '../../nodes/shared/api';
import { newHarness, runBareLoop, runBareLoopParallel, runNode, tokenOf } from '../lib/subjects';

/*
 * Parts 1, 3 and 5: the node in the n8n-core harness (this process), the mock Releval in a process of its own.
 */

export interface PagingResult {
	items: number;
	pages: number;
	rounds: number;
	ms: Record<'bareLoop' | 'bareLoopKeepAlive' | 'bareLoopParallelKeepAlive' | 'nodeSequential' | 'nodeDefault', number[]>;
	summaries: Record<string, Summary>;
	ratios: Record<string, Summary>;
	apiRequestsPerRun: number;
}

/** Part 1: Get Many / Return All through the node vs a bare axios loop with the same token. */
export async function pagingVsLimit(mock: MockProcess, items: number, rounds: number): Promise<PagingResult> {
	const harness = newHarness(mock.url);
	await runNode(harness, 1); // fetches and stores the token
	const token = tokenOf(harness);
	const check = (expected: number) => (result: { ms: number; items: number }) => {
		if (result.items !== expected) throw new Error(`expected ${expected} items, got ${result.items}`);
		return result.ms;
	};
	await mock.clearLog();
	await runNode(harness);
	const apiRequestsPerRun = (await mock.stats()).apiRequests;
	const ms = await interleave(
		{
			bareLoop: async () => check(items)(await runBareLoop(mock.url, token)),
			bareLoopKeepAlive: async () => check(items)(await runBareLoop(mock.url, token, { keepAlive: true })),
			bareLoopParallelKeepAlive: async () => check(items)(await runBareLoopParallel(mock.url, token, DEFAULT_PAGES_IN_PARALLEL)),
			nodeSequential: async () => check(items)(await runNode(harness, 1)),
			nodeDefault: async () => check(items)(await runNode(harness)),
		},
		rounds,
		{ warmup: 2 },
	);
	const stats = await mock.stats();
	if (stats.contractViolations > 0 || Object.keys(stats.statuses).some((status) => status !== '200')) {
		throw new Error(`unexpected answers from the mock: ${JSON.stringify(stats)}`);
	}
	return {
		items,
		pages: Math.ceil(items / 100),
		rounds,
		ms,
		summaries: {
			bareLoop: summarise(ms.bareLoop),
			bareLoopKeepAlive: summarise(ms.bareLoopKeepAlive),
			bareLoopParallelKeepAlive: summarise(ms.bareLoopParallelKeepAlive),
			nodeSequential: summarise(ms.nodeSequential),
			nodeDefault: summarise(ms.nodeDefault),
		},
		ratios: {
			nodeSequentialVsBareLoop: summarise(ratios(ms.nodeSequential, ms.bareLoop)),
			nodeDefaultVsBareLoop: summarise(ratios(ms.nodeDefault, ms.bareLoop)),
			bareLoopKeepAliveVsBareLoop: summarise(ratios(ms.bareLoopKeepAlive, ms.bareLoop)),
			nodeDefaultVsParallelKeepAlive: summarise(ratios(ms.nodeDefault, ms.bareLoopParallelKeepAlive)),
		},
		apiRequestsPerRun,
	};
}

export interface LatencyResult {
	latencyMs: number;
	pages: number;
	rounds: number;
	ms: Record<string, number[]>;
	summaries: Record<string, Summary>;
	/** Speed-up over sequential: sequential time / concurrent time, per round. */
	speedups: Record<string, Summary>;
	/** CPU used per page by this process (the node in n8n-core) and by the mock, ms (median over rounds). */
	cpuPerPageMs: Record<string, { node: number; mock: number }>;
}

/** Part 5: 50 pages with 20 ms added per page: sequential vs the node's concurrent paging. */
export async function latencyBound(latencyMs: number, pages: number, rounds: number, extraParallel: number[]): Promise<LatencyResult> {
	const mock = await startMockProcess({ latencyMs });
	try {
		await mock.setEvaluationCount(pages * 100);
		const harness = newHarness(mock.url);
		const cpu: Record<string, { node: number[]; mock: number[] }> = {};
		const timed = (parallel?: number) => async () => {
			const name = parallel === 1 ? 'sequential' : parallel === undefined ? 'default' : `parallel${parallel}`;
			const mockBefore = await mock.cpuMs();
			const before = process.cpuUsage();
			const result = await runNode(harness, parallel);
			const used = process.cpuUsage(before);
			const mockUsed = (await mock.cpuMs()) - mockBefore;
			if (result.items !== pages * 100) throw new Error(`expected ${pages * 100} items, got ${result.items}`);
			cpu[name] ??= { node: [], mock: [] };
			cpu[name].node.push((used.user + used.system) / 1000 / pages);
			cpu[name].mock.push(mockUsed / pages);
			return result.ms;
		};
		// "default": the parameter left as the editor leaves it
		const subjects: Record<string, () => Promise<number>> = { sequential: timed(1), default: timed() };
		for (const parallel of extraParallel) subjects[`parallel${parallel}`] = timed(parallel);
		const ms = await interleave(subjects, rounds, { warmup: 1 });
		const summaries = Object.fromEntries(Object.entries(ms).map(([name, values]) => [name, summarise(values)]));
		const speedups = Object.fromEntries(
			Object.keys(ms)
				.filter((name) => name !== 'sequential')
				.map((name) => [name, summarise(ratios(ms.sequential, ms[name]))]),
		);
		const cpuPerPageMs = Object.fromEntries(
			Object.entries(cpu).map(([name, used]) => [name, { node: summarise(used.node).median, mock: summarise(used.mock).median }]),
		);
		return { latencyMs, pages, rounds, ms, summaries, speedups, cpuPerPageMs };
	} finally {
		await mock.stop();
	}
}

export interface TokenResult {
	withinLifetime: { executions: number; lifetimeSeconds: number; tokenRequests: number; apiRequests: number; unauthorized: number; durationMs: number };
	shortLifetime: {
		executions: number;
		lifetimeSeconds: number;
		/** The credential stops using a token this long before it expires (30 s, or half the lifetime if shorter). */
		refreshMarginSeconds: number;
		durationMs: number;
		tokenRequests: number;
		unauthorized: number;
		apiRequests: number;
		lifetimesElapsed: number;
		tokensPerLifetime: number;
		/** The fewest tokens the refresh margin allows over this duration: ceil(duration / (lifetime - margin)). */
		minimumWithMargin: number;
	};
}

const ONE_PAGE = { resource: 'evaluation', operation: 'getAll', returnAll: false, limit: 10 };

/**
 * Part 3: executions of one workflow node, each its own execution (the harness persists the credential's token
 * as n8n's database would), against a fresh mock each time (a fresh token URL, so nothing is cached in-process).
 */
export async function tokenEconomy(executions: number, shortLifetimeSeconds: number, shortRunMs: number): Promise<TokenResult> {
	const countOf = async (mock: MockProcess) => {
		const stats = await mock.stats();
		return { tokenRequests: stats.tokenRequests, apiRequests: stats.apiRequests, unauthorized: stats.statuses['401'] ?? 0 };
	};
	let withinLifetime: TokenResult['withinLifetime'];
	{
		const mock = await startMockProcess({ tokenLifetimeSeconds: 3600 });
		try {
			await mock.setEvaluationCount(10);
			const harness = newHarness(mock.url);
			const started = performance.now();
			for (let execution = 0; execution < executions; execution++) await harness.run(ONE_PAGE);
			const durationMs = performance.now() - started;
			withinLifetime = { executions, lifetimeSeconds: 3600, durationMs, ...(await countOf(mock)) };
		} finally {
			await mock.stop();
		}
	}
	let shortLifetime: TokenResult['shortLifetime'];
	{
		const mock = await startMockProcess({ tokenLifetimeSeconds: shortLifetimeSeconds });
		try {
			await mock.setEvaluationCount(10);
			const harness = newHarness(mock.url);
			const started = performance.now();
			for (let execution = 0; execution < executions; execution++) {
				// spread the executions evenly over the run
				const due = started + (execution * shortRunMs) / executions;
				const wait = due - performance.now();
				if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
				await harness.run(ONE_PAGE);
			}
			const durationMs = performance.now() - started;
			const counts = await countOf(mock);
			const refreshMarginSeconds = Math.min(30, shortLifetimeSeconds / 2);
			const lifetimesElapsed = durationMs / 1000 / shortLifetimeSeconds;
			shortLifetime = {
				executions,
				lifetimeSeconds: shortLifetimeSeconds,
				refreshMarginSeconds,
				durationMs,
				...counts,
				lifetimesElapsed,
				tokensPerLifetime: counts.tokenRequests / lifetimesElapsed,
				minimumWithMargin: Math.ceil(durationMs / 1000 / (shortLifetimeSeconds - refreshMarginSeconds)),
			};
		} finally {
			await mock.stop();
		}
	}
	return { withinLifetime, shortLifetime };
}

export interface ConnectionReuseResult {
	requests: number;
	/** TCP connections the mock saw opened, per 100 requests. */
	per100: Record<'nodeReturnAll' | 'n8nHelper' | 'n8nHelperKeepAliveOption' | 'bareLoopKeepAlive', number>;
	/** Connections still open at the mock 1 s after the last answer (sockets a keep-alive agent left idle). */
	leftOpen: Record<'n8nHelper' | 'n8nHelperKeepAliveOption', number>;
	ms: Record<'n8nHelper' | 'n8nHelperKeepAliveOption', number>;
}

/**
 * Does a node get connection reuse through n8n's request helpers? The helpers (n8n-core 2.41.1 → @n8n/backend-network
 * OutboundHttp) build a new http.Agent for every request from IHttpRequestOptions.agentOptions; a node can pass
 * `agentOptions: { keepAlive: true }`, but not an agent. Counted at the mock: connections per 100 requests through
 * the node (Return All), through n8n's helper as the node's transport calls it, the same with the keep-alive
 * option, and a bare keep-alive loop.
 */
export async function connectionReuse(mock: MockProcess, items: number): Promise<ConnectionReuseResult> {
	const requests = Math.ceil(items / 100);
	const harness = newHarness(mock.url);
	await runNode(harness, 1);
	const token = tokenOf(harness);
	const per100 = async (work: () => Promise<unknown>) => {
		await mock.clearLog();
		await work();
		const stats = await mock.stats();
		return (stats.connectionsOpened / (stats.apiRequests + stats.tokenRequests)) * 100;
	};
	// @n8n/backend-network's OutboundHttp is what httpRequestWithAuthentication sends with, after authenticating
	const coreFolder = path.dirname(require.resolve('n8n-core/package.json'));
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreFolder] })) as { Container: { get<T>(type: unknown): T } };
	const { OutboundHttp } = require(require.resolve('@n8n/backend-network', { paths: [coreFolder] })) as { OutboundHttp: unknown };
	/* eslint-enable @typescript-eslint/no-require-imports */
	const outbound = Container.get<{ requests(): { request(options: IHttpRequestOptions): Promise<unknown> } }>(OutboundHttp).requests();
	const helperLoop = (agentOptions?: IHttpRequestOptions['agentOptions']) => async () => {
		for (let page = 1; page <= requests; page++) {
			await outbound.request({
				url: `${mock.url}/api/v1/evaluations`,
				qs: { page, pageSize: 100 },
				headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
				json: true,
				...(agentOptions ? { agentOptions } : {}),
			});
		}
	};
	const timedHelper = async (agentOptions?: IHttpRequestOptions['agentOptions']) => {
		const started = performance.now();
		const connections = await per100(helperLoop(agentOptions));
		const ms = performance.now() - started;
		await new Promise((resolve) => setTimeout(resolve, 1000));
		return { connections, ms, leftOpen: (await mock.stats()).openConnections };
	};
	const plain = await timedHelper();
	const keepAlive = await timedHelper({ keepAlive: true });
	return {
		requests,
		per100: {
			nodeReturnAll: await per100(() => runNode(harness)),
			n8nHelper: plain.connections,
			n8nHelperKeepAliveOption: keepAlive.connections,
			bareLoopKeepAlive: await per100(() => runBareLoop(mock.url, token, { keepAlive: true })),
		},
		leftOpen: { n8nHelper: plain.leftOpen, n8nHelperKeepAliveOption: keepAlive.leftOpen },
		ms: { n8nHelper: plain.ms, n8nHelperKeepAliveOption: keepAlive.ms },
	};
}
