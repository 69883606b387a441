import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { parse as parseFlatted } from 'flatted';

import type { N8nInstall, N8nLine } from './install';
import { REPO_ROOT } from './install';

/*
 * Driving the real n8n: the environment every run needs, loading the packed package into a user folder the way
 * n8n installs community packages, importing credentials and workflows, executing workflows headless, and a
 * started n8n (editor, REST API, webhooks). Facts behind each setting: ../../../shared/notes/real-n8n.md.
 */

export const PACKAGE_NAME = 'n8n-nodes-releval';
export const NODE_TYPE = `${PACKAGE_NAME}.releval`;
export const CREDENTIAL_TYPE = 'relevalOAuth2Api';
export const CREDENTIAL_NAME = 'Releval Sandbox';
export const CREDENTIAL_ID = 'relevalSandbox01';
/** A fixed key: the sandbox's stored credentials stay readable across restarts. Not a secret (local data only). */
export const ENCRYPTION_KEY = 'releval-sandbox-not-a-secret-key';

export interface N8nOptions {
	userFolder: string;
	port?: number;
	brokerPort?: number;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	extra?: NodeJS.ProcessEnv;
}

/** The environment of every n8n process: no telemetry, templates or update checks; nothing leaves loopback. */
export function n8nEnv(install: N8nInstall, options: N8nOptions): NodeJS.ProcessEnv {
	const port = options.port ?? 5678;
	// N8N_DISABLED_MODULES=mcp-registry: otherwise `n8n start` of 2.x calls out to n8n's servers. n8n 1.x has no
	// such module and stops at start-up when asked to disable it, so it does not get the variable.
	const lineSpecific: NodeJS.ProcessEnv = install.line === 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {};
	return {
		...install.env,
		N8N_USER_FOLDER: options.userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		...lineSpecific,
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_OUTPUT: 'console',
		N8N_EXPRESSION_ENGINE: 'legacy',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort ?? port + 1),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		GENERIC_TIMEZONE: 'UTC',
		...options.extra,
	};
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs a command to its end and collects its output. */
export function runCommand(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CommandResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = options.timeoutMs
			? setTimeout(() => {
					child.kill('SIGKILL');
					reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
				}, options.timeoutMs)
			: undefined;
		child.on('error', reject);
		child.on('close', (code) => {
			if (timer) clearTimeout(timer);
			resolve({ code, stdout, stderr, ms: Date.now() - started });
		});
	});
}

export async function runOrThrow(command: string, args: string[], options: Parameters<typeof runCommand>[2] = {}): Promise<CommandResult> {
	const result = await runCommand(command, args, options);
	if (result.code !== 0) {
		throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
	}
	return result;
}

/** Builds the package and packs it as npm would publish it; returns the tarball's path. */
export async function buildAndPack(destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	await runOrThrow('npm', ['run', 'build', '--silent'], { env: cleanNpmEnv() });
	return packFolder(REPO_ROOT, destination);
}

/** Packs the package in `folder` into `destination`; returns the tarball's path. */
export async function packFolder(folder: string, destination: string): Promise<string> {
	const packed = await runOrThrow('npm', ['pack', '--json', '--silent', '--pack-destination', destination], { cwd: folder, env: cleanNpmEnv() });
	const [{ filename }] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
	return path.join(destination, filename);
}

function cleanNpmEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_(package|lifecycle)_/i.test(key)) continue;
		env[key] = value;
	}
	return env;
}

/**
 * Installs the packed package (or packages) into `<userFolder>/.n8n/nodes`, the folder where n8n installs community
 * packages (Settings → Community nodes does the same `npm install`): n8n loads it from there at start.
 */
