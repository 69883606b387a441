import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { N8nInstall } from './install';
import { REPO_ROOT } from './install';

/** Scratch space of one e2e run (ignored by git), shared by the global setup, the tests and the reporter. */
export const E2E_DIR = path.join(REPO_ROOT, '.tmp', 'e2e');
/**
 * The e2e n8n user folder: outside the repository, like a real ~/.n8n (see assertNoShadowingWorkflow), and
 * recreated by every run.
 */
export const E2E_USER_FOLDER = path.join(tmpdir(), 'n8n-nodes-releval-e2e', 'n8n-user');
export const SETUP_FILE = path.join(E2E_DIR, 'setup.json');
export const TIMINGS_FILE = path.join(E2E_DIR, 'timings.json');
/** Screenshots and logs kept after the run (ignored by git: e2e/.gitignore). */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e', 'artifacts');

export interface SetupState {
	install: N8nInstall;
	tarball: string;
}

export function readSetup(): SetupState {
	return JSON.parse(readFileSync(SETUP_FILE, 'utf8')) as SetupState;
}

/** Adds a named duration to the run's timings (printed by the summary reporter). */
export function recordTiming(name: string, ms: number): void {
	const timings = existsSync(TIMINGS_FILE) ? (JSON.parse(readFileSync(TIMINGS_FILE, 'utf8')) as Record<string, number>) : {};
	timings[name] = (timings[name] ?? 0) + ms;
	writeFileSync(TIMINGS_FILE, JSON.stringify(timings, null, 2));
}

export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await work();
	} finally {
		recordTiming(name, Date.now() - started);
	}
}
