import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { N8nInstall, N8nLine } from './install';
import { MAIN_WITH_WEBHOOK_PROCESSORS, queueModeEnvironment, WORKER_HEALTH_CHECK } from './queue-env';
import {
	freePort,
	importAll,
	installPackage,
	n8nEnv,
	parseLog,
	publishWorkflow,
	runCommand,
	runOrThrow,
	type N8nOptions,
	type RunningN8n,
} from './n8n';

/*
 * A real n8n queue-mode cluster for tests: Postgres and Redis from Debian's packages, n8n main
 * (EXECUTIONS_MODE=queue) and n8n workers, sharing the database, Redis and encryption key. Every process has its
 * own loopback ports and its own user folder with the package installed in <user folder>/.n8n/nodes, as a real
 * deployment installs it on every machine. Facts behind each setting: ../../../shared/notes/n8n-scale-and-agents.md
 * (sections A and H).
 *
 * Everything started here is registered (pids.json in the run folder) and stopped by `stop()` in a safe order:
 * main, workers, Redis, Postgres. When the test process ends without stopping it (Ctrl+C, a crash, SIGKILL), a
 * guardian process (queue-guardian.js) stops it in the same order; the next start also reaps what a run left.
 * Every server is spawned detached, so a Ctrl+C in the terminal reaches only the test process, never a server
 * out of order.
 */

type Log = (line: string) => void;

/** All runs live here, outside the repository (see assertNoShadowingWorkflow), one folder per test process. */
export const QUEUE_ROOT = path.join(tmpdir(), 'n8n-nodes-releval-queue');
const PIDS_FILE = 'pids.json';
const POSTGRES_USER = 'n8n';
const POSTGRES_DATABASE = 'n8n';

// ---------------------------------------------------------------------------------------------------------------
// Processes started here, and how each is stopped

interface Tracked {
	name: string;
	/** What the command line of this pid must contain, so a reaper never signals a reused pid. */
	command: string;
	pid: number;
	/** The signal that stops it cleanly (Postgres: SIGINT, "fast shutdown"). */
	signal: NodeJS.Signals;
	/** Signal the whole process group (n8n starts a task runner child; all are spawned detached, as group leaders). */
	group: boolean;
	child: ChildProcess;
	exited: boolean;
}

const tracked: Tracked[] = [];
/** Ports handed out in this process: a port freed by freePort() could otherwise be handed out twice. */
const portsGiven = new Set<number>();

async function uniquePort(): Promise<number> {
	for (;;) {
		const port = await freePort();
		if (!portsGiven.has(port)) {
			portsGiven.add(port);
			return port;
		}
	}
}
let runDir: string | undefined;
let guardianStarted = false;
const GUARDIAN = path.join(__dirname, 'queue-guardian.js');

function track(name: string, command: string, child: ChildProcess, signal: NodeJS.Signals, group: boolean): Tracked {
	if (child.pid === undefined) throw new Error(`${name} did not start`);
	const entry: Tracked = { name, command, pid: child.pid, signal, group, child, exited: false };
	child.once('exit', () => (entry.exited = true));
	tracked.push(entry);
	writePids();
	return entry;
}

function writePids(): void {
	if (!runDir) return;
	const live = tracked.filter((entry) => !entry.exited).map(({ name, command, pid, signal, group }) => ({ name, command, pid, signal, group }));
	writeFileSync(path.join(runDir, PIDS_FILE), JSON.stringify({ owner: process.pid, processes: live }, null, 2));
}

function signal(pid: number, group: boolean, sig: NodeJS.Signals): void {
	try {
		process.kill(group ? -pid : pid, sig);
	} catch {
		// already gone
	}
}