export async function installPackage(install: N8nInstall, userFolder: string, tarballs: string | readonly string[]): Promise<void> {
	assertNoShadowingWorkflow(userFolder);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!existsSync(manifest)) {
		writeFileSync(manifest, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
	}
	await runOrThrow(
		'npm',
		['install', ...(typeof tarballs === 'string' ? [tarballs] : tarballs), '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
		{ cwd: nodesDir, env: install.env },
	);
}

/**
 * n8n lets community packages `require('n8n-workflow')` through NODE_PATH, which Node consults only after every
 * node_modules folder above the package. A user folder inside a project that has its own n8n-workflow (this
 * repository has one, for the unit tests) would hand the package that second copy: n8n's `instanceof
 * NodeApiError` checks then fail and errors lose their HTTP status. Real installs (~/.n8n) have no such parent,
 * so the tests and the sandbox must not either.
 */
export function assertNoShadowingWorkflow(userFolder: string): void {
	let dir = path.resolve(userFolder, '.n8n', 'nodes');
	for (;;) {
		const parent = path.dirname(dir);
		if (parent === dir) return;
		dir = parent;
		const shadow = path.join(dir, 'node_modules', 'n8n-workflow');
		if (existsSync(shadow)) {
			throw new Error(
				`The n8n user folder ${userFolder} is below ${dir}, whose node_modules has n8n-workflow: the installed package would load that copy instead of n8n's own. Use a user folder outside this project.`,
			);
		}
	}
}

/** Runs one n8n CLI command (import, execute, publish…) to its end. */
export async function n8nCli(install: N8nInstall, options: N8nOptions, args: string[], timeoutMs = 180_000): Promise<CommandResult> {
	return await runCommand(install.nodeBin, [install.n8nBin, ...args], { env: n8nEnv(install, options), timeoutMs });
}

/**
 * Makes n8n activate a workflow at its next start (webhooks registered, triggers polling). n8n 2.x publishes a
 * version of the workflow (`publish:workflow`); n8n 1.x has no publishing and no such command, a workflow is
 * active or not (`update:workflow --active=true`).
 */
export async function publishWorkflow(install: N8nInstall, options: N8nOptions, id: string): Promise<CommandResult> {
	const args = install.line === 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
	return await n8nCli(install, options, args);
}

export interface CredentialSettings {
	baseUrl: string;
	clientId: string;
	clientSecret: string;
}

/** The "Releval OAuth2 API" credential as `n8n import:credentials` takes it (plain data, encrypted on import). */
export function credentialExport(settings: CredentialSettings, id = CREDENTIAL_ID, name = CREDENTIAL_NAME): object[] {
	return [
		{
			id,
			name,
			type: CREDENTIAL_TYPE,
			data: {
				baseUrl: settings.baseUrl,
				clientId: settings.clientId,
				clientSecret: settings.clientSecret,
				tokenUrl: '',
				allowInsecureHttp: false,
			},
		},
	];
}

/** Imports the credential and every workflow of `workflowDirs` (JSON files with fixed ids). */
export async function importAll(
	install: N8nInstall,
	options: N8nOptions,
	credentials: object[],
	workflowDirs: string[],
	transform: (workflow: Record<string, unknown>) => Record<string, unknown> = (workflow) => workflow,
): Promise<{ workflows: Array<Record<string, unknown>> }> {
	const staging = path.join(options.userFolder, 'import');
	const workflowStaging = path.join(staging, 'workflows');
	mkdirSync(workflowStaging, { recursive: true });
	const credentialsFile = path.join(staging, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	const workflows: Array<Record<string, unknown>> = [];
	for (const dir of workflowDirs) {
		for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
			const workflow = transform(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>);
			workflows.push(workflow);
			writeFileSync(path.join(workflowStaging, file), JSON.stringify(workflow, null, 2));
		}
	}
	const creds = await n8nCli(install, options, ['import:credentials', `--input=${credentialsFile}`]);
	if (creds.code !== 0) throw new Error(`import:credentials failed\n${creds.stdout}\n${creds.stderr}`);
	const flows = await n8nCli(install, options, ['import:workflow', '--separate', `--input=${workflowStaging}`]);
	if (flows.code !== 0) throw new Error(`import:workflow failed\n${flows.stdout}\n${flows.stderr}`);
	return { workflows };
}

export interface LogLine {
	level?: string;
	message?: string;
	[key: string]: unknown;
}

/** n8n's JSON log lines (N8N_LOG_FORMAT=json); other lines are kept as messages. */
export function parseLog(text: string): LogLine[] {
	return text
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => {
			try {
				const parsed = JSON.parse(line) as unknown;
				return parsed && typeof parsed === 'object' ? (parsed as LogLine) : { message: line };
			} catch {
				return { message: line };
			}
		});
}

export interface ExecutionOutput {
	/** The run's result as `n8n execute --rawOutput` prints it (data.resultData.runData…), when one came back. */
	result?: {
		data?: { resultData?: { runData?: Record<string, unknown[]>; error?: Record<string, unknown>; lastNodeExecuted?: string } };
		status?: string;
		[key: string]: unknown;
	};
	command: CommandResult;
}

/**
 * Executes an imported workflow headless: `n8n execute --id --rawOutput`. Beware: a command that ran nothing can
 * still exit 0, so callers must check that a result came back.
 */
export async function executeWorkflow(install: N8nInstall, options: N8nOptions, id: string): Promise<ExecutionOutput> {
	const command = await n8nCli(install, options, ['execute', `--id=${id}`, '--rawOutput']);
	let result: ExecutionOutput['result'];
	for (const line of parseLog(command.stdout)) {
		const message = line.message;
		if (typeof message !== 'string' || !message.trimStart().startsWith('{')) continue;
		try {
			const parsed = JSON.parse(message) as ExecutionOutput['result'];
			if (parsed && typeof parsed === 'object' && ('data' in parsed || 'status' in parsed)) result = parsed;
		} catch {
			// not the result
		}
	}
	return { result, command };
}

