import { randomUUID } from 'node:crypto';

import Fastify, { type FastifyInstance } from 'fastify';

/*
 * A scripted stand-in for an OpenAI-compatible chat model (test-only). n8n's OpenAI Chat Model node talks to it
 * through an OpenAI credential whose Base URL is this server's `/v1`: `POST /v1/chat/completions` answers with the
 * next scripted turn (call these tools with these arguments, or give this final answer), `GET /v1/models` lists
 * the model for the credential test and the editor's model list. Every request is recorded as the model received
 * it: the messages (the tool results among them) and the tool definitions.
 */

export const SCRIPTED_MODEL_ID = 'releval-scripted-model';

export interface ToolCall {
	/** The tool's name as the model sees it (n8n: the tool node's name, non-word characters as `_`). */
	name: string;
	arguments: Record<string, unknown>;
}

/** One answer of the model: tool calls, or a final text. */
export type Turn = { toolCalls: ToolCall[] } | { content: string };

/** A turn, or a function choosing it from what the model was sent (e.g. from the last tool result). */
export type ScriptedTurn = Turn | ((request: ModelRequest) => Turn);

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ToolDefinition {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

/** A chat-completions request as the model received it. */
export interface ModelRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ToolDefinition[];
	stream?: boolean;
	authorization?: string;
}

/** The text of a message (string content, or the text parts of a content array). */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** The tool results in a request, in order: what each tool call handed back to the model. */
export function toolResults(request: ModelRequest): Array<{ toolCallId?: string; text: string }> {
	return request.messages.filter((message) => message.role === 'tool').map((message) => ({ toolCallId: message.tool_call_id, text: messageText(message) }));
}

/** The last message a request carries, when it is a tool result: its text. */
export function lastToolResult(request: ModelRequest): string | undefined {
	const last = request.messages[request.messages.length - 1];
	return last?.role === 'tool' ? messageText(last) : undefined;
}

export interface ScriptedModel {
	/** The Base URL for n8n's OpenAI credential (`…/v1`). */
	baseUrl: string;
	/** Every chat-completions request so far, oldest first. */
	readonly requests: ModelRequest[];
	/** Sets the turns of the next conversation (dropping any a previous one left); each request takes the next. */
	script(turns: ScriptedTurn[]): void;
	/** Turns still queued (a test that ends with some left did not run as scripted). */
	pending(): number;
	stop(): Promise<void>;
}

export interface ScriptedModelOptions {
	port?: number;
	/**
	 * Answers requests when no turn is queued (the sandbox's default conversation). Without it such a request gets
	 * a 500 naming the problem, so a test that scripted too few turns fails visibly.
	 */
	fallback?: (request: ModelRequest) => Turn;
}

