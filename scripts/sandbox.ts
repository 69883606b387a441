/*
 * `npm start`: a local sandbox with the real n8n and this package, against a mock Releval with demo data.
 *
 *  1. installs the pinned n8n and the Node it runs on into .cache/ on first use (then reuses them): n8n 2.x on
 *     Node 24 by default, n8n 1.x on Node 22 with `--n8n 1`;
 *  2. builds and packs this package and installs the tarball into the sandbox's n8n user folder, the way n8n
 *     installs community packages;
 *  3. starts the mock Releval on loopback, seeded with demo data;
 *  4. imports a ready "Releval OAuth2 API" credential pointing at the mock, and the example workflows;
 *  5. starts n8n, creates the owner account and prints the editor URL and the login.
 * Ctrl+C stops n8n and the mock. The n8n data (workflows you build, executions) stays in the sandbox folder
 * (~/.local/share/n8n-nodes-releval/sandbox, sandbox-n8n1 for n8n 1.x: a database of one line is not for the other)
 * across restarts; `npm start -- --fresh` starts from scratch. The
 * folder is outside the project on purpose: a node_modules above it would shadow n8n's own n8n-workflow.
 * To use a real Releval, edit the credential in n8n.
 */
import { Command } from 'commander';
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { ensureN8n, REPO_ROOT, type N8nLine } from '../e2e/lib/install';
import {
	assertPortFree,
	buildAndPack,
	credentialExport,
	CREDENTIAL_NAME,
	importAll,
	installPackage,
	N8nRest,
	OWNER,
	parseLog,
	publishWorkflow,
	startN8n,
	type N8nOptions,
	type RunningN8n,
} from '../e2e/lib/n8n';
import { DEFAULT_CLIENT, startMockReleval, type MockReleval } from '../test/mock/server';
import { sandboxConversation, startScriptedModel, type ScriptedModel } from '../e2e/lib/scriptedModel';
import { seedDemoData } from '../test/mock/seed';
import type { QueueCluster } from '../e2e/lib/queue';
import { startQueueSandbox } from '../e2e/lib/queue-sandbox';

const program = new Command()
	.name('npm start --')
	.description('Start n8n with the Releval node and a mock Releval with demo data (Ctrl+C stops both).')
	.option('--n8n <line>', 'the n8n line: 2 (n8n 2.x, on Node 24) or 1 (n8n 1.x, on Node 22)', '2')
	.option('--port <port>', 'port of the n8n editor', '5678')
	.option('--mock-port <port>', 'port of the mock Releval', '5690')
	.option('--model-port <port>', 'port of the scripted chat model (OpenAI-compatible) of the AI agent example', '5691')
	.option('--fresh', 'delete the sandbox n8n data (workflows, executions) first', false)
	.option(
		'--folder <path>',
		'the sandbox n8n user folder (outside this project; default: ~/.local/share/n8n-nodes-releval/sandbox, or sandbox-n8n1 with --n8n 1)',
	)
	.option('--quiet-mock', 'do not print the requests the mock Releval receives', false)
	.option('--queue', 'queue mode on the chosen line: Postgres, Redis, main and 2 workers (a fresh cluster every time)', false)
	.parse();

const options = program.opts<{ n8n: string; port: string; mockPort: string; modelPort: string; fresh: boolean; folder?: string; quietMock: boolean; queue: boolean }>();
if (options.n8n !== '1' && options.n8n !== '2') program.error(`--n8n must be 1 or 2 (the n8n line), not "${options.n8n}"`);
const n8nLine = Number(options.n8n) as N8nLine;
const port = Number(options.port);
const mockPort = Number(options.mockPort);
const modelPort = Number(options.modelPort);
/** Example 07's chat model credential: an OpenAI credential pointing at the scripted model (no OpenAI key needed). */
const SCRIPTED_MODEL_CREDENTIAL = { id: 'relevalScriptedAi1', name: 'Scripted model (sandbox)' };
// one folder per line: n8n 1.x cannot open a database that n8n 2.x migrated (and 2.x would migrate 1.x's for good)
const defaultFolder = path.join(
	process.env.XDG_DATA_HOME || path.join(homedir(), '.local', 'share'),
	'n8n-nodes-releval',
	n8nLine === 2 ? 'sandbox' : `sandbox-n8n${n8nLine}`,
);
const userFolder = path.resolve(options.folder ?? defaultFolder);
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
/** Published in the sandbox: the webhook example (so that `curl` can send it search traffic) and the trigger example. */
const WEBHOOK_EXAMPLE_ID = 'relevalExample03';
const TRIGGER_EXAMPLE_ID = 'relevalExample06';

