// Runs n8n's community-package scanner offline on what `npm pack` would publish (the scanner's own CLI
// downloads published packages, which is not what we want before a release).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const workDir = mkdtempSync(path.join(tmpdir(), 'releval-scan-'));
try {
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { encoding: 'utf8' }),
	);
	execFileSync('tar', ['-xzf', path.join(workDir, filename), '-C', workDir]);
	const result = await analyzePackage(path.join(workDir, 'package'), ['**/*.js', 'package.json']);
	if (!result.passed) {
		console.error(`n8n community-package scan failed: ${result.message}\n${result.details ?? ''}`);
		process.exitCode = 1;
	} else {
		console.log(`n8n community-package scan passed (${filename})`);
	}
} finally {
	rmSync(workDir, { recursive: true, force: true });
}
