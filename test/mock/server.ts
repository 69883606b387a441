import { randomBytes } from 'crypto';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Context } from 'openapi-backend';

import { loadContract } from './contract';
import { registerAllHandlers } from './handlers';
import {
	Collection,
	ProblemError,
	ROLE_RANK,
	VALIDATION_FAILED,
	problem,
	type EnvelopeStyle,
	type MockResponse,
	type Role,
} from './state';

/*
 * A Releval stand-in on loopback for tests, benchmarks and the sandbox. Requests are routed and validated by
 * openapi-backend against the project's contract (openapi/releval.json): a request that does not conform gets
 * Releval's 400 problem details, and tests assert no such rejection happened. Auth follows Releval's App
 * Clients: OAuth2 client credentials, Bearer JWT-like tokens with a lifetime, roles Admin > Member > Rater.
 */

export interface MockClient {
	clientId: string;
	clientSecret: string;
	roles: Role[];
}

export interface MockOptions {
	/** Lifetime of issued tokens, in seconds (Releval: 3600). */
	tokenLifetimeSeconds?: number;
	/** Shape of list responses. */
	envelope?: EnvelopeStyle;
	/** App Clients that can get tokens. Defaults to one Admin client. */
	clients?: MockClient[];
	/** Prefix of issued access tokens, so leak scans can recognise them. */
	tokenPrefix?: string;
	/** Delay added to every API response, in milliseconds. */
	latencyMs?: number;
	/** Port to listen on (0: any free port). */
	port?: number;
}

/** A scripted misbehaviour: the next `times` matching requests get this answer instead of the real one. */
export interface Fault {
	/** Which requests: by contract operationId, by "token" for the token endpoint, or every API request. */
	operationId?: string | 'token';
	times?: number;
	status?: number;
	headers?: Record<string, string>;
	/** A JSON body, or a raw string sent as is (e.g. malformed JSON or HTML). */
	body?: unknown;
	/** Wait this long before answering (or before closing, with `reset`). */
	delayMs?: number;
	/** Close the connection without answering. */
	reset?: boolean;
	/** Handle the request normally, then answer with this fault (the server acted, the client never knows). */
	afterHandling?: boolean;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	/** Files of a multipart/form-data request, by field name (its text fields are in `body`). */
	files?: Record<string, UploadedFile>;
	operationId?: string;
	status?: number;
	/** The contract validation errors, when the mock rejected the request as not conforming. */
	contractViolations?: string[];
}

interface IssuedToken {
	client: MockClient;
	expiresAt: number;
}

/** A file part of a multipart/form-data request. */
export interface UploadedFile {
	filename: string;
	mimetype: string;
	data: Buffer;
}

export interface HandlerInput {
	params: Record<string, string>;
	query: Record<string, string | undefined>;
	/** The JSON body, or the text fields of a multipart/form-data body (which the contract validates). */
	body: unknown;
	/** The files of a multipart/form-data body, by field name. */
	files: Record<string, UploadedFile>;
	client: MockClient;
	request: RecordedRequest;
}

type Handler = (input: HandlerInput) => MockResponse | Promise<MockResponse>;

export const DEFAULT_CLIENT: MockClient = {
	clientId: 'releval-sandbox-client',
	clientSecret: 'releval-sandbox-secret',
	roles: ['Admin'],
};

const TOKEN_PATHS = new Set(['/api/v1/oauth2/token', '/oauth2/token']);

function fieldOf(error: { instancePath?: string; params?: Record<string, unknown> }): string {
	const missing = error.params?.missingProperty;
	const segments = (error.instancePath ?? '').split('/').filter(Boolean);
	// "/requestBody/queries/0" → "queries[0]"; "/query/page" → "page"
	const pathParts = segments.slice(1).map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : segment));
	const field = [...pathParts, ...(typeof missing === 'string' ? [missing] : [])].join('.').replace(/\.\[/g, '[');
	return field;
}

export class MockReleval {
	readonly options: Required<Omit<MockOptions, 'port'>> & { port: number };

	/** In-memory Releval data, one collection per resource. */
	readonly state = {
		appClients: new Collection('App client'),
		members: new Collection('Member'),
		corpora: new Collection('Corpus'),
		endpoints: new Collection('Search endpoint'),
		querySets: new Collection('Query set'),
		queryTemplates: new Collection('Query template'),
		evaluations: new Collection('Evaluation'),
		runs: new Collection('Evaluation run'),
		judgments: new Collection('Judgment'),
		judgmentLists: new Collection('Judgment list'),
		aiProviders: new Collection('AI provider'),
		aiJudges: new Collection('AI judge'),
		aiJudgingRuns: new Collection('AI judging run'),
		analyses: new Collection('Analysis'),
		sites: new Collection('Site'),
		ubiQueries: new Collection('UBI query'),
		ubiEvents: new Collection('UBI event'),
	};

	readonly requests: RecordedRequest[] = [];

	private readonly tokens = new Map<string, IssuedToken>();

	private readonly faults: Fault[] = [];

	private readonly app: FastifyInstance;