/** Sends the stop signal, waits up to `graceMs`, then SIGKILL; resolves once the process has exited. */
async function stopTracked(entry: Tracked, graceMs: number): Promise<void> {
	if (!entry.exited) {
		const exited = new Promise<void>((resolve) => (entry.exited ? resolve() : entry.child.once('exit', () => resolve())));
		signal(entry.pid, entry.group, entry.signal);
		const timer = setTimeout(() => signal(entry.pid, entry.group, 'SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	}
	// a task runner left behind by its n8n parent
	if (entry.group) signal(entry.pid, true, 'SIGKILL');
	writePids();
}

/**
 * Stops everything still running, in a safe order: n8n main and the webhook processors first (no new executions
 * are queued), then the workers (they finish what they hold), then Redis, then Postgres, which every other process
 * used.
 */
export async function stopEverything(log: Log = () => undefined): Promise<void> {
	const order = (entry: Tracked) =>
		entry.name === 'main' || entry.name.startsWith('webhook') ? 0 : entry.name.startsWith('worker') ? 1 : entry.name === 'redis' ? 2 : 3;
	const stages = new Map<number, Tracked[]>();
	for (const entry of tracked.filter((candidate) => !candidate.exited)) {
		const stage = order(entry);
		stages.set(stage, [...(stages.get(stage) ?? []), entry]);
	}
	for (const stage of [...stages.keys()].sort()) {
		const entries = stages.get(stage)!;
		log(`stopping ${entries.map((entry) => entry.name).join(', ')}`);
		// n8n waits for running executions up to its graceful shutdown timeout (30 s by default)
		await Promise.all(entries.map((entry) => stopTracked(entry, stage <= 1 ? 40_000 : 15_000)));
	}
	tracked.length = 0;
	if (runDir) rmSync(path.join(runDir, PIDS_FILE), { force: true });
}

/**
 * Starts the guardian (queue-guardian.js) once per test process: a small detached process that stops what
 * pids.json lists, in the same order, once this process is gone without having stopped it (Ctrl+C, a crash,
 * SIGKILL). Signal handlers here would not do: under jest a test sees a copy of `process` that gets no signals.
 */
function startGuardian(dir: string): void {
	if (guardianStarted) return;
	guardianStarted = true;
	const guardian = spawn(process.execPath, [GUARDIAN, 'watch', dir, String(process.pid)], {
		detached: true,
		stdio: ['ignore', 'ignore', openSync(path.join(dir, 'guardian.log'), 'a')],
	});
	guardian.unref();
}

/** Stops the processes of earlier runs whose test process is gone, and removes their folders. */
export function reapLeftovers(log: Log): void {
	const reaped = spawnSync(process.execPath, [GUARDIAN, 'reap', QUEUE_ROOT], { encoding: 'utf8', timeout: 180_000 });
	for (const line of `${reaped.stdout ?? ''}${reaped.stderr ?? ''}`.split('\n').filter(Boolean)) log(line.replace(/^\[queue\] /, ''));
}

/**
 * A process's log file, written by the process itself (stdout and stderr point at it): the log stays complete when
 * the test process dies first, while the guardian stops the cluster. A restarted process appends to its file.
 */
class ProcessLog {
	readonly fd: number;

	constructor(readonly file: string) {
		this.fd = openSync(file, 'a');
	}

	/** The stdio a spawned process gets: its output straight into the file. */
	get stdio(): ['ignore', number, number] {
		return ['ignore', this.fd, this.fd];
	}

	/** Closes this process's copy of the descriptor once the child has its own. */
	spawned(): void {
		closeSync(this.fd);
	}

	toString(): string {
		return existsSync(this.file) ? readFileSync(this.file, 'utf8') : '';
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Postgres and Redis from Debian's packages

export interface QueueServices {
	/** Folder with Postgres' initdb, postgres, pg_isready and psql. */
	postgresBin: string;
	redisServer: string;
}

function findServices(): Partial<QueueServices> {
	const versions = existsSync('/usr/lib/postgresql')
		? readdirSync('/usr/lib/postgresql')
				.filter((version) => existsSync(path.join('/usr/lib/postgresql', version, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return {
		postgresBin: versions[0] ? path.join('/usr/lib/postgresql', versions[0], 'bin') : undefined,
		redisServer: existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined,
	};
}

/** Postgres and Redis, installed with apt-get on first use (as the e2e tests install Chromium). */
export function ensureQueueServices(log: Log): QueueServices {
	let found = findServices();
	if (found.postgresBin && found.redisServer) return found as QueueServices;
	const missing = [found.postgresBin ? '' : 'postgresql', found.redisServer ? '' : 'redis-server'].filter(Boolean);
	if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
		throw new Error(`Queue mode needs Postgres and Redis: install Debian's with \`apt-get install -y ${missing.join(' ')}\`.`);
	}
	log(`installing ${missing.join(' and ')} with apt-get (once per machine)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'ignore', env });
	found = findServices();
	if (!found.postgresBin || !found.redisServer) throw new Error(`apt-get installed ${missing.join(' ')}, but no Postgres or Redis server was found`);
	return found as QueueServices;
}

/** Postgres refuses to run as root: as root, run it as Debian's `postgres` user; otherwise as the current user. */
function postgresIdentity(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	try {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		return { uid, gid };
	} catch {
		throw new Error('Postgres refuses to run as root, and there is no `postgres` user to run it as (Debian\'s postgresql package creates one)');
	}
}

export interface RunningService {
	port: number;
	output(): string;
}

/** A fresh Postgres cluster in `dataDir`, TCP on 127.0.0.1 only, with an empty database for n8n. */
export async function startPostgres(services: QueueServices, dataDir: string, logDir: string, log: Log): Promise<RunningService> {
	const identity = postgresIdentity();
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	if (identity) chownSync(dataDir, identity.uid, identity.gid);
	const asPostgres = { ...(identity ?? {}), cwd: dataDir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C' } };
	const bin = (name: string) => path.join(services.postgresBin, name);
	await new Promise<void>((resolve, reject) => {
		const initdb = spawn(bin('initdb'), ['-D', dataDir, '-U', POSTGRES_USER, '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync'], {
			...asPostgres,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let text = '';
		initdb.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
		initdb.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
		initdb.on('error', reject);
		initdb.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code})\n${text}`))));
	});
	const port = await uniquePort();
	const output = new ProcessLog(path.join(logDir, 'postgres.log'));
	const child = spawn(
		bin('postgres'),
		[
			'-D', dataDir,
			'-p', String(port),
			'-c', 'listen_addresses=127.0.0.1',
			// no Unix socket: nothing outside this run can reach it by a well-known path
			'-c', 'unix_socket_directories=',
			// test data only: durability across a machine crash is not needed, speed is
			'-c', 'fsync=off',
			'-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off',
		],
		{ ...asPostgres, detached: true, stdio: output.stdio },
	);
	output.spawned();
	// the child is the postmaster itself (spawn switches the user, no wrapper): signalling it stops the cluster
	track('postgres', 'postgres', child, 'SIGINT', false);
	await waitUntil('Postgres', child, output, 30_000, async () => {
		const ready = await runCommand(bin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER]);
		return ready.code === 0;
	});
	await runOrThrow(bin('psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${POSTGRES_DATABASE}`]);
	log(`Postgres on 127.0.0.1:${port} (data ${dataDir})`);
	return { port, output: () => output.toString() };
}

/** A Redis on 127.0.0.1 that keeps nothing on disk. */
export async function startRedis(services: QueueServices, dataDir: string, logDir: string, log: Log): Promise<RunningService> {
	mkdirSync(dataDir, { recursive: true });
	const port = await uniquePort();
	const output = new ProcessLog(path.join(logDir, 'redis.log'));
	const child = spawn(
		services.redisServer,
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		{ cwd: dataDir, detached: true, stdio: output.stdio },
	);
	output.spawned();
	track('redis', 'redis-server', child, 'SIGTERM', false);
	await waitUntil('Redis', child, output, 15_000, () => redisAnswersPing(port));
	log(`Redis on 127.0.0.1:${port}`);
	return { port, output: () => output.toString() };
}

function redisAnswersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

async function waitUntil(what: string, child: ChildProcess, output: ProcessLog, timeoutMs: number, ready: () => Promise<boolean>): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready\n${output.toString().slice(-6000)}`);
		}
		if (await ready()) return;
		if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs / 1000} s\n${output.toString().slice(-6000)}`);
		await sleep(300);
	}
}

