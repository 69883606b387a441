/*
 * Runs the mock Releval alone: `npm run mock -- --port 4010`. Prints its URL and an App Client that works
 * against it; Ctrl+C stops it.
 */
import { Command, Option } from 'commander';

import { DEFAULT_CLIENT, startMockReleval } from './server';
import type { EnvelopeStyle } from './state';

const program = new Command()
	.name('npm run mock --')
	.description('A Releval stand-in on loopback, validating requests against openapi/releval.json')
	.option('-p, --port <port>', 'port to listen on (0: any free port)', '4010')
	.option('--token-lifetime <seconds>', 'lifetime of issued access tokens', '3600')
	.option('--latency <ms>', 'delay added to every API response', '0')
	.addOption(
		new Option('--envelope <style>', 'shape of list responses')
			.choices(['items', 'array', 'data-total-count', 'results-total-pages', 'items-no-total'])
			.default('items'),
	)
	.option('--empty', 'start without demo data')
	.parse();

async function main() {
	const options = program.opts<{ port: string; tokenLifetime: string; latency: string; envelope: EnvelopeStyle; empty?: boolean }>();
	const mock = await startMockReleval({
		port: Number(options.port),
		tokenLifetimeSeconds: Number(options.tokenLifetime),
		latencyMs: Number(options.latency),
		envelope: options.envelope,
	});
	if (!options.empty) {
		const { seedDemoData } = await import('./seed');
		seedDemoData(mock);
	}
	console.log(`Mock Releval listening on ${mock.url}`);
	console.log(`  Base URL:      ${mock.url}`);
	console.log(`  Client ID:     ${DEFAULT_CLIENT.clientId}`);
	console.log(`  Client Secret: ${DEFAULT_CLIENT.clientSecret}`);
	console.log('Press Ctrl+C to stop.');
	const stop = async () => {
		await mock.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
