/*
 * Reading V8 CPU profiles (.cpuprofile): self time grouped by who owns the code, optionally within time windows.
 * Sample timestamps are microseconds on the machine's monotonic clock — the clock of process.hrtime() in every
 * process — so a window known in wall-clock time converts with one offset (Date.now() vs hrtime, measured once).
 */

export interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
	children?: number[];
}

export interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export const OWNERS = [
	'idle / waiting (for the mock, the event loop)',
	'garbage collection',
	'this package: node (pagination, transport)',
	'this package: credential',
	'n8n-core (execution engine, request helpers)',
	'n8n-workflow (expressions, parameters)',
	'n8n-nodes-base (HTTP Request, Split Out)',
	'n8n cli (credentials helper, hooks, database)',
	'@n8n/* (backend-network, client-oauth2, db, config…)',
	'database drivers (typeorm, sqlite3)',
	'axios + follow-redirects',
	'Node http / net / streams / events',
	'JSON parse / stringify (V8)',
	'native calls (sockets, crypto, buffers)',
	'test harness (n8n-core stand-ins)',
	'other node_modules',
	'other (V8, Node internals, program)',
] as const;
export type Owner = (typeof OWNERS)[number];

/** The package a script belongs to: the folder after the last node_modules/ in its URL ('' outside node_modules). */
function packageOf(url: string): string {
	const at = url.lastIndexOf('node_modules/');
	if (at < 0) return '';
	const rest = url.slice(at + 'node_modules/'.length).split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

export function ownerOf(node: ProfileNode): Owner {
	const { url, functionName } = node.callFrame;
	if (functionName === '(idle)') return 'idle / waiting (for the mock, the event loop)';
	if (functionName === '(garbage collector)') return 'garbage collection';
	const pkg = packageOf(url);
	if (/\/credentials\/[^/]+\.(ts|js)$/.test(url)) return 'this package: credential';
	if (pkg === 'n8n-nodes-releval' || (!pkg && /\/nodes\/Releval\//.test(url))) return 'this package: node (pagination, transport)';
	if (pkg === 'n8n-core') return 'n8n-core (execution engine, request helpers)';
	if (pkg === 'n8n-workflow') return 'n8n-workflow (expressions, parameters)';
	if (pkg === 'n8n-nodes-base') return 'n8n-nodes-base (HTTP Request, Split Out)';
	if (pkg === 'n8n') return 'n8n cli (credentials helper, hooks, database)';
	if (pkg === '@n8n/typeorm' || pkg === 'typeorm' || pkg === 'sqlite3') return 'database drivers (typeorm, sqlite3)';
	if (pkg.startsWith('@n8n/')) return '@n8n/* (backend-network, client-oauth2, db, config…)';
	if (['axios', 'follow-redirects', 'form-data', 'proxy-from-env'].includes(pkg)) return 'axios + follow-redirects';
	if (/^node:(_http|http|https|net|stream|internal\/(streams|http|net|stream_base|dns|url|timers|async_hooks|event_target)|zlib|events|buffer|url|diagnostics_channel)/.test(url)) {
		return 'Node http / net / streams / events';
	}
	if (!url && /^(parse|stringify|JSONParse|JSONStringify)$/.test(functionName)) return 'JSON parse / stringify (V8)';
	if (!url && functionName && !functionName.startsWith('(')) return 'native calls (sockets, crypto, buffers)';
	if (/\/test\/harness\//.test(url)) return 'test harness (n8n-core stand-ins)';
	if (pkg) return 'other node_modules';
	return 'other (V8, Node internals, program)';
}

export interface OwnerSummary {
	/** Wall time the windows cover, ms (summed over windows). */
	wallMs: number;
	windows: number;
	/** Self time per owner, ms per window. */
	perWindowMs: Record<Owner, number>;
	/** The heaviest functions by self time (idle excluded), ms per window. */
	topFunctions: Array<{ owner: Owner; name: string; ms: number }>;
}

/** Self time by owner within [from, to) windows (µs, monotonic clock); the whole profile when no window is given. */
export function summariseProfile(profile: CpuProfile, windows?: Array<[number, number]>, top = 25): OwnerSummary {
	const spans = windows ?? [[profile.startTime, profile.endTime]];
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const selfUs = new Map<number, number>();
	let time = profile.startTime;
	for (let index = 0; index < profile.samples.length; index++) {
		const delta = profile.timeDeltas[index] ?? 0;
		time += delta;
		// a sample at `time` accounts for the interval that ended there
		if (!spans.some(([from, to]) => time > from && time <= to)) continue;
		const id = profile.samples[index];
		selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
	}
	const count = spans.length;
	const perWindowMs = Object.fromEntries(OWNERS.map((owner) => [owner, 0])) as Record<Owner, number>;
	const functions = new Map<string, { owner: Owner; name: string; us: number }>();
	for (const [id, us] of selfUs) {
		const node = byId.get(id);
		if (!node) continue;
		const owner = ownerOf(node);
		perWindowMs[owner] += us / 1000 / count;
		const file = node.callFrame.url
			.replace(/^.*node_modules\//, '')
			.replace(/^file:\/\/.*?\/(nodes|credentials|test)\//, '$1/');
		const name = `${node.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${node.callFrame.lineNumber + 1}` : ''}`;
		const entry = functions.get(name) ?? { owner, name, us: 0 };
		entry.us += us;
		functions.set(name, entry);
	}
	const topFunctions = [...functions.values()]
		.filter((entry) => !entry.owner.startsWith('idle'))
		.sort((a, b) => b.us - a.us)
		.slice(0, top)
		.map((entry) => ({ owner: entry.owner, name: entry.name, ms: entry.us / 1000 / count }));
	const wallMs = spans.reduce((sum, [from, to]) => sum + (to - from), 0) / 1000;
	return { wallMs, windows: count, perWindowMs, topFunctions };
}

export interface FunctionTime {
	owner: Owner;
	name: string;
	/** Inclusive ("total") time: samples with this function anywhere on the stack, ms per window. */
	ms: number;
}

function functionLabel(node: ProfileNode): string {
	const file = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(nodes|credentials|test)\//, '$1/');
	return `${node.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${node.callFrame.lineNumber + 1}` : ''}`;
}

/**
 * Inclusive time by function within [from, to) windows: every sample counts once for each distinct function on
 * its stack, so a function's figure includes what it called. The `top` heaviest, idle and the root excluded.
 */
export function inclusiveByFunction(profile: CpuProfile, windows: Array<[number, number]>, top = 40): FunctionTime[] {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	const totals = new Map<string, { owner: Owner; us: number }>();
	let time = profile.startTime;
	for (let index = 0; index < profile.samples.length; index++) {
		const delta = profile.timeDeltas[index] ?? 0;
		time += delta;
		if (!windows.some(([from, to]) => time > from && time <= to)) continue;
		const seen = new Set<string>();
		for (let id: number | undefined = profile.samples[index]; id !== undefined; id = parentOf.get(id)) {
			const node = byId.get(id);
			if (!node || node.callFrame.functionName === '(root)' || node.callFrame.functionName === '(idle)') continue;
			const label = functionLabel(node);
			if (seen.has(label)) continue;
			seen.add(label);
			const entry = totals.get(label) ?? { owner: ownerOf(node), us: 0 };
			entry.us += delta;
			totals.set(label, entry);
		}
	}
	return [...totals.entries()]
		.sort((a, b) => b[1].us - a[1].us)
		.slice(0, top)
		.map(([name, entry]) => ({ owner: entry.owner, name, ms: entry.us / 1000 / windows.length }));
}

/** Microseconds to add to a monotonic (hrtime / profile) timestamp to get epoch microseconds. */
export function epochOffsetUs(): number {
	return Date.now() * 1000 - Number(process.hrtime.bigint() / 1000n);
}

/** Coarser groups for the printed table. */
export const GROUPS = {
	'waiting (idle: the mock answering)': ['idle / waiting (for the mock, the event loop)'],
	'HTTP: axios, Node http/net, sockets': ['axios + follow-redirects', 'Node http / net / streams / events', 'native calls (sockets, crypto, buffers)'],
	'JSON parse / stringify': ['JSON parse / stringify (V8)'],
	'n8n engine: n8n-core, n8n-workflow, nodes-base, cli, @n8n/*': [
		'n8n-core (execution engine, request helpers)',
		'n8n-workflow (expressions, parameters)',
		'n8n-nodes-base (HTTP Request, Split Out)',
		'n8n cli (credentials helper, hooks, database)',
		'@n8n/* (backend-network, client-oauth2, db, config…)',
	],
	"n8n's database (sqlite: credential reads, statistics, executions)": ['database drivers (typeorm, sqlite3)'],
	'garbage collection': ['garbage collection'],
	'this package (node + credential)': ['this package: node (pagination, transport)', 'this package: credential'],
	'test harness': ['test harness (n8n-core stand-ins)'],
	'other': ['other node_modules', 'other (V8, Node internals, program)'],
} satisfies Record<string, Owner[]>;

export function grouped(summary: OwnerSummary): Record<keyof typeof GROUPS, number> {
	return Object.fromEntries(
		Object.entries(GROUPS).map(([group, owners]) => [group, owners.reduce((sum, owner) => sum + summary.perWindowMs[owner as Owner], 0)]),
	) as Record<keyof typeof GROUPS, number>;
}