// ---------------------------------------------------------------------------------------------------------------
// n8n main and workers

export interface QueueN8nProcess extends RunningN8n {
	name: string;
	userFolder: string;
	logFile: string;
	/** Executions this process ran as a worker ("Worker started execution <id>" in its own log), in order. */
	startedExecutions(): string[];
	/** What this process logged as a worker about executions: started and finished, with the workflow, in order. */
	executionLog(): WorkerLogEntry[];
}

export interface WorkerLogEntry {
	/** "errored": the job failed in n8n's own code around the execution (n8n's "Worker errored while running execution"). */
	event: 'started' | 'finished' | 'errored';
	executionId: string;
	workflowId?: string;
	/** Finished: whether the execution succeeded. */
	success?: boolean;
	/** Errored: n8n's error message. */
	error?: string;
	timestamp?: string;
}

const WORKER_LOG_EVENTS: Record<string, WorkerLogEntry['event']> = { started: 'started', finished: 'finished', 'errored while running': 'errored' };

/**
 * Parses a worker's "Worker started/finished/errored while running execution <id>" lines (n8n's JSON log: the
 * details in `metadata`).
 */
export function workerExecutionLog(text: string): WorkerLogEntry[] {
	const entries: WorkerLogEntry[] = [];
	for (const line of parseLog(text)) {
		const match = /^Worker (started|finished|errored while running) execution (\S+)/.exec(String(line.message ?? ''));
		if (!match) continue;
		const metadata = (line.metadata ?? {}) as { workflowId?: string; success?: boolean; timestamp?: string; error?: { message?: string } };
		entries.push({
			event: WORKER_LOG_EVENTS[match[1]],
			executionId: match[2],
			workflowId: metadata.workflowId,
			success: metadata.success,
			error: metadata.error?.message,
			timestamp: typeof line.timestamp === 'string' ? line.timestamp : metadata.timestamp,
		});
	}
	return entries;
}

