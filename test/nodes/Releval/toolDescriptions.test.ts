import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { nodeTypes, NODE_TYPE } from '../../harness';

/*
 * What an AI agent's model learns about the Releval node used as a tool. n8n names the tool after the node and,
 * unless the user writes a description, describes it as "<the operation's action> in Releval"
 * (NodeHelpers.getToolDescriptionForNode); the arguments are the $fromAI() parameters, whose descriptions users
 * write from the parameter's description in the editor. So every operation needs a distinct action, and every
 * parameter a tool call may fill a description that says what to put there: which ID, which values, which limits.
 */

const node = nodeTypes.getByName(NODE_TYPE) as INodeType;
const { properties } = node.description;

const isOption = (option: INodePropertyOptions | INodeProperties | INodePropertyCollection): option is INodePropertyOptions =>
	'value' in option && !('type' in option);

const operations = properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		(property.displayOptions?.show?.resource as string[]).flatMap((resource) =>
			(property.options ?? []).filter(isOption).map((option) => ({ resource, option })),
		),
	);

/** Parameters a tool call can fill: shown for some operation, not the resource/operation choice, not a notice. */
const fillable = properties.filter(
	(property) => !['resource', 'operation'].includes(property.name) && !['notice', 'hidden', 'button'].includes(property.type),
);

/** The fields inside a collection (Additional Fields, Options…) or a fixed collection's groups. */
function fieldsOf(property: INodeProperties): INodeProperties[] {
	if (property.type === 'collection') return (property.options ?? []) as INodeProperties[];
	if (property.type === 'fixedCollection') return ((property.options ?? []) as INodePropertyCollection[]).flatMap((group) => group.values);
	return [];
}

const words = (text: unknown) => String(text ?? '').trim().split(/\s+/).filter(Boolean).length;

test('every resource has operations, and the node has the 16 resources of the README', () => {
	expect(new Set(operations.map(({ resource }) => resource)).size).toBe(16);
});

test('every operation has an action text: a distinct sentence a model can pick the tool by', () => {
	const problems = operations
		.filter(({ option }) => !option.action || words(option.action) < 2 || !/^[A-Z]/.test(option.action))
		.map(({ resource, option }) => `${resource}.${String(option.value)}: ${JSON.stringify(option.action)}`);
	expect(problems).toEqual([]);
	const actions = operations.map(({ option }) => option.action);
	expect(actions.filter((action, index) => actions.indexOf(action) !== index)).toEqual([]);
});

test("n8n's automatic tool description is the operation's action, for every operation", () => {
	const problems = operations
		.map(({ resource, option }) => {
			const toolNode = { parameters: { resource, operation: option.value, descriptionType: 'auto' } } as unknown as INode;
			const described = NodeHelpers.getToolDescriptionForNode(toolNode, node);
			return described === `${option.action} in Releval` ? undefined : `${resource}.${String(option.value)}: "${described}"`;
		})
		.filter(Boolean);
	expect(problems).toEqual([]);
});

test('every operation says what it returns or does, beyond its action', () => {
	const problems = operations
		.filter(({ option }) => words(option.description) < 5)
		.map(({ resource, option }) => `${resource}.${String(option.value)}: ${JSON.stringify(option.description)}`);
	expect(problems).toEqual([]);
});

describe('every parameter a tool call may fill has a description a model can act on', () => {
	const all = fillable.flatMap((property) => [property, ...fieldsOf(property)]);

	// n8n's own Request Options (timeout, proxy, batching) are added by its loader, not by this package
	const ours = all.filter((property) => property.name !== 'requestOptions' && property.name !== 'batching');
	const isContainer = (property: INodeProperties) => property.type === 'collection' || property.type === 'fixedCollection';

	test('IDs, numbers, switches and JSON: a description of a few words, at least', () => {
		const problems = ours
			.filter((property) => !isContainer(property) && !['string', 'options', 'multiOptions'].includes(property.type))
			.filter((property) => words(property.description) < 3)
			.map((property) => `${property.name} [${property.type}]: ${JSON.stringify(property.description)}`);
		expect(problems).toEqual([]);
	});

	test('a choice: described as a whole, or every value described', () => {
		const problems = ours
			.filter((property) => property.type === 'options' || property.type === 'multiOptions')
			.filter((property) => words(property.description) < 3)
			.filter((property) => (property.options ?? []).some((option) => !isOption(option) || words(option.description) < 3))
			.map((property) => property.name);
		expect(problems).toEqual([]);
	});

	test('free text: a description, a hint or an example to follow (a name or description of what is created names itself; secrets are never a tool argument)', () => {
		const problems = ours
			.filter((property) => property.type === 'string' && !['name', 'description'].includes(property.name) && !property.typeOptions?.password)
			.filter((property) => words(property.description) < 3 && words(property.hint) < 3 && !property.placeholder)
			.map((property) => `${property.name} ("${property.displayName}")`);
		expect(problems).toEqual([]);
	});

	test('an ID names what it identifies', () => {
		const problems = all
			.filter((property) => property.type === 'resourceLocator')
			// "The evaluation run to act on" for Evaluation Run; "the query template…" for Baseline Template
			.filter((property) => !String(property.description).toLowerCase().includes(property.displayName.toLowerCase().split(' ').pop() ?? ''))
			.map((property) => `${property.name} (${property.displayName}): ${JSON.stringify(property.description)}`);
		expect(problems).toEqual([]);
	});

	test('a choice lists values, each with a readable name', () => {
		const problems = ours
			.filter((property) => property.type === 'options' || property.type === 'multiOptions')
			.filter((property) => !property.typeOptions?.loadOptionsMethod)
			.filter((property) => (property.options ?? []).length === 0 || (property.options ?? []).some((option) => !isOption(option) || !option.name))
			.map((property) => property.name);
		expect(problems).toEqual([]);
	});

	test('a bounded number states its bounds', () => {
		const problems = ours
			.filter((property) => property.type === 'number' && property.typeOptions?.maxValue !== undefined)
			.filter((property) => {
				const text = `${property.description ?? ''} ${property.hint ?? ''}`;
				return !text.includes(String(property.typeOptions?.maxValue));
			})
			.map((property) => `${property.name} (max ${String(property.typeOptions?.maxValue)}): ${JSON.stringify(property.description)}`);
		expect(problems).toEqual([]);
	});

	test('Limit says what it bounds and its default', () => {
		const limits = all.filter((property) => property.name === 'limit');
		expect(limits.length).toBeGreaterThan(0);
		for (const limit of limits) {
			expect(limit).toMatchObject({ type: 'number', default: 50, typeOptions: { minValue: 1 } });
			expect(limit.description).toEqual(expect.stringMatching(/max(imum)? number of results/i));
		}
	});
});
