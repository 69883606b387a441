/** Tests run TypeScript through ts-jest against the sources (not dist). */
const unitTests = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFiles: ['<rootDir>/test/setup.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json', diagnostics: { warnOnly: false } }] },
	testTimeout: 30000,
};

/*
 * The suites where n8n's lines differ (credential, secrets in errors, HTTP, pagination, errors, workflow execution,
 * Compare's custom operation)
 * run a second time on n8n 1.x: the npm aliases n8n-core-v1 / n8n-workflow-v1 are an exact matching pair (the n8n-workflow
 * that n8n-core 1.122.48 depends on). Every import of n8n-core and n8n-workflow, ours and n8n-core's own, deep
 * paths included, is mapped to them, so that exactly one n8n-workflow is loaded: NodeApiError and the other
 * classes are checked with instanceof.
 */
const n8nLine1 = {
	...unitTests,
	displayName: 'n8n 1.x',
	testMatch: [
		'<rootDir>/test/compat/**/*.test.ts',
		'<rootDir>/test/credentials/**/*.test.ts',
		'<rootDir>/test/security/secrets.test.ts',
		'<rootDir>/test/shared/transport.test.ts',
		'<rootDir>/test/shared/pagination*.test.ts',
		'<rootDir>/test/shared/errors.test.ts',
		'<rootDir>/test/workflow/**/*.test.ts',
		// Compare is a custom operation on the workflow path (n8n's customOperations), which 1.x runs its own way
		'<rootDir>/test/resources/evaluationRun/compare.test.ts',
	],
	moduleNameMapper: {
		'^n8n-workflow$': '<rootDir>/node_modules/n8n-workflow-v1/dist/cjs/index.js',
		'^n8n-workflow/common$': '<rootDir>/node_modules/n8n-workflow-v1/dist/cjs/common/index.js',
		'^n8n-workflow/(.+)$': '<rootDir>/node_modules/n8n-workflow-v1/$1',
		'^n8n-core$': '<rootDir>/node_modules/n8n-core-v1/dist/index.js',
		'^n8n-core/(.+)$': '<rootDir>/node_modules/n8n-core-v1/$1',
	},
};

module.exports = {
	testTimeout: 30000,
	projects: [{ ...unitTests, displayName: 'n8n 2.x' }, n8nLine1],
};