export interface BatchOutput {
	command: CommandResult;
	/** n8n's summary (--output): per workflow its status and, for failures, the error message. */
	summary: {
		summary: { failedExecutions: number; successfulExecutions: number; errors: Array<{ workflowId: string; error: string }> };
		executions: Array<{ workflowId: string; executionStatus: string; error?: string }>;
	};
	/** The full run of each successful workflow (--snapshot), as `n8n execute` would print it. */
	runs: Record<string, ExecutionOutput>;
}

/**
 * Executes several imported workflows in ONE n8n process (`n8n execute-batch`): one start-up instead of one
 * per workflow. Each workflow is its own execution; n8n keeps the full run of the successful ones.
 */
export async function executeBatch(install: N8nInstall, options: N8nOptions, ids: string[], dir: string): Promise<BatchOutput> {
	mkdirSync(dir, { recursive: true });
	const summaryFile = path.join(dir, 'summary.json');
	const command = await n8nCli(
		install,
		options,
		['execute-batch', `--ids=${ids.join(',')}`, `--snapshot=${dir}`, `--output=${summaryFile}`, '--retries=0', '--concurrency=1'],
		600_000,
	);
	if (!existsSync(summaryFile)) {
		throw new Error(`n8n execute-batch wrote no summary (exit ${command.code})\n${command.stdout.slice(-4000)}\n${command.stderr.slice(-4000)}`);
	}
	const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as BatchOutput['summary'];
	const runs: Record<string, ExecutionOutput> = {};
	for (const id of ids) {
		const file = path.join(dir, `${id}-snapshot.json`);
		if (existsSync(file)) runs[id] = { result: JSON.parse(readFileSync(file, 'utf8')) as ExecutionOutput['result'], command };
	}
	return { command, summary, runs };
}

/** Items a node output in its last run (first output by default), as plain json objects. */
export function nodeItems(output: Pick<ExecutionOutput, 'result'>, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = output.result?.data?.resultData?.runData?.[nodeName] as
		| Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown>; error?: unknown }> | null> } }>
		| undefined;
	const items = runs?.[runs.length - 1]?.data?.main?.[outputIndex] ?? [];
	return items.map((item) => item.json);
}

/** Asks `read` every `intervalMs` until it returns something other than undefined; fails after `timeoutMs`. */
export async function waitFor<T>(what: string, read: () => T | undefined | Promise<T | undefined>, timeoutMs: number, intervalMs = 500): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Waited ${Math.round(timeoutMs / 1000)} s for ${what}, in vain`);
		await sleep(intervalMs);
	}
}

/**
 * Waits until n8n has registered the production webhook at `path` (n8n answers readiness before it has activated
 * every workflow; a call in between gets 404). A CORS preflight asks without running the workflow: n8n looks the
 * path's methods up and answers 204 once one is registered (seen on 1.x and 2.x), an error before (500 on 2.x).
 */
export async function waitForWebhook(baseUrl: string, path: string, timeoutMs = 60_000): Promise<void> {
	await waitFor(
		`n8n to register the webhook ${path}`,
		async () => {
			const response = await fetch(`${baseUrl}/webhook/${path}`, {
				method: 'OPTIONS',
				headers: { origin: 'http://localhost', 'access-control-request-method': 'POST' },
			});
			return response.status === 204 ? true : undefined;
		},
		timeoutMs,
		250,
	);
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export async function assertPortFree(port: number, what: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const server = createServer();
		server.once('error', () => reject(new Error(`Port ${port} (${what}) is in use. Stop whatever uses it, or choose another port (see --help).`)));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	/** Everything the process printed so far. */
	output(): string;
	stop(): Promise<void>;
}

/**
 * Starts `n8n start` and waits until the editor and REST API answer: /healthz/readiness, then /rest/settings.
 * (n8n 1.x is "ready" about 5 s before it registers its REST routes; until then /rest/settings answers with the
 * editor's 404 page. On 2.x both come together.)
 */
export async function startN8n(
	install: N8nInstall,
	options: N8nOptions & { port: number },
	onOutput?: (text: string) => void,
	timeoutMs = 120_000,
): Promise<RunningN8n> {
	const child = spawn(install.nodeBin, [install.n8nBin, 'start'], {
		env: n8nEnv(install, options),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	let exited: number | null | undefined;
	const collect = (chunk: Buffer) => {
		const text = chunk.toString();
		output += text;
		onOutput?.(text);
	};
	child.stdout!.on('data', collect);
	child.stderr!.on('data', collect);
	child.on('exit', (code) => (exited = code));
	const url = `http://127.0.0.1:${options.port}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited !== undefined) throw new Error(`n8n exited with code ${exited} before it was ready\n${output.slice(-6000)}`);
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) {
				const settings = await fetch(`${url}/rest/settings`);
				if (settings.ok && /json/.test(settings.headers.get('content-type') ?? '')) break;
			}
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`n8n was not ready after ${timeoutMs / 1000} s\n${output.slice(-6000)}`);
		}
		await sleep(500);
	}
	return {
		url,
		process: child,
		output: () => output,
		stop: async () => {
			if (exited !== undefined) return;
			const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await done;
			clearTimeout(timer);
		},
	};
}

