import { createHash } from 'crypto';
import { UserError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/*
 * Releval App Clients authenticate with the OAuth2 client-credentials grant. This credential fetches the
 * token itself (`preAuthentication`) instead of extending n8n's `oAuth2Api`, because only this way can it:
 * name a rejected client id / secret plainly, fail a bad secret in the credential test, keep the secret out of
 * every error, stop using a token 30 s before it expires, and coalesce concurrent token requests. The README's
 * "Credentials" section gives the measurements behind the choice.
 */

// Kept in step with nodes/Releval/shared/api.ts (credentials must not import node code).
const GRANT_ROUTE = '/api/v1/oauth2/token';
const TOKEN_REFRESH_MARGIN_MS = 30_000;
const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

interface ClientSettings {
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	allowInsecureHttp: boolean;
}

interface IssuedToken {
	accessToken: string;
	/** Epoch ms after which the token is no longer sent; 0 when the server gave no lifetime. */
	refreshAt: number;
	fingerprint: string;
}

/**
 * An error whose message and description are safe to show: they never contain the secret or a token.
 * A UserError: n8n treats it as the user's to fix (no error report with a stack trace in its log).
 */
class RelevalCredentialError extends UserError {
	/**
	 * Survives n8n's wrapping on every line (n8n 1.x copies it to the wrapping error's `httpCode`): ETOKENUNAVAILABLE
	 * when the token endpoint failed for a reason that may pass (5xx, no connection), so that trying again is safe.
	 */
	readonly code: 'ETOKENUNAVAILABLE' | 'ETOKENREFUSED';

	constructor(
		message: string,
		readonly description: string,
		temporary = false,
	) {
		super(message);
		this.name = 'RelevalCredentialError';
		this.code = temporary ? 'ETOKENUNAVAILABLE' : 'ETOKENREFUSED';
	}
}

// In-process coordination only (the token itself is persisted by n8n in the credential): n8n sends all items of
// a node at once, and every request that meets an empty or rejected token asks for a new one.
const tokenRequestsInFlight = new Map<string, Promise<IssuedToken>>();

/**
 * Per client: the newest token this process obtained, and digests of the tokens it replaced. The newest token
 * answers a caller only when the caller's token is empty or one this process replaced: a token this process has
 * never seen was stored by another n8n process (queue-mode workers share the credential), is newer than anything
 * here, and was refused all the same, so only a new token can help.
 */
interface ProcessTokens {
	latest: IssuedToken;
	replaced: string[];
}
const processTokens = new Map<string, ProcessTokens>();
/** Enough to recognise the tokens that concurrent requests of this process still hold. */
const REPLACED_TOKENS_KEPT = 16;

function digestOf(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function trimTrailingSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

function readSettings(credentials: ICredentialDataDecryptedObject): ClientSettings {
	const baseUrl = trimTrailingSlashes(String(credentials.baseUrl ?? ''));
	const tokenUrlOverride = trimTrailingSlashes(String(credentials.tokenUrl ?? ''));
	return {
		tokenUrl: tokenUrlOverride || `${baseUrl}${GRANT_ROUTE}`,
		clientId: String(credentials.clientId ?? '').trim(),
		clientSecret: String(credentials.clientSecret ?? ''),
		allowInsecureHttp: credentials.allowInsecureHttp === true,
	};
}

/** Identifies the client a token was issued to, so that editing the credential retires the old token. */
function fingerprintOf(settings: ClientSettings): string {
	return createHash('sha256')
		.update(`${settings.tokenUrl}\n${settings.clientId}\n${settings.clientSecret}`)
		.digest('hex');
}

function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Refuses to send the secret or a token in clear text to anything but this machine, unless the user allowed it. */
function assertSecureTransport(url: string, settings: ClientSettings, what: string): void {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new RelevalCredentialError(
			`The Releval URL "${url}" is not a valid URL`,
			'Set Base URL to the address of your Releval deployment, for example https://app.releval.co.',
		);
	}
	if (parsed.protocol === 'https:' || settings.allowInsecureHttp || isLoopbackHost(parsed.hostname)) {
		return;
	}
	throw new RelevalCredentialError(
		`Refusing to send the ${what} over plain HTTP to ${parsed.host}`,
		'HTTP is unencrypted: anyone on the network path could read the App Client secret or access token. ' +
			'Use an https:// Base URL, or turn on "Allow Plain HTTP" in the credential if the network is trusted.',
	);
}

function redact(text: string, secret: string): string {
	return secret ? text.split(secret).join('[redacted]') : text;
}

function parseBody(body: unknown): Record<string, unknown> | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
	if (typeof body === 'string') {
		try {
			const parsed: unknown = JSON.parse(body);
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
				return parsed as Record<string, unknown>;
			}
		} catch {
			return undefined;
		}
	}
	return undefined;
}

