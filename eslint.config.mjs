// Lints node and credential code with the exact rule set of n8n's community-package scanner
// (@n8n/eslint-plugin-community-nodes' recommended rules plus eslint-plugin-n8n-nodes-base's community,
// credentials and nodes rule sets). Tests, benchmarks and tooling are Node programs, not node code:
// they may use the file system, timers and dev dependencies, so these rules do not apply to them.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

export default [
	{
		ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', 'e2e/**', '.cache/**', '.tmp/**', 'coverage/**', '**/*.js', '**/*.mjs', 'openapi/**', 'examples/**'],
	},
	...(await buildScanConfig()),
];