/**
 * What a worker does with the jobs it holds when it gets SIGTERM, per n8n line (as the queue-mode suite's case 7
 * found it; the suite asserts it). Both lines stop taking jobs and wait for the executions they are running, then exit
 * with code 0. n8n 2.x also finishes the jobs it had already taken from the queue. n8n 1.x waits only for executions
 * already registered as running: a job it has just taken and is still loading from the database is cut off when the
 * worker closes its database connection ("Worker errored while running execution …: Connection terminated"), before
 * any node of it ran; n8n does not re-run it, and its webhook caller gets HTTP 500.
 */
export const WORKER_SHUTDOWN: Record<N8nLine, { summary: string; mayFailJobsBeingTaken: boolean }> = {
	1: { summary: 'n8n finishes the executions it was running; a job it was just taking may fail before any node ran', mayFailJobsBeingTaken: true },
	2: { summary: 'n8n lets it finish what it holds', mayFailJobsBeingTaken: false },
};

export interface QueueClusterOptions {
	install: N8nInstall;
	/** The packed package (or packages), installed into every process's user folder. */
	tarball: string | readonly string[];
	/** How many `n8n worker` processes (default 2). */
	workers?: number;
	/** Passed to `n8n worker --concurrency` (n8n's default: 10). */
	workerConcurrency?: number;
	/**
	 * How many `n8n webhook` processes (default 0). With one or more, the main serves no production webhooks
	 * (N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true), as behind a load balancer that sends /webhook/ to them.
	 */
	webhookProcessors?: number;
	/** The main's port (default: a free one); the sandbox uses the editor port it prints. */
	mainPort?: number;
	/** Credentials and workflows to import (into the shared database) before n8n starts, as importAll takes them. */
	credentials: object[];
	workflowDirs: string[];
	transform?: (workflow: Record<string, unknown>) => Record<string, unknown>;
	/** Workflows to publish before the main starts, so it activates them (webhooks registered, triggers polling). */
	publish?: string[];
	/** Where the logs go (default: the run folder's logs/). */
	logDir?: string;
	/** More environment for every n8n process. */
	extraEnv?: NodeJS.ProcessEnv;
	log?: Log;
}

