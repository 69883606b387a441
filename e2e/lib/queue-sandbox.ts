import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { N8nInstall } from './install';
import { startQueueCluster, type QueueCluster } from './queue';

/**
 * `npm start -- --queue`: the sandbox on a queue-mode cluster (Postgres, Redis, n8n main on `port`, two workers),
 * with the credential and the example workflows imported and `publish` published. A fresh cluster every time: its
 * database lives in a temporary run folder, which the next start removes. `cluster.stop()` stops all of it; if the
 * sandbox dies without stopping it, the cluster's guardian does.
 */
export async function startQueueSandbox(options: {
	install: N8nInstall;
	tarball: string;
	port: number;
	credentials: object[];
	examplesDir: string;
	publish: string[];
	log: (line: string) => void;
}): Promise<{ cluster: QueueCluster; workflows: Array<Record<string, unknown>> }> {
	const workflows = readdirSync(options.examplesDir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(path.join(options.examplesDir, file), 'utf8')) as Record<string, unknown>);
	const cluster = await startQueueCluster({
		install: options.install,
		tarball: options.tarball,
		workers: 2,
		mainPort: options.port,
		credentials: options.credentials,
		workflowDirs: [options.examplesDir],
		publish: options.publish.filter((id) => workflows.some((workflow) => workflow.id === id)),
		log: options.log,
	});
	return { cluster, workflows };
}
