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

/** Variables whose value is the same in every queue-mode deployment of this package. */
export const FIXED_QUEUE_MODE_ENVIRONMENT = {
	EXECUTIONS_MODE: 'queue',
	DB_TYPE: 'postgresdb',
	// manual runs go to the workers too, as n8n 3 will always do (and n8n 2.41 warns when this is unset)
	OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	// binary data in the shared database: every process reads what another stored (n8n's default in queue mode, set
	// to say so; filesystem mode keeps each file on the disk of the process that received it, and S3 needs a licence)
	N8N_DEFAULT_BINARY_DATA_MODE: 'database',
} as const;

/** The shared environment of main, workers and webhook processors (plus N8N_ENCRYPTION_KEY, the same everywhere). */
export function queueModeEnvironment({ postgres, redis }: QueueModeServices): Record<string, string> {
	return {
		...FIXED_QUEUE_MODE_ENVIRONMENT,
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
