import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { RELEVAL_BASE_URL_EXPRESSION } from '../../credentials/relevalBaseUrl';
import { listSearch } from './listSearch';
import { executeCompare } from './resources/evaluationRun/compare';
import { RELEVAL_OUTPUTS } from './resources/evaluationRun/compare/outputs';
import { resources } from './resources';
import { shareProperties } from './shared/sharing';
import { ACCEPT_JSON } from '../shared/api';
import { retryOptionsProperty } from '../shared/retry';

/** One property per distinct field, shown for every operation that has it (see shared/sharing.ts); built once. */
const RESOURCE_PROPERTIES = shareProperties(resources.flatMap(({ properties }) => properties));

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
		// One output; two ("Passed", "Regressed") for Evaluation Run → Compare routing regressions apart.
		outputs: RELEVAL_OUTPUTS,
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
				options: resources.map(({ resource: { name, value, description } }) => ({ name, value, description })),
				default: 'evaluation',
			},
			...RESOURCE_PROPERTIES,
			retryOptionsProperty,
		],
	};

	methods = { listSearch };

	/**
	 * The one operation that runs as code instead of through n8n's RoutingNode, because RoutingNode has one output
	 * (see resources/evaluationRun/compare.ts). Every other operation stays declarative.
	 */
	customOperations = { evaluationRun: { compare: executeCompare } };
}
