/*
 * End-to-end: Releval as an AI agent's tool in the real n8n, and over MCP. A started n8n with two published
 * workflows (e2e/workflows/agent-*.json):
 *  - a webhook → n8n's AI Agent with n8n's OpenAI Chat Model node, whose OpenAI credential points at a scripted
 *    OpenAI-compatible server (lib/scriptedModel.ts: each test scripts the model's turns), and five Releval tools
 *    whose IDs the model fills through $fromAI;
 *  - n8n's MCP Server Trigger with two Releval tools, called with the official MCP TypeScript SDK over
 *    Streamable HTTP.
 * The tests assert on what reached the mock Releval, on what the model was sent (tool definitions and tool
 * results) and on the agent's answer. Every test name contains "agent".
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import {
	credentialExport,
	freePort,
	importAll,
	installPackage,
	N8nRest,
	publishWorkflow,
	startN8n,
	waitForWebhook,
	type N8nOptions,
	type RunningN8n,
} from './lib/n8n';
import { REPO_ROOT } from './lib/install';
import { screenshotAgentExecution } from './lib/agentScreenshot';
import { ARTIFACTS_DIR, E2E_DIR, E2E_USER_FOLDER, readSetup, timed } from './lib/state';
import { lastToolResult, messageText, sandboxConversation, startScriptedModel, toolResults, type ModelRequest, type ScriptedModel, type ScriptedTurn } from './lib/scriptedModel';
import { DEFAULT_CLIENT, startMockReleval, type MockReleval } from '../test/mock/server';
import { DEMO_IDS, seedDemoData } from '../test/mock/seed';
import { problem } from '../test/mock/state';

const AGENT_WORKFLOW = 'e2eAgentTools001';
const MCP_WORKFLOW = 'e2eAgentMcp00001';
const AGENT_WEBHOOK = 'releval-e2e-agent';
const MCP_PATH = 'releval-e2e';
const MODEL_CREDENTIAL = { id: 'scriptedModel0001', name: 'Scripted model (tests)' };
/** Example 07 "Ask Releval" (examples/), with the credential the sandbox gives its chat model. */
const ASK_RELEVAL_EXAMPLE = 'relevalExample07';
const ASK_RELEVAL_FILE = '07-ask-releval-agent.json';
const SANDBOX_MODEL_CREDENTIAL = { id: 'relevalScriptedAi1', name: 'Scripted model (sandbox)' };
/** More evaluations than a list tool returns by default (Limit 50). */
const EXTRA_EVALUATIONS = 60;
const DEFAULT_LIST_LIMIT = 50;
const MISSING_EVALUATION = '01JDEM0EVA9999999999999999';

const { install, tarball } = readSetup();

/**
 * n8n 1.x's AI Agent (v3) stops the whole execution when a tool fails (n8n-core 1.x `WorkflowExecute` treats the
 * tool like any node), unless the tool's On Error setting continues; n8n 2.x continues for tools by default and
 * hands the model `[{"error": message}]`. So on 1.x the tools are set as a user must set them there: On Error →
 * Continue, which makes the node output `{error, details}` for the model.
 */
function onErrorForLine(workflow: Record<string, unknown>): Record<string, unknown> {
	if (workflow.id === ASK_RELEVAL_EXAMPLE) return chatOverHttp(workflow);
	if (install.line === 2 || workflow.id !== AGENT_WORKFLOW) return workflow;
	const nodes = (workflow.nodes as Array<Record<string, unknown>>).map((node) =>
		node.type === 'n8n-nodes-releval.relevalTool' ? { ...node, onError: 'continueRegularOutput' } : node,
	);
	return { ...workflow, nodes };
}

/**
 * Example 07's chat is the editor's (not public). The test makes it public, so that its chat URL takes the messages
 * the hosted chat would send (POST {action: "sendMessage", sessionId, chatInput}); nothing else changes.
 */
