import path from 'path';

/*
 * The n8n line the tests run on, read from the n8n-core that is actually loaded: jest's "n8n 1.x" project maps
 * n8n-core and n8n-workflow to the n8n-core-v1 / n8n-workflow-v1 aliases (jest.config.js).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const n8nCoreVersion: string = (require('n8n-core/package.json') as { version: string }).version;
export const n8nWorkflowVersion: string = (require('n8n-workflow/package.json') as { version: string }).version;

/** 1 or 2: the major version of the loaded n8n-core, which follows n8n's own. */
export const n8nLine = Number(n8nCoreVersion.split('.')[0]);

/**
 * n8n-core 1.x: every ExecuteContext gets the SSH client manager, whose 60 s clean-up interval is not unref'd
 * (2.x unrefs it), so jest would never exit. Unref it as 2.x does. The manager lives in n8n-core's own @n8n/di
 * Container, hence @n8n/di resolved from n8n-core's folder.
 */
export function unrefSshCleanupTimerOnN8n1(): void {
	if (n8nLine !== 1) return;
	const coreFolder = path.dirname(require.resolve('n8n-core/package.json'));
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreFolder] })) as {
		Container: { get<T>(type: new (...args: never[]) => T): T };
	};
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as {
		SSHClientsManager: new (...args: never[]) => { cleanupTimer: NodeJS.Timeout };
	};
	Container.get(SSHClientsManager).cleanupTimer.unref();
}
/* eslint-enable @typescript-eslint/no-require-imports */
