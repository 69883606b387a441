import { createHash } from 'crypto';
import { UserError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { relevalBaseUrl, trimTrailingSlashes } from './relevalBaseUrl';

/*
 * The credential's OAuth2 client-credentials client: reads the client settings, asks Releval's token endpoint for
 * a token, and puts the token on API requests, never sending the secret or a token in clear text unless allowed.
 */

// The token route and lifetime rules live only here: credential code must not import node code.
const GRANT_ROUTE = '/api/v1/oauth2/token';
const TOKEN_REFRESH_MARGIN_MS = 30_000;
const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

interface ClientSettings {
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	allowInsecureHttp: boolean;
}

export interface IssuedToken {
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
	 * Survives n8n's wrapping on every line (n8n 1.x's NodeApiError keeps only message, description and this
	 * `httpCode`): ETOKENUNAVAILABLE when the token endpoint failed for a reason that may pass (5xx, no
	 * connection), so that trying again is safe. Not `code`: n8n 2.x's credential test would show it instead of
	 * the message.
	 */
	readonly httpCode: 'ETOKENUNAVAILABLE' | 'ETOKENREFUSED';

	constructor(
		message: string,
		readonly description: string,
		temporary = false,
	) {
		super(message);
		this.name = 'RelevalCredentialError';
		this.httpCode = temporary ? 'ETOKENUNAVAILABLE' : 'ETOKENREFUSED';
	}
}

export function readSettings(credentials: ICredentialDataDecryptedObject): ClientSettings {
	const baseUrl = relevalBaseUrl(credentials);
	const tokenUrlOverride = trimTrailingSlashes(String(credentials.tokenUrl ?? ''));
	return {
		tokenUrl: tokenUrlOverride || `${baseUrl}${GRANT_ROUTE}`,
		clientId: String(credentials.clientId ?? '').trim(),
		clientSecret: String(credentials.clientSecret ?? ''),
		allowInsecureHttp: credentials.allowInsecureHttp === true,
	};
}

/** Identifies the client a token was issued to, so that editing the credential retires the old token. */
export function fingerprintOf(settings: ClientSettings): string {
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
	if (!URL.canParse(url)) {
		throw new RelevalCredentialError(
			`The Releval URL "${url}" is not a valid URL`,
			'Set Base URL to the address of your Releval deployment, for example https://app.releval.co.',
		);
	}
	const parsed = new URL(url);
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

export async function requestToken(helpers: IHttpRequestHelper, settings: ClientSettings): Promise<IssuedToken> {
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
	const response = (await helpers.helpers
		.httpRequest({
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
		})
		.catch((error: unknown) => {
			// Only the error code: the underlying error carries the request, and the request carries the secret.
			const code = (error as { code?: string }).code ?? 'no response';
			// The code stays out of the message: n8n would replace a message naming e.g. ENOTFOUND with its own text.
			throw new RelevalCredentialError(
				'Could not reach the Releval token endpoint',
				`The request to ${settings.tokenUrl} failed before a response arrived (${code}). Check Base URL (or Token URL) and that Releval is reachable from n8n.`,
				true,
			);
		})) as { statusCode: number; body: unknown };

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

export function isFresh(token: { refreshAt: number }): boolean {
	return token.refreshAt === 0 || Date.now() < token.refreshAt;
}

/** The token as the credential's hidden properties store it (n8n persists what `preAuthentication` returns). */
export function toCredentialData(token: IssuedToken): ICredentialDataDecryptedObject {
	return {
		accessToken: token.accessToken,
		accessTokenRefreshAt: String(token.refreshAt),
		accessTokenFingerprint: token.fingerprint,
	};
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
