import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ensureChromium } from './lib/editor';
import { ensureN8n, REPO_ROOT } from './lib/install';
import { buildAndPack } from './lib/n8n';
import { E2E_DIR, E2E_LINE, recordTiming, SETUP_FILE } from './lib/state';

/**
 * Installs n8n of the line under test (RELEVAL_E2E_N8N, default 2) on first use (then reuses it) and builds +
 * packs the package, once for all e2e tests.
 */
export default async function globalSetup(): Promise<void> {
	rmSync(E2E_DIR, { recursive: true, force: true });
	mkdirSync(E2E_DIR, { recursive: true });
	let started = Date.now();
	writeFileSync(path.join(E2E_DIR, 'started-at'), String(started));
	process.stdout.write('\n');
	process.stdout.write(`[e2e] testing n8n line ${E2E_LINE} (RELEVAL_E2E_N8N=1 or 2 chooses)\n`);
	const install = await ensureN8n((line) => process.stdout.write(`[e2e] ${line}\n`), E2E_LINE);
	recordTiming('n8n install (or cache check)', Date.now() - started);
	started = Date.now();
	ensureChromium((line) => process.stdout.write(`[e2e] ${line}\n`));
	recordTiming('chromium (or check)', Date.now() - started);
	started = Date.now();
	// RELEVAL_E2E_TARBALL tests a given tarball (e.g. the one about to be published) instead of building one
	const given = process.env.RELEVAL_E2E_TARBALL;
	const tarball = given ? path.resolve(given) : await buildAndPack(path.join(E2E_DIR, 'pack'));
	if (!given) recordTiming('build + pack', Date.now() - started);
	process.stdout.write(`[e2e] n8n ${install.n8nVersion} on Node ${install.nodeVersion} ready; testing ${path.relative(REPO_ROOT, tarball)}\n`);
	writeFileSync(SETUP_FILE, JSON.stringify({ install, tarball }, null, 2));
}