export interface QueueCluster {
	runDir: string;
	logDir: string;
	postgres: RunningService;
	redis: RunningService;
	main: QueueN8nProcess;
	workers: QueueN8nProcess[];
	/** The `n8n webhook` processes (none unless asked for). */
	webhookProcessors: QueueN8nProcess[];
	/** Where production webhooks are served: the first webhook processor, else the main. */
	readonly webhookUrl: string;
	/** The environment shared by every n8n process (database, Redis, queue mode), for CLI commands against the cluster. */
	sharedEnv: NodeJS.ProcessEnv;
	/** Each n8n process's options (user folder, ports, environment) by name: to run a CLI command as it, or restart it. */
	processOptions: Map<string, N8nOptions & { port: number }>;
	/** Which worker ran each execution, by execution id (from the workers' own logs); optionally of one workflow. */
	executionsByWorker(workflowId?: string): Map<string, string>;
	/**
	 * Stops one n8n process of the cluster by name ("main", "worker-1", "webhook-1") with SIGTERM, waiting until it
	 * has exited (n8n drains what it holds first), and starts it again with the same user folder, ports and
	 * environment. `between` runs while it is down. `main`, `workers` and `webhookProcessors` then hold the new one.
	 */
	restart(name: string, between?: () => void | Promise<void>): Promise<QueueN8nProcess>;
	/** Stops one n8n process (SIGTERM) and waits until it has exited; `restart` starts it again. */
	stopProcess(name: string): Promise<void>;
	/** Runs one SQL statement on the shared database (psql, unaligned, tuples only) and returns its output. */
	sql(statement: string): Promise<string>;
	stop(): Promise<void>;
}

/**
 * Starts Postgres, Redis, n8n main (queue mode) and the workers, each n8n process with its own user folder and
 * ports and the package installed the way a real deployment installs it. On failure, stops what it started.
 */