const step = (text: string) => console.log(`▸ ${text}`);

// What is running, so that any exit (Ctrl+C, a failure) stops it.
let mock: MockReleval | undefined;
let model: ScriptedModel | undefined;
let n8n: RunningN8n | undefined;
/** --queue: the whole cluster (Postgres, Redis, main, workers); `n8n` is its main. */
let cluster: QueueCluster | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
	if (!stopping) {
		stopping = true;
		if (n8n || mock) console.log('\n▸ stopping n8n and the mock Releval…');
		await (cluster ? cluster.stop() : n8n?.stop())?.catch(() => undefined);
		await mock?.stop().catch(() => undefined);
		await model?.stop().catch(() => undefined);
		if (n8n || mock) console.log('▸ stopped');
	}
	process.exit(code);
}

async function main(): Promise<void> {
	const started = Date.now();
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));
	await assertPortFree(port, 'n8n editor');
	await assertPortFree(port + 1, 'n8n task-runner broker');
	await assertPortFree(mockPort, 'mock Releval');
	await assertPortFree(modelPort, 'scripted chat model');

	step(`n8n ${n8nLine}.x: checking the install in .cache/ (the first run installs Node and n8n: about 5–9 minutes)`);
	const install = await ensureN8n((text) => console.log(`  ${text}`), n8nLine);

	step('building and packing n8n-nodes-releval');
	const tarball = await buildAndPack(path.join(REPO_ROOT, '.tmp', 'pack'));

	step(`starting the mock Releval on http://127.0.0.1:${mockPort} with demo data`);
	mock = await startMockReleval({ port: mockPort });
	const demo = seedDemoData(mock);
	if (!options.quietMock) logMockRequests(mock);
	model = await startScriptedModel({ port: modelPort, fallback: sandboxConversation });
	const credentials = [
		...credentialExport({ baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret }),
		{ ...SCRIPTED_MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-sandbox-scripted-model-not-a-secret', url: model.baseUrl } },
	];

	const examples = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
	let workflows: Array<Record<string, unknown>>;
	let logFile: string;
	if (options.queue) {
		step('starting n8n in queue mode: Postgres, Redis, n8n main and 2 workers, the package installed in each (a fresh cluster every time)');
		({ cluster, workflows } = await startQueueSandbox({
			install,
			tarball,
			port,
			credentials,
			examplesDir: EXAMPLES_DIR,
			publish: [WEBHOOK_EXAMPLE_ID, TRIGGER_EXAMPLE_ID],
			log: (text) => console.log(`  ${text}`),
		}));
		n8n = cluster.main;
		logFile = `${cluster.logDir}/n8n-*.log`;
	} else {
		if (options.fresh) rmSync(userFolder, { recursive: true, force: true });
		mkdirSync(userFolder, { recursive: true });
		step(`installing ${path.basename(tarball)} into ${userFolder}/.n8n/nodes`);
		await installPackage(install, userFolder, tarball);

		const n8nOptions: N8nOptions & { port: number } = { userFolder, port, brokerPort: port + 1 };
		step('importing the "Releval Sandbox" credential and the example workflows');
		({ workflows } = await importAll(
			install,
			n8nOptions,
			credentials,
			[EXAMPLES_DIR],
		));
		for (const id of [WEBHOOK_EXAMPLE_ID, TRIGGER_EXAMPLE_ID].filter((id) => workflows.some((workflow) => workflow.id === id))) {
			// (n8n 2.x publishes the workflow; n8n 1.x, which has no publishing, activates it)
			const published = await publishWorkflow(install, n8nOptions, id);
			if (published.code !== 0) console.warn(`  could not publish the example ${id}: ${published.stderr || published.stdout}`);
		}

		step(`starting n8n ${install.n8nVersion} on Node ${install.nodeVersion} (log: ${path.join(userFolder, 'n8n.log')})`);
		logFile = path.join(userFolder, 'n8n.log');
		writeFileSync(logFile, '');

		n8n = await startN8n(install, n8nOptions, (text) => {
			appendFileSync(logFile, text);
			for (const line of parseLog(text)) {
				// errors, and warnings that concern this package (n8n's start-up deprecation notes stay in the log file)
				const relevant = line.level === 'error' || (line.level === 'warn' && /releval|community|credential/i.test(String(line.message)));
				if (relevant) console.log(`  [n8n ${line.level}] ${String(line.message).split('\n')[0]}`);
			}
		});
	}
	n8n.process.on('exit', (code) => {
		if (!stopping) {
			console.error(`n8n exited unexpectedly (code ${code}); see ${logFile}`);
			void stopAll(1);
		}
	});
	const running = n8n;
	const rest = new N8nRest(running.url, install.line);
	const signedIn = await rest.signIn();

	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	const line = '─'.repeat(78);
	console.log(`
${line}
 Releval sandbox is ready (${seconds} s): n8n ${install.n8nVersion}${cluster ? ' in queue mode (main + 2 workers, Postgres, Redis)' : ''} with n8n-nodes-releval

   n8n editor        ${running.url}
   login             ${OWNER.email}  /  ${OWNER.password}${signedIn === 'created' ? '   (owner account just created)' : ''}
   mock Releval      ${mock.url}   (client ${DEFAULT_CLIENT.clientId})
   credential        "${CREDENTIAL_NAME}" (Releval OAuth2 API) → the mock Releval
   chat model        "${SCRIPTED_MODEL_CREDENTIAL.name}" (OpenAI) → a scripted model on ${model.baseUrl} (no key needed):
                     open "Ask Releval" and Open chat, e.g. "How did the runs of 01JDEM0EVA0000000000000001 go?"

   example workflows (Overview → Workflows):
${workflows.map((workflow) => `     • ${String(workflow.name)}`).join('\n')}
   live webhook      curl -X POST ${running.url}/webhook/releval-search-events \\
                       -H 'content-type: application/json' \\
                       -d '{"query":"wireless headphones","clientId":"visitor-42","results":["SKU-1","SKU-2"],"clicked":"SKU-2"}'
   live trigger      the Releval Trigger example is ${n8nLine === 2 ? 'published' : 'active'} and polls the mock every minute: execute the
                     scheduled-run example, and within a minute its run's summary is in the trigger example's Executions
   relevance gate    execute the nightly relevance gate example: its first run regresses from the demo's last nightly
                     run (Compare's Regressed output, an alert); execute it again and it passes and is locked

   demo data: ${mock.state.evaluations.all().length} evaluations, ${mock.state.runs.all().length} runs (e.g. "${String(demo.runs.baselineWeek2.name)}"), ${mock.state.querySets.all().length} query sets, ${mock.state.judgmentLists.all().length} judgment lists
   With a real Releval account: open Credentials → "${CREDENTIAL_NAME}", set Base URL, Client ID and Secret.

 Stop: Ctrl+C (stops n8n${cluster ? ', its workers, Redis, Postgres' : ''} and the mock). ${cluster ? `Logs: ${logFile}` : `Start over: npm start -- ${n8nLine === 2 ? '' : `--n8n ${n8nLine} `}--fresh`}
${line}
`);
	if (examples.length === 0) console.warn('(no example workflows found in examples/)');
}

function logMockRequests(mock: MockReleval): void {
	const previous = mock.onRequest;
	mock.onRequest = (request) => {
		previous?.(request);
		console.log(`  [releval mock] ${request.method} ${request.path}${Object.keys(request.query).length ? `?${new URLSearchParams(request.query as Record<string, string>).toString()}` : ''}`);
	};
}

main().catch(async (error: Error) => {
	console.error(`\nnpm start failed: ${error.message}`);
	if (existsSync(path.join(userFolder, 'n8n.log'))) console.error(`n8n log: ${path.join(userFolder, 'n8n.log')}`);
	await stopAll(1);
});
