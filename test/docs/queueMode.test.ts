/*
 * docs/queue-mode/ holds a Dockerfile and a compose file that cannot run here (no Docker). This checks them as far
 * as a machine without Docker can: the compose file parses, every n8n service has the queue-mode environment the
 * queue-mode suite runs with (e2e/lib/queue-env.ts), the same encryption key and database, and the image built
 * from the Dockerfile, which puts the package where n8n loads community packages from, on the n8n the tests run.
 * The README's queue-mode section names the binary data mode the suite runs with on each n8n line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import {
	FIXED_QUEUE_MODE_ENVIRONMENT,
	fixedQueueModeEnvironment,
	MAIN_WITH_WEBHOOK_PROCESSORS,
	queueModeEnvironment,
	WORKER_HEALTH_CHECK,
} from '../../e2e/lib/queue-env';

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs', 'queue-mode');

interface Service {
	image?: string;
	build?: string;
	command?: string;
	environment?: Record<string, string>;
	volumes?: string[];
	deploy?: { replicas?: number };
}

const compose = parse(readFileSync(path.join(DOCS, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const dockerfile = readFileSync(path.join(DOCS, 'Dockerfile'), 'utf8');
const testedN8n = (JSON.parse(readFileSync(path.join(ROOT, 'e2e', 'n8n', 'package.json'), 'utf8')) as { dependencies: { n8n: string } }).dependencies.n8n;

const N8N_SERVICES = { 'n8n-main': 'start', 'n8n-worker': 'worker', 'n8n-webhook': 'webhook' } as const;
const sharedVariables = Object.keys(queueModeEnvironment({ postgres: { host: '', port: 0, database: '', user: '', password: '' }, redis: { host: '', port: 0 } }));

describe('docs/queue-mode (documentation only: checked, not run)', () => {
	test('both files say they are documentation that cannot run here', () => {
		expect(dockerfile).toMatch(/^# DOCUMENTATION ONLY/);
		expect(readFileSync(path.join(DOCS, 'compose.yaml'), 'utf8')).toMatch(/^# DOCUMENTATION ONLY/);
	});

	test.each(Object.entries(N8N_SERVICES))('%s runs `n8n %s` from the image with the package, with the environment the queue-mode suite runs with', (name, command) => {
		const service = compose.services[name];
		expect(service).toBeDefined();
		expect(service.command).toBe(command);
		expect(service.build).toBe('.');
		const environment = service.environment ?? {};
		for (const variable of [...sharedVariables, 'N8N_ENCRYPTION_KEY']) expect({ variable, set: variable in environment }).toEqual({ variable, set: true });
		for (const [variable, value] of Object.entries(FIXED_QUEUE_MODE_ENVIRONMENT)) expect({ variable, value: environment[variable] }).toEqual({ variable, value });
		// a volume over the user folder would hide the package the image put in .n8n/nodes
		expect((service.volumes ?? []).filter((volume) => volume.split(':')[1]?.startsWith('/home/node/.n8n'))).toEqual([]);
	});

	test('every n8n process shares the encryption key, the database and Redis of the compose file', () => {
		const environments = Object.keys(N8N_SERVICES).map((name) => compose.services[name].environment ?? {});
		for (const variable of ['N8N_ENCRYPTION_KEY', ...sharedVariables]) {
			expect({ variable, values: new Set(environments.map((environment) => environment[variable])).size }).toEqual({ variable, values: 1 });
		}
		const [main] = environments;
		expect(compose.services[main.DB_POSTGRESDB_HOST]?.image).toMatch(/^postgres:/);
		expect(compose.services[main.QUEUE_BULL_REDIS_HOST]?.image).toMatch(/^redis:/);
		expect(compose.services.postgres.environment).toMatchObject({
			POSTGRES_DB: main.DB_POSTGRESDB_DATABASE,
			POSTGRES_USER: main.DB_POSTGRESDB_USER,
			POSTGRES_PASSWORD: main.DB_POSTGRESDB_PASSWORD,
		});
	});

	test('the main leaves production webhooks to the webhook processor; workers serve their health check; two workers', () => {
		expect(compose.services['n8n-main'].environment).toMatchObject(MAIN_WITH_WEBHOOK_PROCESSORS);
		expect(compose.services['n8n-worker'].environment).toMatchObject(WORKER_HEALTH_CHECK);
		expect(compose.services['n8n-webhook'].environment).not.toHaveProperty('N8N_DISABLE_PRODUCTION_MAIN_PROCESS');
		expect(compose.services['n8n-worker'].deploy?.replicas).toBe(2);
	});

	test('the Dockerfile builds on the n8n the tests run and puts the package where n8n loads community packages from', () => {
		expect(dockerfile).toContain(`ARG N8N_VERSION=${testedN8n}`);
		expect(dockerfile).toMatch(/^FROM docker\.n8n\.io\/n8nio\/n8n:\$\{N8N_VERSION\}$/m);
		expect(dockerfile).toMatch(/^COPY --from=\S+ --chown=node:node \/nodes \/home\/node\/\.n8n\/nodes$/m);
		expect(dockerfile).toMatch(/npm install --omit=dev [^\n]*"\$\{RELEVAL_PACKAGE\}"/);
		expect(compose.services['n8n-main'].image).toBe(`n8n-releval:${testedN8n}`);
	});

	test('the README gives each n8n line the binary data mode the queue-mode suite runs it with, and the 1.x environment differs from 2.x in that mode only', () => {
		const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Scaling: queue mode'), readme.indexOf('\n## ', readme.indexOf('## Scaling: queue mode') + 1));
		const [modeOn1, modeOn2] = [fixedQueueModeEnvironment(1), fixedQueueModeEnvironment(2)].map((environment) => environment.N8N_DEFAULT_BINARY_DATA_MODE);
		expect(fixedQueueModeEnvironment(2)).toEqual(FIXED_QUEUE_MODE_ENVIRONMENT);
		expect({ ...fixedQueueModeEnvironment(1), N8N_DEFAULT_BINARY_DATA_MODE: modeOn2 }).toEqual(FIXED_QUEUE_MODE_ENVIRONMENT);
		expect(section).toContain(`| \`N8N_DEFAULT_BINARY_DATA_MODE\` | \`${modeOn2}\` (see below; \`${modeOn1}\` on n8n 1.x) |`);
		expect(section).toMatch(new RegExp(`### On n8n 1\\.x[\\s\\S]*N8N_DEFAULT_BINARY_DATA_MODE=${modeOn1}`));
	});
});