export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const log = options.log ?? ((line: string) => process.stdout.write(`[queue] ${line}\n`));
	const { install } = options;
	const services = ensureQueueServices(log);
	reapLeftovers(log);
	if (tracked.some((entry) => !entry.exited)) throw new Error('A queue-mode cluster is already running in this process: stop it first');
	runDir = path.join(QUEUE_ROOT, `run-${process.pid}`);
	rmSync(runDir, { recursive: true, force: true });
	// Postgres, running as another user, must be able to reach its data folder below this one
	mkdirSync(runDir, { recursive: true, mode: 0o755 });
	const logDir = options.logDir ?? path.join(runDir, 'logs');
	mkdirSync(logDir, { recursive: true });
	writePids();
	startGuardian(runDir);
	try {
		const started = Date.now();
		const [postgres, redis] = await Promise.all([
			startPostgres(services, path.join(runDir, 'postgres'), logDir, log),
			startRedis(services, path.join(runDir, 'redis'), logDir, log),
		]);
		const sharedEnv: NodeJS.ProcessEnv = {
			...queueModeEnvironment({
				postgres: { host: '127.0.0.1', port: postgres.port, database: POSTGRES_DATABASE, user: POSTGRES_USER, password: '' },
				redis: { host: '127.0.0.1', port: redis.port },
			}, install.line),
			...options.extraEnv,
		};

		// every process its own user folder with the package in .n8n/nodes, as on separate machines
		const workerNames = Array.from({ length: options.workers ?? 2 }, (_, index) => `worker-${index + 1}`);
		const webhookNames = Array.from({ length: options.webhookProcessors ?? 0 }, (_, index) => `webhook-${index + 1}`);
		const processOptions = new Map<string, N8nOptions & { port: number }>();
		for (const name of ['main', ...workerNames, ...webhookNames]) {
			processOptions.set(name, {
				userFolder: path.join(runDir, name),
				port: name === 'main' && options.mainPort ? options.mainPort : await uniquePort(),
				brokerPort: await uniquePort(),
				extra: sharedEnv,
			});
		}
		if (webhookNames.length > 0) {
			// production webhooks only on the webhook processors, as a load balancer would route /webhook/ there
			processOptions.get('main')!.extra = { ...sharedEnv, ...MAIN_WITH_WEBHOOK_PROCESSORS };
		}
		await Promise.all([...processOptions.values()].map((processOption) => installPackage(install, processOption.userFolder, options.tarball)));
		log(`package installed into ${processOptions.size} user folders`);

		// import and publish through the main's folder: the data lands in the shared database
		const mainOptions = processOptions.get('main')!;
		await importAll(install, mainOptions, options.credentials, options.workflowDirs, options.transform);
		for (const id of options.publish ?? []) {
			const published = await publishWorkflow(install, mainOptions, id);
			if (published.code !== 0) throw new Error(`publish:workflow --id=${id} failed\n${published.stdout.slice(-3000)}\n${published.stderr.slice(-3000)}`);
		}

		const argsOf = (name: string) =>
			name === 'main'
				? ['start']
				: name.startsWith('webhook')
					? ['webhook']
					: ['worker', ...(options.workerConcurrency ? [`--concurrency=${options.workerConcurrency}`] : [])];
		for (const name of workerNames) {
			// a worker serves HTTP only when asked: its health server, on a port of its own, says when it is ready
			const workerOptions = processOptions.get(name)!;
			workerOptions.extra = {
				...workerOptions.extra,
				...WORKER_HEALTH_CHECK,
				QUEUE_HEALTH_CHECK_PORT: String(await uniquePort()),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			};
		}
		const startProcess = (name: string) => startN8nProcess(install, name, processOptions.get(name)!, argsOf(name), logDir);

		// the main first: it has migrated the database when it is ready, so the others never race it to migrate
		const main = await startProcess('main');
		const workers = await Promise.all(workerNames.map(startProcess));
		const webhookProcessors = await Promise.all(webhookNames.map(startProcess));
		log(
			`queue-mode cluster ready in ${((Date.now() - started) / 1000).toFixed(1)} s: main ${main.url}, ${workers.length} workers` +
				`${webhookProcessors.length ? `, webhook processor${webhookProcessors.length > 1 ? 's' : ''} ${webhookProcessors.map((processor) => processor.url).join(', ')}` : ''}; logs in ${logDir}`,
		);

		const cluster: QueueCluster = {
			runDir,
			logDir,
			postgres,
			redis,
			main,
			workers,
			webhookProcessors,
			get webhookUrl() {
				return (cluster.webhookProcessors[0] ?? cluster.main).url;
			},
			sharedEnv,
			processOptions,
			executionsByWorker: (workflowId) => {
				const byExecution = new Map<string, string>();
				for (const worker of cluster.workers) {
					for (const entry of worker.executionLog()) {
						if (entry.event === 'started' && (workflowId === undefined || entry.workflowId === workflowId)) byExecution.set(entry.executionId, worker.name);
					}
				}
				return byExecution;
			},
			stopProcess: async (name) => {
				const running = processByName(cluster, name);
				await running.stop();
			},
			restart: async (name, between) => {
				const running = processByName(cluster, name);
				await running.stop();
				await between?.();
				const restarted = await startProcess(name);
				if (name === 'main') cluster.main = restarted;
				for (const list of [cluster.workers, cluster.webhookProcessors]) {
					const index = list.findIndex((candidate) => candidate.name === name);
					if (index >= 0) list[index] = restarted;
				}
				return restarted;
			},
			sql: async (statement) =>
				(
					await runOrThrow(path.join(services.postgresBin, 'psql'), [
						'-h', '127.0.0.1', '-p', String(postgres.port), '-U', POSTGRES_USER, '-d', POSTGRES_DATABASE, '-At', '-v', 'ON_ERROR_STOP=1', '-c', statement,
					])
				).stdout.trim(),
			stop: () => stopEverything(log),
		};
		return cluster;
	} catch (error) {
		await stopEverything(log);
		throw error;
	}
}