async function requestToken(helpers: IHttpRequestHelper, settings: ClientSettings): Promise<IssuedToken> {
	if (!settings.clientId || !settings.clientSecret) {
		throw new RelevalCredentialError(
			'Client ID or Client Secret is missing',
			'Enter the Client ID and Client Secret of a Releval App Client (Settings → App Clients).',
		);
	}
	assertSecureTransport(settings.tokenUrl, settings, 'client secret');

	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: settings.clientId,
		client_secret: settings.clientSecret,
	});
	let response: { statusCode: number; body: unknown };
	try {
		response = (await helpers.helpers.httpRequest({
			method: 'POST',
			url: settings.tokenUrl,
			body: form.toString(),
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'application/json',
			},
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: TOKEN_REQUEST_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		// Only the error code: the underlying error carries the request, and the request carries the secret.
		const code = (error as { code?: string }).code ?? 'no response';
		// The code stays out of the message: n8n would replace a message naming e.g. ENOTFOUND with its own text.
		throw new RelevalCredentialError(
			'Could not reach the Releval token endpoint',
			`The request to ${settings.tokenUrl} failed before a response arrived (${code}). Check Base URL (or Token URL) and that Releval is reachable from n8n.`,
			true,
		);
	}

	const body = parseBody(response.body);
	const status = response.statusCode;
	if (status === 400 || status === 401 || status === 403) {
		const oauthError = typeof body?.error === 'string' ? ` (${redact(body.error, settings.clientSecret)})` : '';
		throw new RelevalCredentialError(
			'Client ID or Client Secret is invalid',
			`The Releval token endpoint ${settings.tokenUrl} rejected the App Client credentials: HTTP ${status}${oauthError}. ` +
				'Check the Client ID and Client Secret in Releval under Settings → App Clients; regenerating a secret invalidates the old one.',
		);
	}
	if (status === 404 || status === 405) {
		throw new RelevalCredentialError(
			'Releval token endpoint not found',
			`${settings.tokenUrl} answered HTTP ${status}. Check Base URL, or set Token URL to the "Authentication URL" that Releval shows for your App Client.`,
		);
	}
	if (status < 200 || status >= 300) {
		throw new RelevalCredentialError(
			`Could not obtain a Releval access token (HTTP ${status})`,
			`The token endpoint ${settings.tokenUrl} failed. This is usually temporary: try again, or turn on Retry On Fail.`,
			status >= 500 || status === 429,
		);
	}
	const accessToken = body?.access_token;
	if (typeof accessToken !== 'string' || accessToken === '') {
		throw new RelevalCredentialError(
			'The Releval token endpoint returned no access token',
			`${settings.tokenUrl} answered HTTP ${status} without a JSON "access_token". Check that Base URL (or Token URL) points at Releval, not at a proxy or login page.`,
		);
	}
	const lifetimeMs = Number(body?.expires_in) * 1000;
	const hasLifetime = Number.isFinite(lifetimeMs) && lifetimeMs > 0;
	// Stop using a token 30 s before it expires, as Releval's own client does (half its life if that is shorter).
	const margin = hasLifetime ? Math.min(TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2) : 0;
	return {
		accessToken,
		refreshAt: hasLifetime ? Date.now() + lifetimeMs - margin : 0,
		fingerprint: fingerprintOf(settings),
	};
}

function isFresh(token: { refreshAt: number }): boolean {
	return token.refreshAt === 0 || Date.now() < token.refreshAt;
}

function toCredentialData(token: IssuedToken): ICredentialDataDecryptedObject {
	return {
		accessToken: token.accessToken,
		accessTokenRefreshAt: token.refreshAt,
		accessTokenFingerprint: token.fingerprint,
	};
}

/**
 * Gets a token for the credential. n8n calls this when the stored token is empty, after a 401, and when the
 * credential is tested; n8n persists what it returns, so later requests and executions reuse the token.
 */
export async function obtainAccessToken(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<ICredentialDataDecryptedObject> {
	const settings = readSettings(credentials);
	const fingerprint = fingerprintOf(settings);

	// Another request of this process already replaced the token this caller found empty or rejected.
	const known = processTokens.get(fingerprint);
	const callerToken = String(credentials.accessToken ?? '');
	const callerDigest = callerToken === '' ? undefined : digestOf(callerToken);
	if (known && isFresh(known.latest) && (!callerDigest || known.replaced.includes(callerDigest))) {
		return toCredentialData(known.latest);
	}

	let pending = tokenRequestsInFlight.get(fingerprint);
	if (!pending) {
		pending = requestToken(helpers, settings)
			.then((issued) => {
				rememberIssued(fingerprint, issued);
				return issued;
			})
			.finally(() => tokenRequestsInFlight.delete(fingerprint));
		tokenRequestsInFlight.set(fingerprint, pending);
	}
	const issued = await pending;
	// Requests still holding the caller's refused token get this one without asking again.
	if (callerDigest) markReplaced(fingerprint, callerDigest);
	return toCredentialData(issued);
}

function rememberIssued(fingerprint: string, issued: IssuedToken): void {
	const previous = processTokens.get(fingerprint);
	processTokens.set(fingerprint, { latest: issued, replaced: previous?.replaced ?? [] });
	if (previous) markReplaced(fingerprint, digestOf(previous.latest.accessToken));
}

function markReplaced(fingerprint: string, digest: string): void {
	const entry = processTokens.get(fingerprint);
	if (!entry || entry.replaced.includes(digest) || digest === digestOf(entry.latest.accessToken)) return;
	entry.replaced = [digest, ...entry.replaced].slice(0, REPLACED_TOKENS_KEPT);
}

/**
 * Adds the Bearer token to an API request. A token that is due for refresh, or that was issued to other
 * client settings, is not sent: Releval answers 401 and n8n then fetches a new token and retries once.
 */
export async function addBearerToken(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const settings = readSettings(credentials);
	// n8n's HTTP Request node still passes the older request shape, with `uri` instead of `url`.
	const url = requestOptions.url ?? (requestOptions as { uri?: string }).uri ?? '';
	const target = requestOptions.baseURL
		? `${trimTrailingSlashes(requestOptions.baseURL)}${url.startsWith('/') ? '' : '/'}${url}`
		: url;
	assertSecureTransport(target, settings, 'access token');

	const token = String(credentials.accessToken ?? '');
	const usable =
		token !== '' &&
		credentials.accessTokenFingerprint === fingerprintOf(settings) &&
		isFresh({ refreshAt: Number(credentials.accessTokenRefreshAt ?? 0) });
	if (usable) {
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
	}
	return requestOptions;
}

export class RelevalOAuth2Api implements ICredentialType {
	name = 'relevalOAuth2Api';

	displayName = 'Releval OAuth2 API';

	documentationUrl = 'https://github.com/releval/n8n-nodes-releval#credentials';

	icon: Icon = { light: 'file:../icons/releval.svg', dark: 'file:../icons/releval.dark.svg' };

	// Offers the credential in n8n's HTTP Request node ("Predefined Credential Type"): the path for any
	// Releval endpoint this node does not model.
	httpRequestNode = {
		name: 'Releval',
		docsUrl: 'https://releval-docs.pages.dev/docs/api-concepts/rest-api',
		apiBaseUrlPlaceholder: 'https://app.releval.co/api/v1/',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.releval.co',
			required: true,
			placeholder: 'https://app.releval.co',
			description: 'Address of your Releval deployment: the SaaS default, or your self-hosted host',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of a Releval App Client (Settings → App Clients)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Client Secret of the App Client; Releval shows it only once, when the client is created',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://app.releval.co/api/v1/oauth2/token',
			description:
				'Leave empty to use {Base URL}/api/v1/oauth2/token. Set it to the "Authentication URL" Releval shows for your App Client if that differs (older deployments use {Base URL}/oauth2/token).',
		},
		{
			displayName: 'Allow Plain HTTP',
			name: 'allowInsecureHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to send the client secret and tokens over unencrypted http:// to a host other than this machine. Only for trusted networks.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Refresh At',
			name: 'accessTokenRefreshAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
		{
			displayName: 'Access Token Fingerprint',
			name: 'accessTokenFingerprint',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await obtainAccessToken(this, credentials);
	}

	authenticate = addBearerToken;

	// A real, authenticated call: it fails with the token endpoint's clear message when the secret is wrong.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.trim().replace(/\\/+$/, "") }}',
			url: '/api/v1/evaluations',
			method: 'GET',
			qs: { page: 1, pageSize: 1 },
		},
	};
}
