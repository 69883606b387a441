import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

import { summariseProfile, type CpuProfile, type OwnerSummary } from '../lib/cpuprofile';
import type { MockProcess } from '../lib/mock';
import { newHarness, runBareLoop, runNode, tokenOf } from '../lib/subjects';

/*
 * Where the time goes in the n8n-core harness: a V8 CPU profile (node:inspector, this process only — the mock
 * runs in its own process) of Return All through the node and of the bare loop, self time grouped by owner.
 */

function post<T>(session: Session, method: string, params?: object): Promise<T> {
	return new Promise((resolve, reject) =>
		session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
	);
}

async function profiled(session: Session, name: string, outDir: string, runs: number, work: () => Promise<unknown>): Promise<OwnerSummary> {
	await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
	await post(session, 'Profiler.start');
	const windows: Array<[number, number]> = [];
	for (let run = 0; run < runs; run++) {
		const from = Number(process.hrtime.bigint() / 1000n);
		await work();
		windows.push([from, Number(process.hrtime.bigint() / 1000n)]);
	}
	const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
	writeFileSync(path.join(outDir, `harness-${name}.cpuprofile`), JSON.stringify(profile));
	return summariseProfile(profile, windows);
}

export interface HarnessProfile {
	runs: number;
	bareLoop: OwnerSummary;
	nodeSequential: OwnerSummary;
	nodeDefault: OwnerSummary;
}

/** Profiles `runs` runs of each subject (after a warm-up) against a mock holding `items` evaluations. */
export async function profileHarness(mock: MockProcess, items: number, runs: number, outDir: string): Promise<HarnessProfile> {
	await mock.setEvaluationCount(items);
	const harness = newHarness(mock.url);
	for (let warm = 0; warm < 3; warm++) {
		await runNode(harness, 1);
		await runNode(harness);
	}
	const token = tokenOf(harness);
	for (let warm = 0; warm < 3; warm++) await runBareLoop(mock.url, token);
	const session = new Session();
	session.connect();
	try {
		await post(session, 'Profiler.enable');
		const bareLoop = await profiled(session, 'bare-loop', outDir, runs, () => runBareLoop(mock.url, token));
		const nodeSequential = await profiled(session, 'node-sequential', outDir, runs, () => runNode(harness, 1));
		const nodeDefault = await profiled(session, 'node-default', outDir, runs, () => runNode(harness));
		return { runs, bareLoop, nodeSequential, nodeDefault };
	} finally {
		session.disconnect();
	}
}
