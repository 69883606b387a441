/**
 * The queue-mode suite (npm run test:queue; `npm test` runs it after the e2e suites): a real n8n queue-mode cluster
 * (Postgres, Redis, n8n main, two workers, a webhook processor). Apart from the e2e suite (jest.config.js leaves
 * queue.e2e.test.ts out): its own global setup, scratch folder and artifacts.
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
