import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { ENDPOINTS, NOT_EXPOSED } from '../nodes/shared/api';
import { nodeTypes, NODE_TYPE } from './harness';
import { contractOperations } from './mock/contract';

/*
 * The contract (openapi/releval.json), the inferred facts (shared/api.ts) and the node's operations must
 * agree. Replacing the contract with Releval's official document makes this test list every difference.
 */

interface NodeOperation {
	resource: string;
	operation: string;
	method: string;
	path: string;
	option: INodePropertyOptions;
}

const { properties } = nodeTypes.getByName(NODE_TYPE).description as INodeTypeDescription;

function nodeOperations(): NodeOperation[] {
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map((option) => ({
				resource: String(property.displayOptions?.show?.resource?.[0]),
				operation: String(option.value),
				method: String(option.routing?.request?.method),
				path: String(option.routing?.request?.url),
				option,
			})),
		);
}

const contract = contractOperations();
const endpointEntries = Object.entries(ENDPOINTS);
const operations = nodeOperations();
const operationIdOf = (method: string, path: string) =>
	endpointEntries.find(([, endpoint]) => endpoint.method === method && endpoint.path === path)?.[0];

describe('contract coverage', () => {
	test('every contract operation is exposed by the node or deliberately left out, never both', () => {
		const missing = contract
			.map((operation) => operation.operationId)
			.filter((id) => !(id in ENDPOINTS) && !(id in NOT_EXPOSED));
		const both = Object.keys(NOT_EXPOSED).filter((id) => id in ENDPOINTS);
		expect({ missing, both }).toEqual({ missing: [], both: [] });
	});

	test('shared/api.ts says exactly what the contract says about method, path and what is inferred', () => {
		const byId = new Map(contract.map((operation) => [operation.operationId, operation]));
		const disagreements = endpointEntries
			.map(([id, endpoint]) => [id, endpoint, byId.get(id)] as const)
			.filter(
				([, endpoint, operation]) =>
					!operation ||
					operation.method !== endpoint.method ||
					operation.path !== endpoint.path ||
					operation.inferred !== endpoint.inferred,
			)
			.map(([id, endpoint, operation]) => ({ id, api: endpoint, contract: operation ?? 'not in the contract' }));
		expect(disagreements).toEqual([]);
	});

	test('every exposed contract operation has a node operation', () => {
		const used = new Set(operations.map((operation) => operationIdOf(operation.method, operation.path)));
		expect(Object.keys(ENDPOINTS).filter((id) => !used.has(id))).toEqual([]);
	});

	test('every node operation calls a contract operation', () => {
		const unknown = operations
			.filter((operation) => !operationIdOf(operation.method, operation.path))
			.map((operation) => `${operation.resource}.${operation.operation}: ${operation.method} ${operation.path}`);
		expect(unknown).toEqual([]);
	});

	test('every operation explains itself well enough for an AI agent', () => {
		const unexplained = operations
			.filter(({ option }) => !option.action || String(option.description ?? '').length < 30)
			.map((operation) => `${operation.resource}.${operation.operation}`);
		expect(unexplained).toEqual([]);
	});

	test('the node exposes every resource the issue names', () => {
		const resourceNames = (properties.find((property) => property.name === 'resource')?.options ?? []).map(
			(option) => (option as INodePropertyOptions).name,
		);
		expect(resourceNames.sort()).toEqual(
			[
				'AI Judge',
				'AI Judging Run',
				'AI Provider',
				'Analysis',
				'App Client',
				'Corpus',
				'Evaluation',
				'Evaluation Run',
				'Judgment',
				'Judgment List',
				'Member',
				'Query Set',
				'Query Template',
				'Search Endpoint',
				'Site',
				'User Behavior Insights',
			].sort(),
		);
	});
});
