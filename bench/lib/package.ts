import path from 'node:path';

import { buildAndPack } from '../../e2e/lib/n8n';

let packed: Promise<string> | undefined;

/**
 * The package as npm would publish it, built and packed once per bench run (BENCH_TARBALL: measure an already
 * packed package instead, e.g. while the working tree does not build).
 */
export function packedPackage(outDir: string): Promise<string> {
	packed ??= process.env.BENCH_TARBALL ? Promise.resolve(path.resolve(process.env.BENCH_TARBALL)) : buildAndPack(path.join(outDir, 'pack'));
	return packed;
}
