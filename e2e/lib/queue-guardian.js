#!/usr/bin/env node
/*
 * Stops what a queue-mode test run started when the test process can no longer do it: Ctrl+C, SIGTERM, a crash,
 * SIGKILL. Signal handlers inside the test process cannot do this under jest (a test sees a copy of `process`
 * whose events are never emitted), so this runs as its own small process, outside jest, in plain Node.
 *
 *   node queue-guardian.js watch <run folder> <test process pid>   checks every 500 ms; once that pid is gone,
 *                                                                   stops what <run folder>/pids.json lists
 *   node queue-guardian.js reap <root folder>                       stops what runs below <root> left behind
 *                                                                   (their test process is gone) and removes them
 *
 * pids.json ({owner, processes: [{name, command, pid, signal, group}]}) is kept current by lib/queue.ts. A pid is
 * only signalled while its command line still contains the recorded command, so a reused pid is never touched.
 */
const { existsSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const PIDS_FILE = 'pids.json';

function isAlive(pid) {
	try {
		// a zombie (exited, not yet reaped by its parent) is gone for our purposes
		return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

function commandOf(pid) {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
	} catch {
		return '';
	}
}

function signal(pid, group, sig) {
	try {
		process.kill(group ? -pid : pid, sig);
	} catch {
		// already gone
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The safe order: n8n main and webhook processors (no new executions), the workers (finish what they hold), Redis, then Postgres. */
function stageOf(name) {
	if (name === 'main' || name.startsWith('webhook')) return 0;
	if (name.startsWith('worker')) return 1;
	if (name === 'redis') return 2;
	return 3;
}

async function stopListed(runDir, log) {
	const pidsFile = path.join(runDir, PIDS_FILE);
	let record;
	try {
		record = JSON.parse(readFileSync(pidsFile, 'utf8'));
	} catch {
		return;
	}
	const live = (record.processes || []).filter((entry) => isAlive(entry.pid) && commandOf(entry.pid).includes(entry.command));
	for (const stage of [...new Set(live.map((entry) => stageOf(entry.name)))].sort()) {
		const entries = live.filter((entry) => stageOf(entry.name) === stage);
		log(`stopping ${entries.map((entry) => `${entry.name} (pid ${entry.pid})`).join(', ')}`);
		for (const entry of entries) signal(entry.pid, entry.group, entry.signal);
		const deadline = Date.now() + (stage <= 1 ? 40_000 : 15_000);
		while (entries.some((entry) => isAlive(entry.pid)) && Date.now() < deadline) await sleep(200);
		for (const entry of entries) {
			if (isAlive(entry.pid)) signal(entry.pid, entry.group, 'SIGKILL');
			// a task runner its n8n parent left behind
			if (entry.group) signal(entry.pid, true, 'SIGKILL');
		}
	}
	rmSync(pidsFile, { force: true });
}

async function watch(runDir, ownerPid) {
	const log = (line) => process.stderr.write(`[queue guardian] ${line}\n`);
	while (isAlive(ownerPid)) await sleep(500);
	await stopListed(runDir, log);
}

async function reap(root) {
	const log = (line) => process.stdout.write(`[queue] ${line} (left by an earlier run)\n`);
	if (!existsSync(root)) return;
	for (const name of readdirSync(root)) {
		const runDir = path.join(root, name);
		let owner;
		try {
			owner = JSON.parse(readFileSync(path.join(runDir, PIDS_FILE), 'utf8')).owner;
		} catch {
			owner = undefined;
		}
		if (owner !== undefined && isAlive(owner)) continue;
		await stopListed(runDir, log);
		rmSync(runDir, { recursive: true, force: true });
	}
}

const [mode, target, owner] = process.argv.slice(2);
if (mode === 'watch' && target && owner) void watch(target, Number(owner));
else if (mode === 'reap' && target) void reap(target);
else {
	process.stderr.write('usage: queue-guardian.js watch <run folder> <pid> | reap <root folder>\n');
	process.exit(2);
}
