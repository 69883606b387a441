/**
 * The queue-mode suite (npm run test:queue): a real n8n queue-mode cluster (Postgres, Redis, n8n main, two
 * workers) under webhook load. Kept apart from the e2e suite for now: its own global setup and scratch folder.
 */
module.exports = {
	rootDir: '..',
	roots: ['<rootDir>/e2e'],
	testMatch: ['**/queue.e2e.test.ts'],
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }] },
	globalSetup: '<rootDir>/e2e/queue-global-setup.ts',
	maxWorkers: 1,
	testTimeout: 600000,
};
