import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodePropertyRouting, INodeTypeDescription } from 'n8n-workflow';

import { NODE_TYPE, nodeTypes } from '../harness';
import { byId, failureOf, useMockReleval } from '../helpers';

/*
 * The routing contract (README "How requests flow"): every operation hands its request to one of the package's
 * routing functions, which send it and run the operation's post-receive steps. n8n's declarative post-receive
 * actions would never run there, so the description must not contain any, and one that slips in fails loudly.
 */

type Routed = { name: string; routing?: INodePropertyRouting };

/** Every property, option and collection entry of the node's description that can carry routing. */
function routedEntries(properties: INodeProperties[]): Routed[] {
	return properties.flatMap((property) => [
		property,
		...((property.options ?? []) as Array<INodePropertyOptions | INodeProperties | INodePropertyCollection>).flatMap((option) =>
			'values' in option ? routedEntries(option.values) : 'type' in option ? routedEntries([option]) : [option as Routed],
		),
	]);
}

const description = nodeTypes.getByName(NODE_TYPE).description as INodeTypeDescription;

describe('the routing contract', () => {
	test('every operation sends its requests through a routing function of the package', () => {
		const operations = description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) => property.options as INodePropertyOptions[]);
		expect(operations.length).toBeGreaterThan(70);
		const notRouted = operations.filter(
			(option) => typeof option.routing?.operations?.pagination !== 'function' || option.routing.send?.paginate !== true,
		);
		expect(notRouted.map((option) => option.value)).toEqual([]);
	});

	test('post-receive steps are functions only: no declarative action anywhere in the description', () => {
		const declarative = routedEntries(description.properties).flatMap((entry) =>
			(entry.routing?.output?.postReceive ?? [])
				.filter((action) => typeof action !== 'function')
				.map((action) => `${entry.name}: ${(action as { type: string }).type}`),
		);
		expect(declarative).toEqual([]);
	});

	describe('a declarative post-receive action that slipped in', () => {
		const t = useMockReleval();

		test('fails the item naming the action, instead of being skipped', async () => {
			const operation = description.properties
				.filter((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('evaluation'))
				.flatMap((property) => property.options as INodePropertyOptions[])
				.find((option) => option.value === 'get')!;
			const output = operation.routing!.output;
			operation.routing!.output = { postReceive: [{ type: 'rootProperty', properties: { property: 'name' } }] };
			try {
				const { id } = t.mock.state.evaluations.insert({ name: 'E', endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' });
				const error = await failureOf(t.harness.run({ resource: 'evaluation', operation: 'get', evaluationId: byId(id) }));
				expect(error.message).toBe('Unsupported post-receive action "rootProperty" in Evaluation → Get');
			} finally {
				operation.routing!.output = output;
			}
		});
	});
});
