/*
 * The mock Releval in a process of its own, for the benchmark: the server side then neither shares the measured
 * process's event loop nor its heap, as a real Releval would not. Driven by the parent over IPC (bench/lib/mock.ts).
 */
import type { Server } from 'node:http';

import { startMockReleval, type MockOptions } from '../test/mock/server';

export type MockCommand =
	| { cmd: 'setEvaluationCount'; count: number }
	| { cmd: 'stats' }
	| { cmd: 'cpu' }
	| { cmd: 'clearLog' }
	| { cmd: 'revokeTokens' }
	| { cmd: 'stop' };

export interface MockStats {
	tokenRequests: number;
	apiRequests: number;
	/** API requests by status code. */
	statuses: Record<string, number>;
	contractViolations: number;
	evaluations: number;
	/** TCP connections clients opened to the mock since the log was last cleared. */
	connectionsOpened: number;
	/** TCP connections open right now (idle keep-alive sockets included). */
	openConnections: number;
}

async function main() {
	const options = JSON.parse(process.env.BENCH_MOCK_OPTIONS ?? '{}') as MockOptions;
	const mock = await startMockReleval(options);
	// counted on the server side: how many TCP connections the client under test opens for its requests
	let connectionsOpened = 0;
	const server = (mock as unknown as { app: { server: Server } }).app.server;
	server.on('connection', () => connectionsOpened++);
	const openConnections = () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
	/** Exactly `count` evaluations: new ones appended, extra ones removed from the end. */
	const setEvaluationCount = (count: number) => {
		const { byId } = mock.state.evaluations;
		let index = 0;
		for (const id of [...byId.keys()]) if (index++ >= count) byId.delete(id);
		for (let index = mock.state.evaluations.byId.size; index < count; index++) {
			mock.state.evaluations.insert({
				name: `Benchmark evaluation ${index + 1}`,
				endpoint_id: 'EP1',
				query_set_id: 'QS1',
				query_template_id: 'QT1',
			});
		}
	};
	const handle = async (message: MockCommand): Promise<unknown> => {
		switch (message.cmd) {
			case 'setEvaluationCount':
				setEvaluationCount(message.count);
				return mock.state.evaluations.byId.size;
			case 'stats': {
				const statuses: Record<string, number> = {};
				for (const request of mock.apiRequests) statuses[String(request.status)] = (statuses[String(request.status)] ?? 0) + 1;
				const stats: MockStats = {
					tokenRequests: mock.tokenRequests.length,
					apiRequests: mock.apiRequests.length,
					statuses,
					contractViolations: mock.contractViolations.length,
					evaluations: mock.state.evaluations.byId.size,
					connectionsOpened,
					openConnections: await openConnections(),
				};
				return stats;
			}
			case 'cpu': {
				const usage = process.cpuUsage();
				return (usage.user + usage.system) / 1000;
			}
			case 'clearLog':
				mock.clearLog();
				connectionsOpened = 0;
				return true;
			case 'revokeTokens':
				mock.revokeTokens();
				return true;
			case 'stop':
				await mock.stop();
				setImmediate(() => process.exit(0));
				return true;
		}
	};
	process.on('message', (envelope: { id: number; message: MockCommand }) => {
		handle(envelope.message).then(
			(result) => process.send?.({ id: envelope.id, result }),
			(error: Error) => process.send?.({ id: envelope.id, error: error.message }),
		);
	});
	process.on('disconnect', () => process.exit(0));
	process.send?.({ ready: true, url: mock.url });
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
