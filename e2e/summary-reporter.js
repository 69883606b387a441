/* Prints the closing summary line of the e2e run: the n8n version tested, counts, total time, and where the time went. */
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

// the run's scratch folder: one per n8n line (as in lib/state.ts)
const LINE = process.env.RELEVAL_E2E_N8N?.trim() || '2';
const E2E_DIR = path.join(__dirname, '..', '.tmp', `e2e-n8n${LINE}`);
const TIMINGS_FILE = path.join(E2E_DIR, 'timings.json');
const STARTED_FILE = path.join(E2E_DIR, 'started-at');
const SETUP_FILE = path.join(E2E_DIR, 'setup.json');

class SummaryReporter {
	constructor() {
		this.started = Date.now();
	}

	onRunComplete(_contexts, results) {
		const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
		// from the start of the global setup (n8n install, build, pack), which runs before reporters start
		const started = existsSync(STARTED_FILE) ? Number(readFileSync(STARTED_FILE, 'utf8')) : this.started;
		const timings = existsSync(TIMINGS_FILE) ? JSON.parse(readFileSync(TIMINGS_FILE, 'utf8')) : {};
		const parts = Object.entries(timings).map(([name, ms]) => `${name} ${seconds(ms)}`);
		const failed = results.numFailedTests > 0 || results.numFailedTestSuites > 0 || results.numRuntimeErrorTestSuites > 0;
		const complete = results.numTotalTests > 0 && results.numPassedTests === results.numTotalTests;
		const setup = existsSync(SETUP_FILE) ? JSON.parse(readFileSync(SETUP_FILE, 'utf8')) : undefined;
		const tested = setup ? `n8n ${setup.install.n8nVersion} on Node ${setup.install.nodeVersion}` : `n8n line ${LINE} (not installed)`;
		const line =
			`e2e (${tested}) ${failed ? 'FAILED' : complete ? 'PASSED' : 'INCOMPLETE'}: ${results.numPassedTests}/${results.numTotalTests} tests passed` +
			`${results.numFailedTests ? `, ${results.numFailedTests} failed` : ''}` +
			`${results.numPendingTests ? `, ${results.numPendingTests} skipped` : ''}` +
			` in ${seconds(Date.now() - started)}` +
			(parts.length ? ` (${parts.join(', ')})` : '');
		// printed as the very last line, after jest's own summary
		process.once('exit', () => process.stdout.write(`\n${line}\n`));
	}
}

module.exports = SummaryReporter;
