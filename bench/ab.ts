/*
 * A/B for a proposed change to the node: `npx tsx bench/ab.ts <patch.diff> [--rounds=N] [--items=N]`.
 * Copies nodes/, credentials/ and the harness into .tmp/bench-ab/patched (inside the project, so it resolves the
 * same n8n-core; .tmp/ is ignored by git, tsc and jest), applies the patch there (`patch -p1`), and runs Return All through the original and the patched
 * node in the same process, interleaved in rotating order, against one mock process. Prints median (min–max)
 * times and per-round ratios. The working tree is not touched.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { NodeHarness as Harness } from '../test/harness';
import { DEFAULT_CLIENT } from '../test/mock/server';
import { startMockProcess } from './lib/mock';
import { fmtSummaryMs, fmtSummaryRatio, interleave, ratios, summarise, table } from './lib/stats';
import './lib/subjects';

const ROOT = path.resolve(__dirname, '..');

function argument(name: string): string | undefined {
	const prefix = `--${name}=`;
	return process.argv.slice(2).find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main() {
	const patchFile = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
	if (!patchFile) throw new Error('usage: npx tsx bench/ab.ts <patch.diff> [--rounds=N] [--items=N] [--latency=MS]');
	const rounds = Number(argument('rounds') ?? 15);
	const items = Number(argument('items') ?? 10_000);
	const latencyMs = Number(argument('latency') ?? 0);
	const copy = path.join(ROOT, '.tmp', 'bench-ab', 'patched');
	rmSync(copy, { recursive: true, force: true });
	mkdirSync(path.join(copy, 'test'), { recursive: true });
	for (const dir of ['nodes', 'credentials', 'test/harness']) cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
	cpSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
	execFileSync('patch', ['-p1', '--forward', '-d', copy, '-i', path.resolve(patchFile)], { stdio: 'inherit' });

	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const original = require('../test/harness') as typeof import('../test/harness');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const patched = require(path.join(copy, 'test', 'harness')) as typeof import('../test/harness');
	if (original.NodeHarness === patched.NodeHarness) throw new Error('the patched copy resolved to the original modules');

	const mock = await startMockProcess({ latencyMs });
	try {
		await mock.setEvaluationCount(items);
		const settings = { baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret };
		const harnesses: Record<'original' | 'patched', Harness> = {
			original: new original.NodeHarness(settings),
			patched: new patched.NodeHarness(settings),
		};
		const run = (which: 'original' | 'patched', pagesInParallel?: number) => async () => {
			const started = performance.now();
			const output = await harnesses[which].run({
				resource: 'evaluation',
				operation: 'getAll',
				returnAll: true,
				...(pagesInParallel ? { pagesInParallel } : {}),
			});
			if (output.length !== items) throw new Error(`${which}: expected ${items} items, got ${output.length}`);
			return performance.now() - started;
		};
		const ms = await interleave(
			{
				originalSequential: run('original', 1),
				patchedSequential: run('patched', 1),
				originalDefault: run('original'),
				patchedDefault: run('patched'),
			},
			rounds,
			{ warmup: 2 },
		);
		const rows = [
			['Pages in Parallel = 1', fmtSummaryMs(summarise(ms.originalSequential)), fmtSummaryMs(summarise(ms.patchedSequential)), fmtSummaryRatio(summarise(ratios(ms.patchedSequential, ms.originalSequential)))],
			['default', fmtSummaryMs(summarise(ms.originalDefault)), fmtSummaryMs(summarise(ms.patchedDefault)), fmtSummaryRatio(summarise(ratios(ms.patchedDefault, ms.originalDefault)))],
		];
		process.stdout.write(
			`A/B ${path.basename(patchFile)}: Return All, ${items} items${latencyMs ? `, +${latencyMs} ms per page` : ''}, ${rounds} rounds\n\n${table(['', 'original', 'patched', 'patched / original'], rows)}\n`,
		);
	} finally {
		await mock.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