function completion(turn: Turn, model: string) {
	const toolCalls =
		'toolCalls' in turn
			? turn.toolCalls.map((call) => ({
					id: `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
					type: 'function' as const,
					function: { name: call.name, arguments: JSON.stringify(call.arguments) },
				}))
			: undefined;
	return {
		id: `chatcmpl-${randomUUID()}`,
		created: Math.floor(Date.now() / 1000),
		model,
		message: toolCalls ? { role: 'assistant', content: null, tool_calls: toolCalls } : { role: 'assistant', content: (turn as { content: string }).content },
		finishReason: toolCalls ? 'tool_calls' : 'stop',
		usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
	};
}

/** Server-sent events of a streamed completion: the whole turn in one delta, then the finish reason and usage. */
function streamChunks(answer: ReturnType<typeof completion>): string {
	const base = { id: answer.id, object: 'chat.completion.chunk', created: answer.created, model: answer.model };
	const delta =
		'tool_calls' in answer.message && answer.message.tool_calls
			? { role: 'assistant', tool_calls: answer.message.tool_calls.map((call, index) => ({ index, ...call })) }
			: { role: 'assistant', content: answer.message.content };
	const chunks = [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: answer.finishReason }] },
		{ ...base, choices: [], usage: answer.usage },
	];
	return `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
}

export async function startScriptedModel(options: ScriptedModelOptions = {}): Promise<ScriptedModel> {
	const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 20 * 1024 * 1024 });
	const requests: ModelRequest[] = [];
	const queue: ScriptedTurn[] = [];

	app.get('/v1/models', async () => ({
		object: 'list',
		data: [{ id: SCRIPTED_MODEL_ID, object: 'model', created: 1_700_000_000, owned_by: 'releval-tests' }],
	}));

	app.post('/v1/chat/completions', async (request, reply) => {
		const body = request.body as Omit<ModelRequest, 'authorization'>;
		const received: ModelRequest = { ...body, authorization: request.headers.authorization };
		requests.push(received);
		const next = queue.shift() ?? options.fallback;
		if (!next) {
			return reply.code(500).send({ error: { message: 'The scripted model has no turn left for this request', type: 'server_error' } });
		}
		const turn = typeof next === 'function' ? next(received) : next;
		const answer = completion(turn, body.model);
		if (body.stream) {
			reply.header('content-type', 'text/event-stream').header('cache-control', 'no-cache');
			return reply.send(streamChunks(answer));
		}
		return {
			id: answer.id,
			object: 'chat.completion',
			created: answer.created,
			model: answer.model,
			choices: [{ index: 0, message: answer.message, finish_reason: answer.finishReason, logprobs: null }],
			usage: answer.usage,
		};
	});

	// The Responses API (the OpenAI Chat Model node 1.3 uses it unless "Use Responses API" is off) is not scripted:
	// say so, instead of a bare 404.
	app.post('/v1/responses', async (_request, reply) =>
		reply.code(404).send({ error: { message: 'The scripted model serves /v1/chat/completions only: turn off "Use Responses API" in the OpenAI Chat Model node', type: 'invalid_request_error' } }),
	);

	const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
	return {
		baseUrl: `${address}/v1`,
		requests,
		script: (turns) => void queue.splice(0, queue.length, ...turns),
		pending: () => queue.length,
		stop: async () => {
			await app.close();
		},
	};
}

const RELEVAL_ID = /\b01[0-9A-HJKMNP-TV-Z]{24}\b/;

/** The tool whose name matches, and the name of its first required argument. */
function findTool(request: ModelRequest, name: RegExp): { name: string; argument?: string } | undefined {
	const tool = request.tools?.find((candidate) => name.test(candidate.function.name));
	if (!tool) return undefined;
	const required = (tool.function.parameters as { required?: string[] } | undefined)?.required ?? [];
	return { name: tool.function.name, argument: required[0] };
}

/** A short text of what a tool returned: one line per item (name, status, metrics), or Releval's error. */
function summarise(result: string): string {
	let items: unknown;
	try {
		items = JSON.parse(result);
	} catch {
		return result.slice(0, 500);
	}
	const list = (Array.isArray(items) ? items : [items]) as Array<Record<string, unknown>>;
	if (list.length === 1 && typeof list[0]?.error === 'string') return `Releval answered with an error:\n${list[0].error}`;
	const lines = list.slice(0, 10).map((item) => {
		const metrics = item.metric_values && typeof item.metric_values === 'object' ? item.metric_values as Record<string, number> : {};
		const figures = Object.entries(metrics)
			.slice(0, 3)
			.map(([metric, value]) => `${metric} ${typeof value === 'number' ? value.toFixed(3) : String(value)}`)
			.join(', ');
		return `• ${String(item.name ?? item.id)}${item.status ? ` — ${String(item.status)}` : ''}${figures ? ` (${figures})` : ''}`;
	});
	const more = list.length > lines.length ? `\n…and ${list.length - lines.length} more.` : '';
	return `Releval returned ${list.length} item${list.length === 1 ? '' : 's'}:\n${lines.join('\n')}${more}`;
}

/**
 * The sandbox's scripted conversation (`npm start`, example 07), so the agent runs without an OpenAI key: a
 * question naming a Releval ID lists that evaluation's runs (the tool whose name mentions runs), any other
 * question lists the evaluations; once the tool answered, the model sums up what Releval returned.
 */
export function sandboxConversation(request: ModelRequest): Turn {
	const result = lastToolResult(request);
	if (result !== undefined) return { content: summarise(result) };
	const question = [...request.messages].reverse().find((message) => message.role === 'user');
	const id = RELEVAL_ID.exec(question ? messageText(question) : '')?.[0];
	const runs = findTool(request, /runs/i);
	const evaluations = findTool(request, /evaluations/i);
	if (id && runs?.argument) return { toolCalls: [{ name: runs.name, arguments: { [runs.argument]: id } }] };
	if (evaluations) return { toolCalls: [{ name: evaluations.name, arguments: {} }] };
	return { content: 'I am the sandbox\'s scripted model: ask about an evaluation ID, e.g. "How did the runs of 01JDEM0EVA0000000000000001 go?"' };
}
