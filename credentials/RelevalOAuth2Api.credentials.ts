import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { RELEVAL_BASE_URL_EXPRESSION } from './relevalBaseUrl';
import { addBearerToken } from './relevalTokenClient';
import { obtainAccessToken } from './relevalTokenCoordination';

/*
 * Releval App Clients authenticate with the OAuth2 client-credentials grant. This credential fetches the
 * token itself (`preAuthentication`) instead of extending n8n's `oAuth2Api`, because only this way can it:
 * name a rejected client id / secret plainly, fail a bad secret in the credential test, keep the secret out of
 * every error, stop using a token 30 s before it expires, and coalesce concurrent token requests. The README's
 * "Credentials" section gives the measurements behind the choice.
 */

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
			// epoch ms as a string: n8n 1.x redacts password fields as strings and fails on a number
			typeOptions: { password: true },
			default: '',
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
			baseURL: RELEVAL_BASE_URL_EXPRESSION,
			url: '/api/v1/evaluations',
			method: 'GET',
			qs: { page: 1, pageSize: 1 },
		},
	};
}
