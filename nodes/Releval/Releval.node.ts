import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { RELEVAL_BASE_URL_EXPRESSION } from '../../credentials/relevalBaseUrl';
import { listSearch } from './listSearch';
import { resources } from './resources';
import { ACCEPT_JSON } from './shared/api';
import { retryOptionsProperty } from './shared/retry';

export class Releval implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Releval',
		name: 'releval',
		icon: { light: 'file:releval.svg', dark: 'file:releval.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Evaluate and improve search relevance with Releval',
		defaults: { name: 'Releval' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'relevalOAuth2Api', required: true }],
		requestDefaults: {
			baseURL: RELEVAL_BASE_URL_EXPRESSION,
			headers: { Accept: ACCEPT_JSON },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources.map(({ name, value, description }) => ({ name, value, description })),
				default: 'evaluation',
			},
			...resources.flatMap((resource) => resource.properties),
			retryOptionsProperty,
		],
	};

	methods = { listSearch };
}
