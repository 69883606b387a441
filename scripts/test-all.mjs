// `npm test`: the unit tests (n8n-core harness + mock Releval), then the end-to-end tests (the real n8n) once per
// n8n line (1.x, then 2.x: two jest runs with their own scratch folders and n8n user folders), then the queue-mode
// suite once per n8n line (1.x, then 2.x: a real cluster of Postgres, Redis, main, two workers and a webhook
// processor; e2e/jest.queue.config.js, a scratch folder per line), each testing the tarball its line's end-to-end run
// packed, then one closing line with the totals of all: "Tests: N passed, N failed, N skipped". RELEVAL_E2E_N8N=1 or
// 2 runs the end-to-end tests and the queue-mode suite on that line only. `--e2e-only` skips the unit tests,
// `--no-queue` the queue-mode suites. Each run prints its duration. Exits non-zero when any test failed or a suite
// could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const chosenLine = process.env.RELEVAL_E2E_N8N?.trim();
if (chosenLine && chosenLine !== '1' && chosenLine !== '2') {
	console.error(`RELEVAL_E2E_N8N must be 1 or 2 (the n8n line), not "${chosenLine}"`);
	process.exit(2);
}

const resultsDir = path.join(root, '.tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const e2eOnly = process.argv.includes('--e2e-only');
const withQueue = !process.argv.includes('--no-queue');
const lines = chosenLine ? [chosenLine] : ['1', '2'];
const suites = [
	...(e2eOnly ? [] : [{ name: 'unit', args: [], env: {} }]),
	...lines.map((line) => ({
		name: `e2e n8n ${line}.x`,
		file: `e2e-n8n${line}`,
		args: ['-c', 'e2e/jest.config.js'],
		env: { RELEVAL_E2E_N8N: line },
	})),
	...(withQueue
		? lines.map((line) => ({
				name: `queue mode n8n ${line}.x`,
				file: `queue-n8n${line}`,
				args: ['-c', 'e2e/jest.queue.config.js'],
				env: { RELEVAL_E2E_N8N: line },
				queueLine: line,
			}))
		: []),
];

/** The tarball the end-to-end run of `line` packed: that line's queue-mode suite tests the same one instead of packing again. */
function packedByE2eRun(line) {
	const packDir = path.join(root, '.tmp', `e2e-n8n${line}`, 'pack');
	if (process.env.RELEVAL_E2E_TARBALL || !existsSync(packDir)) return {};
	const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
	return tarball ? { RELEVAL_E2E_TARBALL: path.join(packDir, tarball) } : {};
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const durations = [];
let broken = false;
for (const suite of suites) {
	const outputFile = path.join(resultsDir, `${suite.file ?? suite.name}.json`);
	const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
	const started = Date.now();
	const run = spawnSync(process.execPath, [jest, ...suite.args, '--json', `--outputFile=${outputFile}`], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...suite.env, ...(suite.queueLine ? packedByE2eRun(suite.queueLine) : {}) },
	});
	const duration = `${((Date.now() - started) / 1000).toFixed(0)} s`;
	durations.push(`${suite.name} ${duration}`);
	if (!existsSync(outputFile)) {
		console.error(`${suite.name} tests did not run to the end (exit ${run.status ?? run.signal}, after ${duration})`);
		broken = true;
		continue;
	}
	const results = JSON.parse(readFileSync(outputFile, 'utf8'));
	totals.passed += results.numPassedTests;
	totals.failed += results.numFailedTests;
	totals.skipped += results.numPendingTests + results.numTodoTests;
	console.log(`${suite.name}: ${results.numPassedTests} passed, ${results.numFailedTests} failed (${duration})`);
	if (run.status !== 0 || results.numRuntimeErrorTestSuites > 0) {
		broken = true;
		if (results.numFailedTests === 0) console.error(`${suite.name}: jest exited with ${run.status}: see the errors above`);
	}
}

console.log(`\nDurations: ${durations.join(', ')}`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = broken || totals.failed > 0 ? 1 : 0;
