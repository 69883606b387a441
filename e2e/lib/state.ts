import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { N8nInstall, N8nLine } from './install';
import { n8nLineFromEnv, REPO_ROOT } from './install';

/** The n8n line this e2e run tests: RELEVAL_E2E_N8N (1 or 2), default 2 (today's n8n). */
export const E2E_LINE: N8nLine = n8nLineFromEnv() ?? 2;
/**
 * Scratch space of one e2e run (ignored by git), shared by the global setup, the tests and the reporter; one per
 * line, so that the runs of the two lines never share files (summary-reporter.js derives the same path).
 */
export const E2E_DIR = path.join(REPO_ROOT, '.tmp', `e2e-n8n${E2E_LINE}`);
/**
 * The e2e n8n user folder: outside the repository, like a real ~/.n8n (see assertNoShadowingWorkflow), one per
 * line, and recreated by every run.
 */
export const E2E_USER_FOLDER = path.join(tmpdir(), 'n8n-nodes-releval-e2e', `n8n${E2E_LINE}-user`);
export const SETUP_FILE = path.join(E2E_DIR, 'setup.json');
export const TIMINGS_FILE = path.join(E2E_DIR, 'timings.json');
/** Screenshots and logs kept after the run, one folder per line (ignored by git: e2e/.gitignore). */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e', 'artifacts', `n8n-${E2E_LINE}`);

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
