// `npm test`: the unit tests (n8n-core harness + mock Releval), then the end-to-end tests (the real n8n), then
// one closing line with the totals of both: "Tests: N passed, N failed, N skipped". Exits non-zero when any
// test failed or a suite could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const resultsDir = path.join(root, '.tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const suites = [
	{ name: 'unit', args: [] },
	{ name: 'e2e', args: ['-c', 'e2e/jest.config.js'] },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
for (const suite of suites) {
	const outputFile = path.join(resultsDir, `${suite.name}.json`);
	const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
	const run = spawnSync(process.execPath, [jest, ...suite.args, '--json', `--outputFile=${outputFile}`], {
		cwd: root,
		stdio: 'inherit',
	});
	if (!existsSync(outputFile)) {
		console.error(`${suite.name} tests did not run to the end (exit ${run.status ?? run.signal})`);
		broken = true;
		continue;
	}
	const results = JSON.parse(readFileSync(outputFile, 'utf8'));
	totals.passed += results.numPassedTests;
	totals.failed += results.numFailedTests;
	totals.skipped += results.numPendingTests + results.numTodoTests;
	console.log(`${suite.name}: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
	if (run.status !== 0 || results.numRuntimeErrorTestSuites > 0) {
		broken = true;
		if (results.numFailedTests === 0) console.error(`${suite.name}: jest exited with ${run.status}: see the errors above`);
	}
}

console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = broken || totals.failed > 0 ? 1 : 0;
