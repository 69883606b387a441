import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { fingerprintOf, isFresh, readSettings, requestToken, toCredentialData, type IssuedToken } from './relevalTokenClient';

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

