import { spawn } from 'node:child_process';
import path from 'node:path';

import type { MockProcess } from '../lib/mock';
import { TSX_ARGS } from '../lib/mock';

/*
 * Part 4: memory for Return All over growing lists, each size in a fresh child process with --expose-gc
 * (bench/memory-child.ts). Growth is linear when the per-item figures agree across sizes.
 */

export interface MemoryPoint {
	items: number;
	ms: number;
	baseline: { heapUsed: number; rss: number };
	peakHeapOverBaseline: number;
	peakRssOverBaseline: number;
	retainedHeapOverBaseline: number;
	perItem: { peakHeap: number; peakRss: number; retainedHeap: number };
}

type Metric = 'peakHeap' | 'peakRss' | 'retainedHeap';
const METRICS: Metric[] = ['peakHeap', 'peakRss', 'retainedHeap'];

export interface LinearFit {
	/** Bytes per item (slope of the least-squares line through all sizes). */
	perItem: number;
	/** Bytes at zero items (intercept): fixed cost, e.g. garbage not yet collected at the peak. */
	fixed: number;
	/** Coefficient of determination of the line (1 = exactly linear). */
	r2: number;
}

export interface MemoryResult {
	points: MemoryPoint[];
	fits: Record<Metric, LinearFit>;
	/**
	 * Linear when a straight line explains the retained heap (r² ≥ 0.99) and the peak heap (r² ≥ 0.98), the retained
	 * heap per item agrees across sizes (within 1.25×), and the peak RSS is linear too (r² ≥ 0.95: RSS moves in
	 * chunks the heap reserves ahead, so at 10,000 items it often does not move at all).
	 */
	linear: boolean;
	retainedPerItemSpread: number;
}

function valueOf(point: MemoryPoint, metric: Metric): number {
	return metric === 'peakHeap' ? point.peakHeapOverBaseline : metric === 'peakRss' ? point.peakRssOverBaseline : point.retainedHeapOverBaseline;
}

function fit(xs: number[], ys: number[]): LinearFit {
	const n = xs.length;
	const meanX = xs.reduce((a, b) => a + b, 0) / n;
	const meanY = ys.reduce((a, b) => a + b, 0) / n;
	let sxx = 0;
	let sxy = 0;
	let syy = 0;
	for (let index = 0; index < n; index++) {
		sxx += (xs[index] - meanX) ** 2;
		sxy += (xs[index] - meanX) * (ys[index] - meanY);
		syy += (ys[index] - meanY) ** 2;
	}
	const perItem = sxy / sxx;
	return { perItem, fixed: meanY - perItem * meanX, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

export async function memory(mock: MockProcess, sizes: number[]): Promise<MemoryResult> {
	const points: MemoryPoint[] = [];
	// each size reads exactly `items` evaluations (the list is cut to size: a Limit would change the code path)
	for (const items of sizes) points.push(await measureSized(mock, items));
	const fits = Object.fromEntries(
		METRICS.map((metric) => [metric, fit(points.map((point) => point.items), points.map((point) => valueOf(point, metric)))]),
	) as Record<Metric, LinearFit>;
	const retained = points.map((point) => point.perItem.retainedHeap);
	const retainedPerItemSpread = Math.max(...retained) / Math.min(...retained);
	return {
		points,
		fits,
		linear: fits.retainedHeap.r2 >= 0.99 && fits.peakHeap.r2 >= 0.98 && fits.peakRss.r2 >= 0.95 && retainedPerItemSpread <= 1.25,
		retainedPerItemSpread,
	};
}

async function measure(mockUrl: string, items: number): Promise<MemoryPoint> {
	const child = spawn(process.execPath, ['--expose-gc', ...TSX_ARGS, path.join(__dirname, '..', 'memory-child.ts')], {
		env: { ...process.env, BENCH_MOCK_URL: mockUrl, BENCH_ITEMS: String(items) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const line = stdout.split('\n').find((text) => text.startsWith('{'));
	if (code !== 0 || !line) throw new Error(`memory child for ${items} items failed (exit ${code})\n${stdout}\n${stderr}`);
	const point = JSON.parse(line) as Omit<MemoryPoint, 'perItem'>;
	return {
		...point,
		perItem: {
			peakHeap: point.peakHeapOverBaseline / items,
			peakRss: point.peakRssOverBaseline / items,
			retainedHeap: point.retainedHeapOverBaseline / items,
		},
	};
}

async function measureSized(mock: MockProcess, items: number): Promise<MemoryPoint> {
	await mock.setEvaluationCount(items);
	return await measure(mock.url, items);
}
