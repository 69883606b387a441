import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './install';
import type { SetupState } from './state';

/** Scratch space of the queue-mode suite (ignored by git), apart from the e2e runs' .tmp/e2e-n8n<line>/. */
export const QUEUE_E2E_DIR = path.join(REPO_ROOT, '.tmp', 'e2e-queue');
export const QUEUE_SETUP_FILE = path.join(QUEUE_E2E_DIR, 'setup.json');
/** Logs of every process of the cluster and the mock's request log, kept after the run (ignored by git). */
export const QUEUE_ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e', 'artifacts', 'queue');

export function readQueueSetup(): SetupState {
	return JSON.parse(readFileSync(QUEUE_SETUP_FILE, 'utf8')) as SetupState;
}
