import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { MockOptions } from '../../test/mock/server';
import type { MockCommand, MockStats } from '../mock-child';

/** The parent's handle on a mock Releval running in its own process (bench/mock-child.ts). */
export interface MockProcess {
	url: string;
	child: ChildProcess;
	/** Exactly `count` evaluations in the mock (appended or removed from the end). */
	setEvaluationCount(count: number): Promise<number>;
	stats(): Promise<MockStats>;
	/** CPU time the mock process has used so far (user + system), ms. */
	cpuMs(): Promise<number>;
	clearLog(): Promise<void>;
	revokeTokens(): Promise<void>;
	stop(): Promise<void>;
}

export const TSX_ARGS = ['--import', 'tsx'];

export async function startMockProcess(options: Omit<MockOptions, 'port'> = {}): Promise<MockProcess> {
	const child = fork(path.join(__dirname, '..', 'mock-child.ts'), [], {
		execArgv: TSX_ARGS,
		env: { ...process.env, BENCH_MOCK_OPTIONS: JSON.stringify(options) },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	let nextId = 1;
	const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	const url = await new Promise<string>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`mock process exited with ${code} before it was ready`)));
		child.on('message', (message: { ready?: boolean; url?: string; id?: number; result?: unknown; error?: string }) => {
			if (message.ready) {
				resolve(message.url as string);
				return;
			}
			const waiter = pending.get(message.id ?? -1);
			if (!waiter) return;
			pending.delete(message.id as number);
			if (message.error) waiter.reject(new Error(message.error));
			else waiter.resolve(message.result);
		});
	});
	child.removeAllListeners('exit');
	const call = <T>(message: MockCommand) =>
		new Promise<T>((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			child.send({ id, message });
		});
	return {
		url,
		child,
		setEvaluationCount: (count) => call<number>({ cmd: 'setEvaluationCount', count }),
		stats: () => call<MockStats>({ cmd: 'stats' }),
		cpuMs: () => call<number>({ cmd: 'cpu' }),
		clearLog: async () => {
			await call({ cmd: 'clearLog' });
		},
		revokeTokens: async () => {
			await call({ cmd: 'revokeTokens' });
		},
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.send({ id: 0, message: { cmd: 'stop' } });
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		},
	};
}
