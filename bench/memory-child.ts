/*
 * Part 4, one measurement in a fresh process (node --expose-gc): heap and RSS over a baseline while the node
 * fetches BENCH_ITEMS evaluations (Get Many, Return All) from the mock at BENCH_MOCK_URL. The mock runs in another
 * process, so only the n8n side is measured. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';

import { newHarness } from './lib/subjects';

declare const gc: () => void;

function collect() {
	for (let index = 0; index < 3; index++) gc();
}

async function main() {
	const url = String(process.env.BENCH_MOCK_URL);
	const items = Number(process.env.BENCH_ITEMS);
	const parameters = { resource: 'evaluation', operation: 'getAll', returnAll: true };
	const harness = newHarness(url);
	// Warm-up: load every module on the path, get the token, compile the hot code.
	for (let index = 0; index < 3; index++) await harness.run({ ...parameters, returnAll: false, limit: 300 });

	collect();
	const baseline = process.memoryUsage();
	const baselineMaxRss = process.resourceUsage().maxRSS * 1024;
	let peakHeap = baseline.heapUsed;
	let peakRss = baseline.rss;
	const sample = () => {
		const now = process.memoryUsage();
		peakHeap = Math.max(peakHeap, now.heapUsed);
		peakRss = Math.max(peakRss, now.rss);
	};
	const sampler = setInterval(sample, 1);
	const started = performance.now();
	const output = await harness.run(parameters);
	const ms = performance.now() - started;
	sample();
	clearInterval(sampler);
	const maxRss = process.resourceUsage().maxRSS * 1024;
	// max RSS of the process only says something if the run raised it above the level before
	if (maxRss > baselineMaxRss) peakRss = Math.max(peakRss, maxRss);
	collect();
	const retained = process.memoryUsage();
	if (output.length !== items) throw new Error(`expected ${items} items, got ${output.length}`);
	process.stdout.write(
		`${JSON.stringify({
			items,
			ms,
			baseline: { heapUsed: baseline.heapUsed, rss: baseline.rss },
			peakHeapOverBaseline: peakHeap - baseline.heapUsed,
			peakRssOverBaseline: peakRss - baseline.rss,
			retainedHeapOverBaseline: retained.heapUsed - baseline.heapUsed,
			outputItems: output.length,
		})}\n`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
