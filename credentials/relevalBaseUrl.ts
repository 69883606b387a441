import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/*
 * The address every Releval request starts from: the credential's Base URL without surrounding spaces or trailing
 * slashes (users paste "https://app.releval.co/"). One rule in two forms: a function for code that builds
 * requests, and an n8n expression for the descriptions n8n resolves itself (the node's requestDefaults, the
 * credential test), which cannot call code. Here, because credential code must not import node code.
 */

export function trimTrailingSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

export function relevalBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return trimTrailingSlashes(String(credentials.baseUrl ?? ''));
}

/** `relevalBaseUrl` as an n8n expression (test/credentials checks that both agree). */
export const RELEVAL_BASE_URL_EXPRESSION = '={{ $credentials.baseUrl.trim().replace(/\\/+$/, "") }}';
