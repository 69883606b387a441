// `npm start` and `npm test` go through this launcher, so that either works as the first command after
// `git clone`: when node_modules is missing or does not match package-lock.json, it installs exactly what the
// lockfile says (`npm ci`), then runs the command given, with its arguments, and ends the way the command ended
// (exit code or signal). Plain Node with built-ins only: it runs before any dependency is installed.
//
//   node scripts/launch.mjs <command> [args...]     e.g. node scripts/launch.mjs node scripts/test-all.mjs
//   node scripts/launch.mjs --install-only          only the check and, when needed, the install
//
// "Installed and matching" compares package-lock.json with node_modules itself: every locked package's folder
// has the locked version, and no package folder is there that the lockfile does not list. About 1,200 small
// reads: about 0.1 s. Simpler records were tried and rejected: npm's own node_modules/.package-lock.json is also
// rewritten by `npm install --package-lock-only`, which installs nothing, so it can claim a tree that is not
// there; a hash of the lockfile saved by this launcher would not know a node_modules installed by hand or by
// CI's own `npm ci`, and would reinstall for nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockfilePath = path.join(root, 'package-lock.json');
const say = (text) => console.log(`▸ ${text}`);

/** The version in a package folder's package.json, or undefined when there is none. */
function installedVersion(location) {
	try {
		return JSON.parse(readFileSync(path.join(root, location, 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

/** Package folders in node_modules (`node_modules/a`, `node_modules/@scope/b`, nested ones under `parent`). */
function packageFoldersIn(parent) {
	const modulesFolder = path.posix.join(parent, 'node_modules'); // lockfile keys use / everywhere
	let names;
	try {
		names = readdirSync(path.join(root, modulesFolder));
	} catch {
		return [];
	}
	return names
		.filter((name) => !name.startsWith('.')) // .bin, .package-lock.json, .cache
		.flatMap((name) =>
			name.startsWith('@')
				? readdirSync(path.join(root, modulesFolder, name)).map((scoped) => `${modulesFolder}/${name}/${scoped}`)
				: [`${modulesFolder}/${name}`],
		);
}

/** Why node_modules does not match the lockfile, or undefined when it matches. */
function installMismatch() {
	if (!existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
	const locked = JSON.parse(readFileSync(lockfilePath, 'utf8')).packages ?? {};
	for (const [location, entry] of Object.entries(locked)) {
		if (location === '' || entry.link) continue; // the project itself; links point into the project
		const version = installedVersion(location);
		// optional packages for other platforms (e.g. @esbuild/darwin-arm64) are locked but not installed here
		if (version === undefined && entry.optional) continue;
		if (version === undefined) return `${location} is not installed`;
		if (version !== entry.version) return `${location} is ${version}, the lockfile says ${entry.version}`;
	}
	const installedFolders = [...packageFoldersIn('')];
	for (const folder of installedFolders) {
		if (!(folder in locked)) return `${folder} is installed but not in the lockfile`;
		installedFolders.push(...packageFoldersIn(folder));
	}
	return undefined;
}

function npmCommand(args) {
	// Under `npm start` / `npm test`, npm_execpath is the npm that runs us: use the same one (and no shell, which
	// `npm.cmd` on Windows would need)
	const npmCli = process.env.npm_execpath;
	if (npmCli && /\.[cm]?js$/.test(npmCli)) return [process.execPath, [npmCli, ...args], {}];
	return ['npm', args, { shell: process.platform === 'win32' }];
}

function formatDuration(milliseconds) {
	const seconds = Math.round(milliseconds / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function ensureInstalled() {
	const checkStarted = performance.now();
	const mismatch = installMismatch();
	if (!mismatch) {
		say(`node_modules matches package-lock.json (checked in ${Math.round(performance.now() - checkStarted)} ms)`);
		return;
	}
	say(`${mismatch}: installing exactly what package-lock.json says (npm ci)…`);
	const installStarted = performance.now();
	// --include=dev: every tool here is a devDependency, also when NODE_ENV=production would omit them
	const [command, args, options] = npmCommand(['ci', '--include=dev', '--no-audit', '--no-fund']);
	const install = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	if (install.status !== 0) {
		console.error(`▸ npm ci failed (${install.error?.message ?? `exit ${install.status ?? install.signal}`}) after ${formatDuration(performance.now() - installStarted)}`);
		process.exit(install.status || 1);
	}
	say(`installed in ${formatDuration(performance.now() - installStarted)}`);
}

/**
 * Whether a SIGINT we got most likely came from the keyboard (Ctrl+C), which the terminal sends to its whole
 * foreground process group, the command included. On Linux: our process group is the terminal's foreground group
 * (/proc/self/stat fields 5 and 8). Elsewhere: stdin is a terminal.
 */
function interruptCameFromTerminal() {
	try {
		const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
		const [processGroup, terminalForegroundGroup] = [fields[2], fields[5]];
		return processGroup === terminalForegroundGroup;
	} catch {
		return Boolean(process.stdin.isTTY);
	}
}

function run(commandLine) {
	const [command, ...args] = commandLine;
	// `node` means this Node, not whichever one comes first on the PATH
	const child = spawn(command === 'node' ? process.execPath : command, args, { cwd: root, stdio: 'inherit' });
	const forward = (signal) => {
		// The sandbox stops n8n and the mock on the first SIGINT and exits at once on a second one: pass a SIGINT on
		// only when the terminal did not already deliver it to the command itself
		if (signal === 'SIGINT' && interruptCameFromTerminal()) return;
		child.kill(signal);
	};
	const forwardedSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const signal of forwardedSignals) process.on(signal, forward);
	child.on('error', (error) => {
		console.error(`▸ could not run ${command}: ${error.message}`);
		process.exit(127);
	});
	child.on('exit', (code, signal) => {
		for (const forwardedSignal of forwardedSignals) process.off(forwardedSignal, forward);
		// end the way the command ended, so that npm and CI see the same exit code or signal
		if (signal) process.kill(process.pid, signal);
		else process.exit(code ?? 1);
	});
}

const commandLine = process.argv.slice(2);
if (commandLine.length === 0) {
	console.error('usage: node scripts/launch.mjs <command> [args...] | --install-only');
	process.exit(2);
}
ensureInstalled();
if (commandLine[0] !== '--install-only') run(commandLine);
