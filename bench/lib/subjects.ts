import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import axios from 'axios';

// n8n-core reads its instance settings from the user folder on first use: never let it touch ~/.n8n.
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = path.join(tmpdir(), 'n8n-nodes-releval-bench', 'harness');
	mkdirSync(process.env.N8N_USER_FOLDER, { recursive: true });
}

import { NodeHarness } from '../../test/harness';
import { DEFAULT_CLIENT } from '../../test/mock/server';

/*
 * The two things part 1 compares, in one process: the node through n8n-core (NodeHarness → RoutingNode →
 * httpRequestWithAuthentication → axios), and a bare loop with axios, the HTTP client n8n's request helpers use.
 */

export const PAGE_SIZE = 100;
export const LIST_PATH = '/api/v1/evaluations';

export function newHarness(baseUrl: string): NodeHarness {
	return new NodeHarness({ baseUrl, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret });
}

export function getAllParameters(pagesInParallel?: number) {
	return {
		resource: 'evaluation',
		operation: 'getAll',
		returnAll: true,
		...(pagesInParallel === undefined ? {} : { pagesInParallel }),
	};
}

export interface Timed {
	ms: number;
	items: number;
}

/** Evaluation → Get Many, Return All, through the node in n8n-core. */
export async function runNode(harness: NodeHarness, pagesInParallel?: number): Promise<Timed> {
	const started = performance.now();
	const items = await harness.run(getAllParameters(pagesInParallel));
	return { ms: performance.now() - started, items: items.length };
}

/** The access token the node's credential holds (n8n persisted it after the first run). */
export function tokenOf(harness: NodeHarness): string {
	const token = String(harness.storedCredential.accessToken ?? '');
	if (!token) throw new Error('The harness holds no access token yet: run the node once first.');
	return token;
}

const KEEP_ALIVE_AGENT = new http.Agent({ keepAlive: true });

/**
 * The limit: the same pages, one after another, with the same Bearer token, with axios — no credential lookup,
 * no expression engine, no item wrapping beyond collecting the list.
 */
export async function runBareLoop(baseUrl: string, token: string, options: { keepAlive?: boolean } = {}): Promise<Timed> {
	const pageSize = PAGE_SIZE;
	const started = performance.now();
	const items: unknown[] = [];
	for (let page = 1; ; page++) {
		const response = await axios.get<{ items: unknown[]; total?: number }>(`${baseUrl}${LIST_PATH}`, {
			params: { page, pageSize },
			headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			// default: http.globalAgent, which n8n replaces with an agent that does not keep connections alive
			...(options.keepAlive ? { httpAgent: KEEP_ALIVE_AGENT } : {}),
		});
		const pageItems = response.data.items;
		for (const item of pageItems) items.push(item);
		if (pageItems.length < pageSize || (response.data.total !== undefined && items.length >= response.data.total)) break;
	}
	return { ms: performance.now() - started, items: items.length };
}

/**
 * The physical limit with n8n's paging pattern: page 1 first (it gives the total), then the other pages `parallel`
 * at a time, with one token, over connections kept alive and reused (n8n's request helpers open one per request).
 */
export async function runBareLoopParallel(baseUrl: string, token: string, parallel: number): Promise<Timed> {
	const started = performance.now();
	const get = async (page: number) =>
		(
			await axios.get<{ items: unknown[]; total?: number }>(`${baseUrl}${LIST_PATH}`, {
				params: { page, pageSize: PAGE_SIZE },
				headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
				httpAgent: KEEP_ALIVE_AGENT,
			})
		).data;
	const first = await get(1);
	const pages = Math.ceil((first.total ?? first.items.length) / PAGE_SIZE);
	const byPage: unknown[][] = [first.items];
	let next = 2;
	const worker = async () => {
		for (let page = next++; page <= pages; page = next++) byPage[page - 1] = (await get(page)).items;
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	const items: unknown[] = [];
	for (const pageItems of byPage) for (const item of pageItems) items.push(item);
	return { ms: performance.now() - started, items: items.length };
}