function chatOverHttp(workflow: Record<string, unknown>): Record<string, unknown> {
	const nodes = (workflow.nodes as Array<Record<string, unknown>>).map((node) =>
		node.type === '@n8n/n8n-nodes-langchain.chatTrigger' ? { ...node, parameters: { ...(node.parameters as object), public: true } } : node,
	);
	return { ...workflow, nodes };
}
const ON_N8N = `n8n ${install.n8nVersion} (${install.line}.x, Node ${install.nodeVersion})`;
/** Its own user folder (outside the project, like every e2e user folder), beside the main suite's. */
const userFolder = `${E2E_USER_FOLDER}-agent`;
let options: N8nOptions & { port: number };
let mock: MockReleval;
let model: ScriptedModel;
let n8n: RunningN8n;
let rest: N8nRest;
/** The chain conversation's execution, photographed in the editor at the end. */
let chainExecutionId = '';

beforeAll(async () => {
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	mock = await startMockReleval();
	seedDemoData(mock, { extraEvaluations: EXTRA_EVALUATIONS });
	model = await startScriptedModel();
	options = { userFolder, port: await freePort(), brokerPort: await freePort() };
	// only this suite's workflows (the main suite imports every file of e2e/workflows into its own n8n)
	const staging = path.join(E2E_DIR, 'agent-workflows');
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	const workflowsDir = path.join(REPO_ROOT, 'e2e', 'workflows');
	for (const file of readdirSync(workflowsDir).filter((name) => /^agent-.*\.json$/.test(name))) {
		copyFileSync(path.join(workflowsDir, file), path.join(staging, file));
	}
	copyFileSync(path.join(REPO_ROOT, 'examples', ASK_RELEVAL_FILE), path.join(staging, ASK_RELEVAL_FILE));
	await timed('agent: install package', () => installPackage(install, userFolder, tarball));
	await timed('agent: import credentials + workflows', () =>
		importAll(
			install,
			options,
			[
				...credentialExport({ baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret }),
				{ ...MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-scripted-model-not-a-secret', url: model.baseUrl } },
				{ ...SANDBOX_MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-scripted-model-not-a-secret', url: model.baseUrl } },
			],
			[staging],
			onErrorForLine,
		),
	);
	for (const id of [AGENT_WORKFLOW, MCP_WORKFLOW, ASK_RELEVAL_EXAMPLE]) {
		const published = await publishWorkflow(install, options, id);
		if (published.code !== 0) throw new Error(`publishing ${id} failed\n${published.stdout}\n${published.stderr}`);
	}
	n8n = await timed('agent: n8n start until ready', () => startN8n(install, options));
	await timed('agent: n8n registers the webhook', () => waitForWebhook(n8n.url, AGENT_WEBHOOK));
	rest = new N8nRest(n8n.url, install.line);
	await rest.signIn();
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	if (n8n) writeFileSync(path.join(ARTIFACTS_DIR, 'agent-n8n.log'), n8n.output());
	if (model) writeFileSync(path.join(ARTIFACTS_DIR, 'agent-model-requests.json'), JSON.stringify(model.requests, null, 2));
	if (mock) {
		writeFileSync(
			path.join(ARTIFACTS_DIR, 'agent-mock-requests.json'),
			JSON.stringify(
				mock.requests.map((request) => ({ method: request.method, path: request.path, query: request.query, operationId: request.operationId, status: request.status })),
				null,
				2,
			),
		);
	}
	await model?.stop();
	await mock?.stop();
});

interface Conversation {
	/** The webhook's answer: the agent's output, or n8n's error. */
	status: number;
	answer: string;
	/** What the model was sent in this conversation, one request per turn. */
	requests: ModelRequest[];
	/** Releval API requests made during the conversation. */
	releval: MockReleval['apiRequests'];
	tokenRequests: number;
}

/** Asks the agent one question while the scripted model plays `turns`. */
async function converse(question: string, turns: ScriptedTurn[]): Promise<Conversation> {
	const modelRequestsBefore = model.requests.length;
	const apiRequestsBefore = mock.apiRequests.length;
	const tokenRequestsBefore = mock.tokenRequests.length;
	model.script(turns);
	const response = await timed('agent: conversations', () =>
		fetch(`${n8n.url}/webhook/${AGENT_WEBHOOK}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ question }),
		}),
	);
	const text = await response.text();
	let answer = text;
	try {
		answer = String((JSON.parse(text) as { output?: unknown }).output ?? text);
	} catch {
		// not JSON: keep n8n's text
	}
	const conversation = {
		status: response.status,
		answer,
		requests: model.requests.slice(modelRequestsBefore),
		releval: mock.apiRequests.slice(apiRequestsBefore),
		tokenRequests: mock.tokenRequests.length - tokenRequestsBefore,
	};
	expect({ pendingTurns: model.pending(), status: conversation.status }).toEqual({ pendingTurns: 0, status: 200 });
	return conversation;
}

/** The JSON of the last tool result the model received. */
function lastResultJson(request: ModelRequest): unknown {
	return JSON.parse(lastToolResult(request) ?? 'null') as unknown;
}

describe(`${ON_N8N}: the Releval node as an AI agent's tool (AI Agent + OpenAI Chat Model on a scripted model)`, () => {
	test('agent: one token request serves the whole conversation (three tool calls)', async () => {
		const conversation = await converse('How are the product-search evaluations doing?', [
			{ toolCalls: [{ name: 'List_evaluations', arguments: {} }] },
			{ toolCalls: [{ name: 'Get_evaluation_runs', arguments: { evaluation_id: DEMO_IDS.evaluationBaseline } }] },
			{ toolCalls: [{ name: 'Get_evaluation_runs', arguments: { evaluation_id: DEMO_IDS.evaluationTitleBoost } }] },
			{ content: 'Both product-search evaluations have completed runs.' },
		]);
		expect(conversation.answer).toBe('Both product-search evaluations have completed runs.');
		expect(conversation.releval.map((request) => request.operationId)).toEqual(['listEvaluations', 'listEvaluationRuns', 'listEvaluationRuns']);
		// the first Releval call fetched the token; the other two reused it
		expect(conversation.tokenRequests).toBe(1);
		expect(new Set(conversation.releval.map((request) => request.headers.authorization)).size).toBe(1);
		expect(conversation.releval.every((request) => request.status === 200)).toBe(true);
	});

	test('agent: the model gets the tool definitions with their $fromAI parameters and the action as description', async () => {
		const [first] = (await converse('Which tools do you have?', [{ content: 'Five Releval tools.' }])).requests;
		const tools = Object.fromEntries((first.tools ?? []).map((tool) => [tool.function.name, tool.function]));
		writeFileSync(path.join(ARTIFACTS_DIR, 'agent-tool-definitions.json'), JSON.stringify(first.tools, null, 2));
		expect(Object.keys(tools).sort()).toEqual(['Get_evaluation', 'Get_evaluation_runs', 'Get_run_results', 'List_evaluations', 'Start_AI_judge']);
		// n8n's automatic tool description: "<the operation's action> in Releval"
		expect(tools.Get_evaluation_runs.description).toBe('Get many evaluation runs in Releval');
		expect(tools.Start_AI_judge.description).toBe('Start an AI judging run in Releval');
		expect(tools.Get_evaluation_runs.parameters).toMatchObject({
			type: 'object',
			properties: { evaluation_id: { type: 'string', description: expect.stringContaining('ID of the Releval evaluation') } },
			required: ['evaluation_id'],
		});
		expect(Object.keys((tools.Start_AI_judge.parameters as { properties: object }).properties).sort()).toEqual(['ai_judge_id', 'run_id']);
	});

	test('agent: the runs of an evaluation by id — exact parameters at Releval, the runs in the tool result', async () => {
		const conversation = await converse(`How did the runs of evaluation ${DEMO_IDS.evaluationBaseline} go?`, [
			{ toolCalls: [{ name: 'Get_evaluation_runs', arguments: { evaluation_id: DEMO_IDS.evaluationBaseline } }] },
			(request) => ({ content: `Releval has ${(lastResultJson(request) as unknown[]).length} runs of that evaluation.` }),
		]);
		const [listRuns] = conversation.releval;
		expect(conversation.releval).toHaveLength(1);
		expect(listRuns).toMatchObject({
			method: 'GET',
			path: `/api/v1/evaluations/${DEMO_IDS.evaluationBaseline}/runs`,
			query: { page: '1', pageSize: String(DEFAULT_LIST_LIMIT) },
			status: 200,
		});
		const runsInReleval = mock.state.runs.all().filter((run) => run.evaluation_id === DEMO_IDS.evaluationBaseline);
		const received = lastResultJson(conversation.requests[1]) as Array<Record<string, unknown>>;
		expect(received.map((run) => run.id).sort()).toEqual(runsInReleval.map((run) => run.id).sort());
		for (const run of received) {
			expect(run).toMatchObject({ evaluation_id: DEMO_IDS.evaluationBaseline, status: expect.any(String), name: expect.any(String) });
		}
		expect(conversation.answer).toBe(`Releval has ${runsInReleval.length} runs of that evaluation.`);
	});

	test("agent: a chain — the newest completed run's results, then an AI judge started on it (both calls in Releval's log)", async () => {
		let chosenRun = '';
		const conversation = await converse('Grade the newest finished baseline run with the AI judge.', [
			{ toolCalls: [{ name: 'Get_evaluation_runs', arguments: { evaluation_id: DEMO_IDS.evaluationBaseline } }] },
			(request) => {
				const runs = lastResultJson(request) as Array<{ id: string; status: string; locked?: boolean; created: string }>;
				const newest = runs.filter((run) => run.status === 'completed' && !run.locked).sort((a, b) => b.created.localeCompare(a.created))[0];
				chosenRun = newest.id;
				return { toolCalls: [{ name: 'Get_run_results', arguments: { run_id: newest.id } }] };
			},
			// the run chosen in the turn before
			() => ({ toolCalls: [{ name: 'Start_AI_judge', arguments: { run_id: chosenRun, ai_judge_id: DEMO_IDS.aiJudge } }] }),
			(request) => ({ content: `Started: ${lastToolResult(request) ?? ''}` }),
		]);
		expect(chosenRun).toBe(mock.state.runs.all().find((run) => run.name === 'Baseline — week 2')?.id);
		expect(conversation.releval.map((request) => [request.operationId, request.path, request.status])).toEqual([
			['listEvaluationRuns', `/api/v1/evaluations/${DEMO_IDS.evaluationBaseline}/runs`, 200],
			['getEvaluationRunResults', `/api/v1/evaluations/runs/${chosenRun}/results`, 200],
			['startAiJudgingRun', `/api/v1/evaluations/runs/${chosenRun}/ai-judge`, expect.any(Number)],
		]);
		const [, , start] = conversation.releval;
		expect(start.body).toEqual({ ai_judge_id: DEMO_IDS.aiJudge });
		expect(start.status).toBeLessThan(300);
		// the results came back simplified: one item per query with candidate id, title and grade
		const results = JSON.parse(toolResults(conversation.requests[3])[1].text) as Array<Record<string, unknown>>;
		expect(results.length).toBeGreaterThan(0);
		for (const query of results) expect(Object.keys(query).sort()).toEqual(expect.arrayContaining(['candidates', 'query']));
		const judging = lastResultJson(conversation.requests[3]) as Array<Record<string, unknown>>;
		expect(judging[0]).toMatchObject({ evaluation_run_id: chosenRun, ai_judge_id: DEMO_IDS.aiJudge });
		chainExecutionId = (await rest.executions(AGENT_WORKFLOW))[0].id;
	});

	test.each([
		{
			case: '404 problem details',
			arrange: () => undefined,
			call: { name: 'Get_evaluation', arguments: { evaluation_id: MISSING_EVALUATION } },
			expected: ['Not Found', `Evaluation ${MISSING_EVALUATION} was not found.`],
		},
		{
			case: "403, the App Client's roles",
			arrange: () =>
				mock.injectFault({
					operationId: 'listEvaluationRuns',
					...problem(403, 'Forbidden', 'The App Client "n8n automations" lacks the Member role needed to list evaluation runs.'),
				}),
			call: { name: 'Get_evaluation_runs', arguments: { evaluation_id: DEMO_IDS.evaluationBaseline } },
			expected: ["The App Client's roles do not allow this operation", 'Forbidden', 'lacks the Member role needed to list evaluation runs.'],
		},
		{
			case: 'a validation problem with field errors',
			arrange: () =>
				mock.injectFault({
					operationId: 'startAiJudgingRun',
					...problem(400, 'One or more validation errors occurred.', undefined, {
						ai_judge_id: ['The AI judge is disabled.'],
						'': ['The run is locked.'],
					}),
				}),
			call: { name: 'Start_AI_judge', arguments: { run_id: 'any-run', ai_judge_id: DEMO_IDS.aiJudge } },
			expected: ['One or more validation errors occurred.', 'ai_judge_id: The AI judge is disabled.', 'The run is locked.'],
		},
	])('agent: a failing tool call ($case) tells the model what went wrong, and the agent still answers', async ({ arrange, call, expected }) => {
		arrange();
		const conversation = await converse('Do something that fails.', [
			{ toolCalls: [call] },
			(request) => ({ content: `Releval said: ${lastToolResult(request) ?? '(nothing)'}` }),
		]);
		const received = lastToolResult(conversation.requests[1]) ?? '';
		writeFileSync(path.join(ARTIFACTS_DIR, `agent-tool-error-${call.name}.txt`), received);
		for (const text of expected) expect(received).toContain(text);
		expect(conversation.answer).toContain(expected[expected.length - 1]);
		expect(mock.pendingFaults).toHaveLength(0);
		// and n8n kept the execution as a success: the agent answered
		const [execution] = await rest.executions(AGENT_WORKFLOW);
		expect(execution.status).toBe('success');
	});

	test(`agent: a list tool returns at most ${DEFAULT_LIST_LIMIT} items by default (Limit), not everything`, async () => {
		const total = mock.state.evaluations.all().length;
		expect(total).toBeGreaterThan(DEFAULT_LIST_LIMIT);
		const conversation = await converse('List every evaluation.', [
			{ toolCalls: [{ name: 'List_evaluations', arguments: {} }] },
			(request) => ({ content: `${(lastResultJson(request) as unknown[]).length} evaluations.` }),
		]);
		expect(conversation.answer).toBe(`${DEFAULT_LIST_LIMIT} evaluations.`);
		expect(conversation.releval.map((request) => request.query)).toEqual([{ page: '1', pageSize: String(DEFAULT_LIST_LIMIT) }]);
	});

	test("agent: the editor shows the chain's execution with the tool calls (screenshot for the README)", async () => {
		expect(chainExecutionId).not.toBe('');
		const { canvasText } = await timed('agent: editor screenshot', () =>
			screenshotAgentExecution({
				url: n8n.url,
				authCookie: rest.authCookie,
				workflowId: AGENT_WORKFLOW,
				executionId: chainExecutionId,
				file: path.join(ARTIFACTS_DIR, 'agent-execution.png'),
				nodes: ['AI Agent', 'Get evaluation runs', 'Get run results', 'Start AI judge'],
			}),
		);
		expect(canvasText).toContain('Start AI judge');
	}, 180_000);
});

describe(`${ON_N8N}: example 07 "Ask Releval" (Chat Trigger, AI Agent, memory, Releval tools) with the sandbox's scripted model`, () => {
	async function chat(sessionId: string, chatInput: string): Promise<{ answer: string; requests: ModelRequest[] }> {
		const before = model.requests.length;
		// the sandbox's conversation: the tool call a question asks for, then a summary of Releval's answer
		model.script([sandboxConversation, sandboxConversation]);
		const example = JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', ASK_RELEVAL_FILE), 'utf8')) as { nodes: Array<{ type: string; webhookId?: string }> };
		const webhookId = example.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger')?.webhookId;
		const response = await fetch(`${n8n.url}/webhook/${String(webhookId)}/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ action: 'sendMessage', sessionId, chatInput }),
		});
		const text = await response.text();
		expect({ status: response.status, pendingTurns: model.pending() }).toEqual({ status: 200, pendingTurns: 0 });
		return { answer: String((JSON.parse(text) as { output?: unknown }).output), requests: model.requests.slice(before) };
	}

	test('agent: a question naming an evaluation gets its runs from Releval; the next question in the session carries the conversation (memory)', async () => {
		const runs = mock.state.runs.all().filter((run) => run.evaluation_id === DEMO_IDS.evaluationBaseline);
		const first = await chat('e2e-session-1', `How did the runs of evaluation ${DEMO_IDS.evaluationBaseline} go?`);
		expect(first.requests[0].tools?.map((tool) => tool.function.name).sort()).toEqual(['Get_evaluation_runs', 'Get_run_results', 'List_evaluations', 'Start_AI_judge']);
		expect(first.answer).toContain(`Releval returned ${runs.length} items`);
		for (const run of runs) expect(first.answer).toContain(String(run.name));
		const second = await chat('e2e-session-1', 'Which evaluations are there?');
		// the memory hands the model the first exchange before the new question (n8n 1.x's memory keeps the answer
		// behind a "[Used tools: …]" note of the tool calls)
		const texts = second.requests[0].messages.map((message) => messageText(message));
		expect(texts).toEqual(expect.arrayContaining([expect.stringContaining(DEMO_IDS.evaluationBaseline), expect.stringContaining(first.answer)]));
		// List evaluations has Limit 20 in the example
		expect(second.answer).toContain('Releval returned 20 items');
	});
});

describe(`${ON_N8N}: Releval tools over MCP (MCP Server Trigger, official MCP TypeScript SDK client)`, () => {
	let client: Client;

	beforeAll(async () => {
		client = new Client({ name: 'releval-e2e', version: '1.0.0' });
		// Streamable HTTP: the SDK sends Accept: application/json, text/event-stream and keeps the mcp-session-id
		await client.connect(new StreamableHTTPClientTransport(new URL(`${n8n.url}/mcp/${MCP_PATH}`)));
	});

	afterAll(async () => {
		await client?.close();
	});

	test('agent over MCP: the client lists the Releval tools with their input schema', async () => {
		const { tools } = await client.listTools();
		writeFileSync(path.join(ARTIFACTS_DIR, 'agent-mcp-tools.json'), JSON.stringify(tools, null, 2));
		expect(tools.map((tool) => tool.name).sort()).toEqual(['Get_evaluation', 'Get_evaluation_runs']);
		const listRuns = tools.find((tool) => tool.name === 'Get_evaluation_runs')!;
		expect(listRuns.description).toBe('Get many evaluation runs in Releval');
		expect(listRuns.inputSchema).toMatchObject({ type: 'object', properties: { evaluation_id: { type: 'string' } } });
	});

	test("agent over MCP: a tool call returns Releval's data", async () => {
		const before = mock.apiRequests.length;
		const result = (await client.callTool({ name: 'Get_evaluation_runs', arguments: { evaluation_id: DEMO_IDS.evaluationTitleBoost } })) as {
			content: Array<{ type: string; text?: string }>;
			isError?: boolean;
		};
		expect(result.isError).toBeFalsy();
		const text = result.content.map((part) => part.text ?? '').join('');
		const runs = mock.state.runs.all().filter((run) => run.evaluation_id === DEMO_IDS.evaluationTitleBoost);
		expect(runs.length).toBeGreaterThan(0);
		for (const run of runs) expect(text).toContain(run.id);
		expect(mock.apiRequests.slice(before).map((request) => [request.operationId, request.path, request.status])).toEqual([
			['listEvaluationRuns', `/api/v1/evaluations/${DEMO_IDS.evaluationTitleBoost}/runs`, 200],
		]);
	});

	test("agent over MCP: a failing call returns Releval's title and detail", async () => {
		const result = (await client.callTool({ name: 'Get_evaluation', arguments: { evaluation_id: MISSING_EVALUATION } })) as {
			content: Array<{ type: string; text?: string }>;
			isError?: boolean;
		};
		const text = result.content.map((part) => part.text ?? '').join('');
		writeFileSync(path.join(ARTIFACTS_DIR, 'agent-mcp-error.json'), JSON.stringify(result, null, 2));
		expect(text).toContain('Not Found');
		expect(text).toContain(`Evaluation ${MISSING_EVALUATION} was not found.`);
	});

	test('agent: n8n loaded the Releval tools without a complaint', () => {
		const complaints = n8n
			.output()
			.split('\n')
			.filter((line) => /Unrecognized node type|could not be loaded|failed to load/i.test(line));
		expect(complaints).toEqual([]);
	});
});