/** An execution as n8n's execution list shows it. */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	/** "trigger" for a poll or event of a published workflow, "manual" for a run from the editor. */
	mode: string;
	/** "running", "success", "error"… */
	status: string;
	startedAt?: string;
	stoppedAt?: string;
}

export const OWNER = {
	email: 'sandbox@releval.example',
	firstName: 'Releval',
	lastName: 'Sandbox',
	password: 'Releval-Sandbox-2026',
};

/** A client of n8n's internal REST API (/rest), signed in as the owner; `line` is the n8n line it talks to. */
export class N8nRest {
	private cookie = '';

	constructor(
		readonly url: string,
		readonly line: N8nLine = 2,
	) {}

	/** Creates the owner on a new n8n (or signs in when it exists already). */
	async signIn(owner = OWNER): Promise<'created' | 'signed-in'> {
		const settings = (await fetch(`${this.url}/rest/settings`).then((response) => response.json())) as {
			data?: { userManagement?: { showSetupOnFirstLoad?: boolean } };
		};
		if (settings.data?.userManagement?.showSetupOnFirstLoad !== false) {
			const setup = await fetch(`${this.url}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(owner),
			});
			if (!setup.ok) throw new Error(`Could not create the n8n owner (HTTP ${setup.status}: ${await setup.text()})`);
			this.keepCookie(setup);
			return 'created';
		}
		const login = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (!login.ok) {
			throw new Error(
				`Could not sign in as ${owner.email} (HTTP ${login.status}: ${await login.text()}). If you changed the owner's password, use it, or start over with --fresh.`,
			);
		}
		this.keepCookie(login);
		return 'signed-in';
	}

	get authCookie(): string {
		return this.cookie;
	}

	private keepCookie(response: Response): void {
		const cookies = response.headers.getSetCookie();
		const auth = cookies.find((cookie) => cookie.startsWith('n8n-auth='));
		if (!auth) throw new Error('n8n set no n8n-auth cookie');
		this.cookie = auth.split(';')[0];
	}

	/** The executions of a workflow, newest first (what the editor's Executions tab lists). */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const response = await this.request<{ data: { results: ExecutionSummary[] } }>('GET', `/executions?filter=${filter}&limit=100`);
		if (response.status !== 200) throw new Error(`GET /rest/executions answered ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
		return response.body.data.results;
	}

	/** One execution with its run data, in the shape `n8n execute --rawOutput` prints (n8n stores it "flatted"). */
	async execution(id: string): Promise<Pick<ExecutionOutput, 'result'>> {
		const response = await this.request<{ data: { data: string; status: string; mode: string } }>('GET', `/executions/${id}`);
		if (response.status !== 200) throw new Error(`GET /rest/executions/${id} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
		const { data, ...rest } = response.body.data;
		return { result: { ...rest, data: parseFlatted(data) as NonNullable<ExecutionOutput['result']>['data'] } };
	}

	/** Runs a workflow from one of its triggers as the editor's "Execute workflow" / "Fetch Test Event" does. */
	async runFromTrigger(workflowId: string, triggerName: string): Promise<string> {
		// n8n 2.x runs the stored workflow; n8n 1.x runs the workflow the editor sends along (`workflowData`, its
		// id matching the URL's), as the 1.x editor does with its unsaved state: send the stored one
		let workflowData: unknown;
		if (this.line === 1) {
			const stored = await this.request<{ data: Record<string, unknown> }>('GET', `/workflows/${workflowId}`);
			if (stored.status !== 200) throw new Error(`GET /rest/workflows/${workflowId} answered ${stored.status}: ${JSON.stringify(stored.body).slice(0, 500)}`);
			workflowData = stored.body.data;
		}
		const response = await this.request<{ data: { executionId?: string; waitingForWebhook?: boolean } }>('POST', `/workflows/${workflowId}/run`, {
			...(workflowData ? { workflowData } : {}),
			triggerToStartFrom: { name: triggerName },
		});
		const executionId = response.body.data?.executionId;
		if (response.status !== 200 || !executionId) {
			throw new Error(`POST /rest/workflows/${workflowId}/run answered ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
		}
		return executionId;
	}

	async request<T = unknown>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await fetch(`${this.url}/rest${route}`, {
			method,
			headers: { cookie: this.cookie, 'content-type': 'application/json', 'browser-id': 'releval-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// keep the text
		}
		return { status: response.status, body: parsed as T };
	}
}
