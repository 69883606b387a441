import { readdirSync, readFileSync } from 'node:fs';

/*
 * CPU time of other processes (n8n main and workers, Postgres' backends), read from Linux's /proc: fields 14 and 15
 * of /proc/<pid>/stat are user and system time in clock ticks (USER_HZ, 100 per second on Linux).
 */

const TICKS_PER_SECOND = 100;

interface Stat {
	ppid: number;
	cpuMs: number;
}

function readStat(pid: number): Stat | undefined {
	let text: string;
	try {
		text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	// the command name (field 2) is in parentheses and may hold spaces: split after its closing one
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15
	const ppid = Number(fields[1]);
	const ticks = Number(fields[11]) + Number(fields[12]);
	return { ppid, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
}

/** CPU time (user + system, ms) a process has used so far; 0 once it is gone. */
export function processCpuMs(pid: number): number {
	return readStat(pid)?.cpuMs ?? 0;
}

/** CPU time (ms) of a process and of all its live descendants (e.g. Postgres' postmaster and its backends). */
export function processTreeCpuMs(rootPid: number): number {
	const stats = new Map<number, Stat>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readStat(Number(entry));
		if (stat) stats.set(Number(entry), stat);
	}
	const inTree = (pid: number): boolean => {
		for (let current = pid, hops = 0; hops < 64; hops++) {
			if (current === rootPid) return true;
			const parent = stats.get(current)?.ppid;
			if (!parent || parent === current) return false;
			current = parent;
		}
		return false;
	};
	let total = 0;
	for (const [pid, stat] of stats) if (inTree(pid)) total += stat.cpuMs;
	return total;
}

/** CPU time (ms) of a process's main thread alone (/proc/<pid>/task/<pid>: the JavaScript thread of a Node process). */
export function mainThreadCpuMs(pid: number): number {
	try {
		const text = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
	} catch {
		return 0;
	}
}
