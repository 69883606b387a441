import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ensureN8n, REPO_ROOT } from './lib/install';
import { buildAndPack } from './lib/n8n';
import { ensureQueueServices } from './lib/queue';
import { QUEUE_E2E_DIR, QUEUE_LINE, QUEUE_SETUP_FILE } from './lib/queue-state';

/**
 * Once for the queue-mode suite: the n8n of the line RELEVAL_E2E_N8N chooses (1 or 2, default 2; installed on first
 * use, then reused), Postgres and Redis (apt-get on first use), and the package built and packed (or the tarball
 * RELEVAL_E2E_TARBALL names). Its own scratch folder per line, so it never touches a running e2e run's or the other
 * line's.
 */
export default async function queueGlobalSetup(): Promise<void> {
	rmSync(QUEUE_E2E_DIR, { recursive: true, force: true });
	mkdirSync(QUEUE_E2E_DIR, { recursive: true });
	const log = (line: string) => process.stdout.write(`[queue] ${line}\n`);
	process.stdout.write('\n');
	const install = await ensureN8n(log, QUEUE_LINE);
	ensureQueueServices(log);
	const given = process.env.RELEVAL_E2E_TARBALL;
	const tarball = given ? path.resolve(given) : await buildAndPack(path.join(QUEUE_E2E_DIR, 'pack'));
	log(`n8n ${install.n8nVersion} on Node ${install.nodeVersion} ready; testing ${path.relative(REPO_ROOT, tarball)}`);
	writeFileSync(QUEUE_SETUP_FILE, JSON.stringify({ install, tarball }, null, 2));
}