function processByName(cluster: QueueCluster, name: string): QueueN8nProcess {
	const found = [cluster.main, ...cluster.workers, ...cluster.webhookProcessors].find((candidate) => candidate.name === name);
	if (!found) throw new Error(`No n8n process named "${name}" in this cluster`);
	return found;
}

/**
 * Starts one n8n process of the cluster (`n8n start`, `n8n worker` or `n8n webhook`) as a process-group leader (so
 * that its task runner is stopped with it) and waits until it is ready: the main's /healthz/readiness and REST API,
 * the webhook processor's /healthz/readiness and /webhook/ routes, or the worker's health server (/healthz/readiness:
 * database and Redis connected).
 */
export async function startN8nProcess(
	install: N8nInstall,
	name: string,
	options: N8nOptions & { port: number },
	args: string[],
	logDir: string,
	timeoutMs = 180_000,
): Promise<QueueN8nProcess> {
	// a worker serves only its health server (when asked to): that is where it says it is ready
	const healthPort = options.extra?.QUEUE_HEALTH_CHECK_ACTIVE === 'true' ? Number(options.extra.QUEUE_HEALTH_CHECK_PORT) : undefined;
	const logFile = path.join(logDir, `n8n-${name}.log`);
	// a restarted process appends to its log, so the log holds every execution a worker of this name ran
	const output = new ProcessLog(logFile);
	const child = spawn(install.nodeBin, [install.n8nBin, ...args], {
		env: n8nEnv(install, options),
		cwd: options.userFolder,
		detached: true,
		stdio: output.stdio,
	});
	output.spawned();
	const entry = track(name, install.n8nBin, child, 'SIGTERM', true);
	const url = `http://127.0.0.1:${options.port}`;
	const probe = healthPort ? `http://127.0.0.1:${healthPort}/healthz/readiness` : `${url}/healthz/readiness`;
	await waitUntil(`n8n ${name}`, child, output, timeoutMs, async () => {
		try {
			if (!(await fetch(probe)).ok) return false;
			if (args[0] === 'webhook') {
				// n8n 1.x answers /healthz/readiness before it serves /webhook/ (until then Express's own HTML 404 "Cannot
				// POST"); n8n's answer, even for a webhook nobody registered, is JSON
				const webhook = await fetch(`${url}/webhook/releval-readiness-probe`);
				return /json/.test(webhook.headers.get('content-type') ?? '');
			}
			// only the main has a REST API
			if (healthPort || args[0] !== 'start') return true;
			const settings = await fetch(`${url}/rest/settings`);
			return settings.ok && /json/.test(settings.headers.get('content-type') ?? '');
		} catch {
			return false;
		}
	});
	return {
		name,
		url: healthPort ? `http://127.0.0.1:${healthPort}` : url,
		userFolder: options.userFolder,
		logFile,
		process: child,
		output: () => output.toString(),
		startedExecutions: () =>
			workerExecutionLog(output.toString())
				.filter((entry) => entry.event === 'started')
				.map((entry) => entry.executionId),
		executionLog: () => workerExecutionLog(output.toString()),
		stop: () => stopTracked(entry, 40_000),
	};
}
