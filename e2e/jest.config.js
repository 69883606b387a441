/**
 * End-to-end tests against the real n8n (npm run test:e2e). One test file drives one n8n user folder, so the
 * tests run in band, in order. The global setup installs n8n on first use (minutes) and builds and packs the
 * package; the summary reporter prints one closing line with the timings.
 */
module.exports = {
	rootDir: '..',
	roots: ['<rootDir>/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	// the queue-mode suite has its own config (jest.queue.config.js, npm run test:queue)
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/queue\\.e2e\\.test\\.ts$'],
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }] },
	globalSetup: '<rootDir>/e2e/global-setup.ts',
	reporters: ['default', '<rootDir>/e2e/summary-reporter.js'],
	maxWorkers: 1,
	testTimeout: 180000,
};
