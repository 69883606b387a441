import { performance } from 'node:perf_hooks';

/*
 * Webhook load: `count` POSTs to one URL, `concurrency` in flight at any time (a new one starts as soon as one is
 * answered); each call's latency is measured from sending to the last byte of the answer.
 */

export interface Call {
	index: number;
	status: number;
	body: string;
	ms: number;
}

export interface LoadResult {
	calls: Call[];
	ms: number;
}

export async function postLoad(
	url: string,
	count: number,
	concurrency: number,
	bodyOf: (index: number) => Record<string, unknown>,
): Promise<LoadResult> {
	const calls: Call[] = new Array(count);
	let next = 0;
	const started = performance.now();
	const sender = async () => {
		for (let index = next++; index < count; index = next++) {
			const sent = performance.now();
			try {
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodyOf(index)) });
				calls[index] = { index, status: response.status, body: await response.text(), ms: performance.now() - sent };
			} catch (error) {
				calls[index] = { index, status: 0, body: String(error), ms: performance.now() - sent };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, sender));
	return { calls, ms: performance.now() - started };
}

/** The value below which `fraction` of the sorted values lie (nearest rank). */
export function percentile(sorted: number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