	private readonly api: OpenAPIBackend;

	url = '';

	constructor(options: MockOptions = {}) {
		this.options = {
			tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
			envelope: options.envelope ?? 'items',
			clients: options.clients ?? [DEFAULT_CLIENT],
			tokenPrefix: options.tokenPrefix ?? 'mock-token',
			latencyMs: options.latencyMs ?? 0,
			port: options.port ?? 0,
		};
		this.api = new OpenAPIBackend({
			definition: loadContract() as never,
			// quick: the contract is OpenAPI 3.1, which openapi-backend's definition check does not know yet
			quick: true,
			validate: true,
			ajvOpts: { strict: false },
			// validators are compiled lazily, possibly after a test ended: the plugin must already be loaded
			customizeAjv: (ajv) => {
				addFormats(ajv as never);
				return ajv;
			},
		});
		this.api.registerSecurityHandler('bearerAuth', (context) => this.clientForToken(context));
		this.api.registerSecurityHandler('oauth2', (context) => this.clientForToken(context));
		this.api.registerSecurityHandler('cookieAuth', () => false);
		this.api.register({
			unauthorizedHandler: () => ({
				...problem(401, 'Unauthorized', 'A valid Bearer access token is required.'),
				headers: {
					'content-type': 'application/problem+json',
					'www-authenticate': 'Bearer error="invalid_token"',
				},
			}),
			validationFail: (context: Context, recorded: RecordedRequest) => {
				const errors: Record<string, string[]> = {};
				const violations: string[] = [];
				for (const error of context.validation.errors ?? []) {
					const field = fieldOf(error);
					(errors[field] ??= []).push(error.message ?? 'is invalid');
					violations.push(`${error.instancePath} ${error.message}`);
				}
				recorded.contractViolations = violations;
				return problem(400, VALIDATION_FAILED, undefined, errors);
			},
			notFound: () => problem(404, 'Not Found', 'No Releval route matches this path.'),
			notImplemented: (context: Context) =>
				problem(501, 'Not Implemented', `The mock does not implement ${context.operation.operationId}.`),
		});
		registerAllHandlers(this);

		this.app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
		this.app.addContentTypeParser(
			'application/x-www-form-urlencoded',
			{ parseAs: 'string' },
			(_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
		);
		// multipart/form-data (uploads): parsed in `dispatch` into text fields and files
		void this.app.register(multipart, { limits: { fileSize: 64 * 1024 * 1024 } });
		this.app.all('/*', async (request, reply) => await this.dispatch(request, reply));
	}

	/** Registers the handler of a contract operation, allowed for clients with at least `minimumRole`. */
	handle(operationId: string, minimumRole: Role | 'public', handler: Handler): void {
		this.api.register(operationId, async (context: Context, recorded: RecordedRequest) => {
			const client = (context.security?.bearerAuth ?? context.security?.oauth2) as MockClient | undefined;
			if (minimumRole !== 'public') {
				const rank = Math.max(0, ...(client?.roles ?? []).map((role) => ROLE_RANK[role]));
				if (rank < ROLE_RANK[minimumRole]) {
					return problem(403, 'Forbidden', `This operation needs the ${minimumRole} role.`);
				}
			}
			try {
				return await handler({
					params: context.request.params as Record<string, string>,
					query: context.request.query as Record<string, string | undefined>,
					body: context.request.requestBody,
					files: recorded.files ?? {},
					client: client as MockClient,
					request: recorded,
				});
			} catch (error) {
				if (error instanceof ProblemError) {
					return problem(error.status, error.title, error.detail, error.errors);
				}
				throw error;
			}
		});
	}

	/** Queues a misbehaviour for the next matching requests. */
	injectFault(fault: Fault): void {
		this.faults.push({ times: 1, ...fault });
	}

	/** Fetches a token over HTTP as any client of the App Client would (e.g. another n8n process). */
	async requestToken(client: MockClient = DEFAULT_CLIENT): Promise<string> {
		const response = await fetch(`${this.url}/api/v1/oauth2/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: client.clientId,
				client_secret: client.clientSecret,
			}).toString(),
		});
		return ((await response.json()) as { access_token: string }).access_token;
	}

	/** Invalidates every issued token, as revoking or regenerating the App Client secret would. */
	revokeTokens(): void {
		this.tokens.clear();
	}

	get tokenRequests(): RecordedRequest[] {
		return this.requests.filter((request) => TOKEN_PATHS.has(request.path));
	}

	get apiRequests(): RecordedRequest[] {
		return this.requests.filter((request) => !TOKEN_PATHS.has(request.path));
	}

	/** Requests the mock rejected because they did not conform to the contract. */
	get contractViolations(): RecordedRequest[] {
		return this.requests.filter((request) => request.contractViolations);
	}

	/** Every token the mock has issued (still valid or not), for leak scans. */
	issuedTokens: string[] = [];

	/** Called for every request before it is answered (tests use it to act mid-way, e.g. revoke tokens). */
	onRequest?: (request: RecordedRequest) => void;

	clearLog(): void {
		this.requests.length = 0;
	}

	async start(): Promise<this> {
		await this.api.init();
		this.url = await this.app.listen({ host: '127.0.0.1', port: this.options.port });
		return this;
	}

	async stop(): Promise<void> {
		await this.app.close();
	}

	private clientForToken(context: Context): MockClient | false {
		const header = context.request.headers.authorization;
		const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : '';
		const issued = this.tokens.get(token);
		if (!issued || issued.expiresAt <= Date.now()) return false;
		return issued.client;
	}

	/** Faults still queued (a test can assert all of them fired). */
	get pendingFaults(): readonly Fault[] {
		return this.faults;
	}

	private takeFault(operationId: string | undefined, isToken: boolean): Fault | undefined {
		const index = this.faults.findIndex((fault) =>
			isToken ? fault.operationId === 'token' : fault.operationId === undefined || fault.operationId === operationId,
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private async dispatch(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
		const url = new URL(request.url, 'http://mock');
		const form = request.isMultipart() ? await readMultipart(request) : undefined;
		const recorded: RecordedRequest = {
			method: request.method,
			path: url.pathname,
			query: queryObject(url.searchParams),
			headers: request.headers,
			body: form ? form.fields : request.body,
			...(form ? { files: form.files } : {}),
		};
		this.requests.push(recorded);
		const isToken = request.method === 'POST' && TOKEN_PATHS.has(url.pathname);
		const operationId = isToken
			? 'token'
			: this.api.matchOperation({ method: request.method, path: url.pathname, headers: {} })?.operationId;
		recorded.operationId = operationId;
		this.onRequest?.(recorded);

		const fault = this.takeFault(operationId, isToken);
		if (fault?.afterHandling) {
			await this.respondNormally(request, recorded, url, isToken);
		}
		if (this.options.latencyMs && !isToken) await delay(this.options.latencyMs);
		if (fault?.delayMs) await delay(fault.delayMs);
		if (fault?.reset) {
			request.raw.socket.destroy();
			return reply;
		}
		const response = fault?.status
			? { status: fault.status, headers: fault.headers, body: fault.body }
			: await this.respondNormally(request, recorded, url, isToken);
		recorded.status = response.status;
		reply.code(response.status);
		for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
		if (response.body === undefined) return await reply.send();
		if (typeof response.body === 'string') return reply.send(response.body);
		return reply.type(response.headers?.['content-type'] ?? 'application/json').send(JSON.stringify(response.body));
	}

	private async respondNormally(
		request: FastifyRequest,
		recorded: RecordedRequest,
		url: URL,
		isToken: boolean,
	): Promise<MockResponse> {
		if (isToken) return this.issueToken(request.body as Record<string, string> | undefined);
		return (await this.api.handleRequest(
			{
				method: request.method,
				path: url.pathname,
				query: queryObject(url.searchParams),
				headers: request.headers as Record<string, string>,
				body: recorded.body,
			},
			recorded,
		)) as MockResponse;
	}

	private issueToken(form: Record<string, string> | undefined): MockResponse {
		const client = this.options.clients.find(
			(candidate) => candidate.clientId === form?.client_id && candidate.clientSecret === form?.client_secret,
		);
		if (form?.grant_type !== 'client_credentials') {
			return { status: 400, body: { error: 'unsupported_grant_type' } };
		}
		if (!client) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'ClientId/ClientSecret is invalid.' } };
		}
		const accessToken = `${this.options.tokenPrefix}.${randomBytes(24).toString('base64url')}`;
		this.tokens.set(accessToken, { client, expiresAt: Date.now() + this.options.tokenLifetimeSeconds * 1000 });
		this.issuedTokens.push(accessToken);
		return {
			status: 200,
			body: { access_token: accessToken, token_type: 'Bearer', expires_in: this.options.tokenLifetimeSeconds },
		};
	}
}

/**
 * A multipart/form-data body as text fields (validated against the contract, where openapi-backend skips the
 * `format: binary` properties) and files. A malformed body leaves an empty form, which the contract rejects.
 */
async function readMultipart(
	request: FastifyRequest,
): Promise<{ fields: Record<string, string | string[]>; files: Record<string, UploadedFile> }> {
	const fields: Record<string, string | string[]> = {};
	const files: Record<string, UploadedFile> = {};
	try {
		for await (const part of request.parts()) {
			if (part.type === 'file') {
				files[part.fieldname] = { filename: part.filename, mimetype: part.mimetype, data: await part.toBuffer() };
			} else {
				const value = String(part.value);
				const previous = fields[part.fieldname];
				fields[part.fieldname] = previous === undefined ? value : ([] as string[]).concat(previous, value);
			}
		}
	} catch {
		return { fields: {}, files: {} };
	}
	return { fields, files };
}

/** Query parameters as an object; a repeated key (`ids=a&ids=b`) becomes an array, as OpenAPI's form style means. */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		query[key] = values.length > 1 ? values : values[0];
	}
	return query;
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startMockReleval(options: MockOptions = {}): Promise<MockReleval> {
	return await new MockReleval(options).start();
}
