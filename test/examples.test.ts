import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeProperties, INodeType, IWorkflowBase } from 'n8n-workflow';

import { nodeTypes, NODE_TYPE, TRIGGER_NODE_TYPE } from './harness';

/*
 * The example workflows (examples/*.json) are run in the real n8n by the end-to-end tests; this checks them in
 * seconds against the node descriptions, so that renaming a parameter or an option value cannot leave an example
 * silently set to something the node no longer has (n8n drops unknown parameters without a word).
 */

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');
const CREDENTIAL = { relevalOAuth2Api: { id: 'relevalSandbox01', name: 'Releval Sandbox' } };

/** The package's nodes as n8n loads them (with the "Options" and "Poll Times" n8n's loader adds). */
const packageNodes: Record<string, INodeType> = {
	[NODE_TYPE]: nodeTypes.getByName(NODE_TYPE) as INodeType,
	[TRIGGER_NODE_TYPE]: nodeTypes.getByName(TRIGGER_NODE_TYPE) as INodeType,
	// the node as an AI agent's tool (n8n's tool variant has the node's parameters)
	'n8n-nodes-releval.relevalTool': nodeTypes.getByName(NODE_TYPE) as INodeType,
};

const examples = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as IWorkflowBase }));

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** Top-level "options" parameters whose value is not one of the options the node offers for these settings. */
function unknownOptionValues(properties: INodeProperties[], node: INode, description: INodeType['description']): string[] {
	return properties
		.filter((property) => property.type === 'options' && property.name in node.parameters)
		.filter((property) => NodeHelpers.displayParameter(node.parameters, property, node, description))
		.filter((property) => {
			const value = node.parameters[property.name];
			return !isExpression(value) && !(property.options ?? []).some((option) => 'value' in option && option.value === value);
		})
		.map((property) => `${property.name}: ${JSON.stringify(node.parameters[property.name])}`);
}

/** Keys set inside top-level collections (Options, Additional Fields…) that the collection does not have. */
function unknownCollectionKeys(properties: INodeProperties[], node: INode, description: INodeType['description']): string[] {
	return properties
		.filter((property) => property.type === 'collection' && property.name in node.parameters)
		.filter((property) => NodeHelpers.displayParameter(node.parameters, property, node, description))
		.flatMap((property) => {
			const known = new Set((property.options ?? []).map((option) => option.name));
			return Object.keys(node.parameters[property.name] as object)
				.filter((key) => !known.has(key))
				.map((key) => `${property.name}.${key}`);
		});
}

test('there are example workflows, each with a unique id', () => {
	expect(examples.length).toBeGreaterThanOrEqual(6);
	expect(new Set(examples.map(({ workflow }) => workflow.id)).size).toBe(examples.length);
});

describe.each(examples)('example $file', ({ workflow }) => {
	const nodes = workflow.nodes.filter((node) => node.type in packageNodes);

	test('uses the Releval nodes, each on the sandbox credential', () => {
		expect(nodes.length).toBeGreaterThan(0);
		for (const node of nodes) expect({ node: node.name, credentials: node.credentials }).toEqual({ node: node.name, credentials: CREDENTIAL });
	});

	test.each(nodes.map((node) => [node.name, node] as const))(
		'%s: every parameter is one the node shows for these settings, with valid values and none missing',
		(_name, node) => {
			const { description } = packageNodes[node.type];
			const resolved = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
			expect(Object.keys(node.parameters).filter((name) => !(name in resolved))).toEqual([]);
			expect(unknownOptionValues(description.properties, node, description)).toEqual([]);
			expect(unknownCollectionKeys(description.properties, node, description)).toEqual([]);
			expect(NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters: resolved }, description)).toBeNull();
		},
	);

	test('every connection joins nodes of the workflow', () => {
		const names = new Set(workflow.nodes.map((node) => node.name));
		const targets = Object.values(workflow.connections).flatMap((byType) =>
			Object.values(byType).flatMap((outputs) => (outputs ?? []).flatMap((links) => (links ?? []).map((link) => link.node))),
		);
		expect([...Object.keys(workflow.connections), ...targets].filter((name) => !names.has(name))).toEqual([]);
	});
});
