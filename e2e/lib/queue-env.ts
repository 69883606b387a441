/*
 * The environment every n8n process of a queue-mode deployment shares: the tests' cluster (queue.ts) sets exactly
 * this, and the documented deployment (docs/queue-mode/compose.yaml) must name the same variables with the same
 * fixed values (a unit test checks it: test/docs/queueMode.test.ts). Plain data, no imports: the unit tests load it.
 * Facts behind each variable: ../../../shared/notes/n8n-scale-and-agents.md, section A.
 */

export interface QueueModeServices {
	postgres: { host: string; port: number; database: string; user: string; password: string };
	redis: { host: string; port: number };
}

/** Variables whose value is the same in every queue-mode deployment of this package on n8n 2.x (docs/queue-mode). */
export const FIXED_QUEUE_MODE_ENVIRONMENT = {
	EXECUTIONS_MODE: 'queue',
	DB_TYPE: 'postgresdb',
	// manual runs go to the workers too, as n8n 3 will always do (and n8n 2.41 warns when this is unset)
	OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	// binary data in the shared database: every process reads what another stored (n8n's default in queue mode, set
	// to say so; filesystem mode keeps each file on the disk of the process that received it, and S3 needs a licence)
	N8N_DEFAULT_BINARY_DATA_MODE: 'database',
} as const;

/**
 * The same on n8n 1.x, which differs in its binary data mode only. n8n 1.x defaults to `default` in every mode: binary
 * data kept in the execution's data, which queue mode saves in the shared database, so every process reads it. (n8n
 * 1.123 also has a `database` mode, but only once added to N8N_AVAILABLE_BINARY_DATA_MODES, which defaults to
 * `filesystem`: not what a 1.x user has, so not what is tested; filesystem mode keeps each file on one process's disk;
 * S3 needs a licence.)
 */
export const FIXED_QUEUE_MODE_ENVIRONMENT_N8N_1 = {
	...FIXED_QUEUE_MODE_ENVIRONMENT,
	N8N_DEFAULT_BINARY_DATA_MODE: 'default',
} as const;

/** The fixed environment of an n8n line (1 or 2). */
export function fixedQueueModeEnvironment(line: 1 | 2): Record<string, string> {
	return line === 1 ? FIXED_QUEUE_MODE_ENVIRONMENT_N8N_1 : FIXED_QUEUE_MODE_ENVIRONMENT;
}

/**
 * The shared environment of main, workers and webhook processors (plus N8N_ENCRYPTION_KEY, the same everywhere), on
 * n8n line `line` (default 2, as docs/queue-mode deploys).
 */
export function queueModeEnvironment({ postgres, redis }: QueueModeServices, line: 1 | 2 = 2): Record<string, string> {
	return {
		...fixedQueueModeEnvironment(line),
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	};
}

/** Only on the main, when webhook processors serve the production webhooks (a load balancer routes /webhook/ there). */
export const MAIN_WITH_WEBHOOK_PROCESSORS = { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } as const;

/** Only on workers: their health server (/healthz, /healthz/readiness), which says when a worker is ready. */
export const WORKER_HEALTH_CHECK = { QUEUE_HEALTH_CHECK_ACTIVE: 'true' } as const;
