import { readFileSync } from 'node:fs';
import path from 'node:path';

import { n8nLineFromEnv, REPO_ROOT, type N8nLine } from './install';
import type { SetupState } from './state';

/** The n8n line the queue-mode suite runs on: RELEVAL_E2E_N8N (1 or 2), default 2 (today's n8n). */
export const QUEUE_LINE: N8nLine = n8nLineFromEnv() ?? 2;
/**
 * Scratch space of the queue-mode suite (ignored by git), one per line, apart from the e2e runs' .tmp/e2e-n8n<line>/:
 * the suites of the two lines never share a folder (their ports are free ones picked by each run).
 */
export const QUEUE_E2E_DIR = path.join(REPO_ROOT, '.tmp', `e2e-queue-n8n${QUEUE_LINE}`);
export const QUEUE_SETUP_FILE = path.join(QUEUE_E2E_DIR, 'setup.json');
/** Logs of every process of the cluster and the mock's request log, kept after the run, one folder per line (ignored by git). */
export const QUEUE_ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e', 'artifacts', `queue-n8n-${QUEUE_LINE}`);

export function readQueueSetup(): SetupState {
	return JSON.parse(readFileSync(QUEUE_SETUP_FILE, 'utf8')) as SetupState;
}
