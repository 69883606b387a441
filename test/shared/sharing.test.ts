import { NodeHelpers, type IDisplayOptions, type INodeParameters, type INodeProperties, type INodePropertyOptions, type INodeTypeDescription } from 'n8n-workflow';

import { resources } from '../../nodes/Releval/resources';
import { rectangles, shareProperties } from '../../nodes/Releval/shared/sharing';
import { NODE_TYPE, nodeTypes } from '../harness';

/*
 * The node shares its properties across resources and operations (shared/sharing.ts) so that n8n's engine resolves
 * each parameter fewer times per item. Sharing must not change what any operation shows: the same fields, in the
 * same order, with the same collection options.
 */

const unshared = resources.flatMap(({ properties }) => properties);
const shared = (nodeTypes.getByName(NODE_TYPE).description as INodeTypeDescription).properties;
const resourceSelector = shared.find((property) => property.name === 'resource') as INodeProperties;

type Show = NonNullable<IDisplayOptions['show']>;
const isShownFor = (show: Show | undefined, resource: string, operation: string, prefix: '' | '/') =>
	((show?.[`${prefix}resource`] as string[] | undefined) ?? [resource]).includes(resource) &&
	((show?.[`${prefix}operation`] as string[] | undefined) ?? [operation]).includes(operation);

const withoutConditions = (property: INodeProperties) => ({ ...property, displayOptions: undefined });

/** What the node shows for these parameters (n8n's own display check): properties in order, collection options shown. */
function view(properties: INodeProperties[], parameters: INodeParameters) {
	const shown = (property: INodeProperties, values: INodeParameters) =>
		NodeHelpers.displayParameter(values, property, null, null, parameters);
	return properties
		.filter((property) => property.name !== 'operation' && property.displayOptions?.show?.resource !== undefined)
		.filter((property) => shown(property, parameters))
		.map((property) => ({
			...withoutConditions(property),
			...(property.type === 'collection'
				? {
						options: (property.options as INodeProperties[])
							.filter((option) => shown(option, {}))
							.map(withoutConditions)
							.sort((a, b) => a.displayName.localeCompare(b.displayName)),
					}
				: {}),
		}));
}

/**
 * The parameters to look at an operation with: its defaults, then each value of each of its choices and switches
 * (Provider Type, Events From, Return All…), one at a time.
 */
function scenarios(resource: string, operation: string): INodeParameters[] {
	const withDefaults = (parameters: INodeParameters) =>
		NodeHelpers.getNodeParameters([resourceSelector, ...unshared], parameters, true, false, null, null) as INodeParameters;
	const defaults = withDefaults({ resource, operation });
	const choices = unshared.filter(
		(property) =>
			(property.type === 'options' || property.type === 'boolean') &&
			property.name !== 'operation' &&
			isShownFor(property.displayOptions?.show, resource, operation, '') &&
			property.displayOptions?.show?.resource !== undefined,
	);
	return [
		defaults,
		...choices.flatMap((choice) =>
			(choice.type === 'boolean' ? [true, false] : (choice.options as INodePropertyOptions[]).map((option) => option.value)).map(
				(value) => withDefaults({ ...defaults, [choice.name]: value }),
			),
		),
	];
}

const pairs = resources.flatMap(({ resource, properties }) =>
	((properties.find((property) => property.name === 'operation')?.options ?? []) as INodePropertyOptions[]).map(
		(option) => [resource.value, String(option.value)] as const,
	),
);

describe('the shared description', () => {
	test.each(pairs)('%s → %s shows the same fields, in the same order, as its own operation file', (resource, operation) => {
		for (const parameters of scenarios(resource, operation)) {
			const own = view(unshared, parameters);
			expect(own.length).toBeGreaterThan(0);
			expect(view(shared, parameters)).toEqual(own);
		}
	});

	test.each(pairs)('%s → %s: n8n keeps the same parameters of a node with every field and option set', (resource, operation) => {
		for (const parameters of scenarios(resource, operation)) {
			const values: INodeParameters = { ...parameters };
			for (const property of view(unshared, parameters)) {
				if (property.type !== 'collection') continue;
				values[property.name] = Object.fromEntries((property.options as INodeProperties[]).map((option) => [option.name, option.default]));
			}
			// what n8n's Workflow does with a node's parameters when it loads a workflow
			const kept = (properties: INodeProperties[]) => NodeHelpers.getNodeParameters([resourceSelector, ...properties], values, true, false, null, null);
			expect(kept(shared.filter((property) => property.displayOptions?.show?.resource !== undefined))).toEqual(kept(unshared));
		}
	});

	test('fields alike across resources are one property: Return All, Limit and Pages in Parallel once each', () => {
		for (const name of ['returnAll', 'limit', 'pagesInParallel']) {
			const properties = shared.filter((property) => property.name === name);
			expect(properties).toHaveLength(1);
			expect(properties[0].displayOptions?.show?.operation).toEqual(['getAll']);
		}
	});

	test('one Additional Fields collection serves the create, upload and track operations alike', () => {
		const collections = shared.filter((property) => property.name === 'additionalFields');
		expect(unshared.filter((property) => property.name === 'additionalFields').length).toBeGreaterThan(15);
		// create-like and upload operations need two (Analysis has Create without it); the rest differ in label
		// (Template Fields, Overrides) or are shown only for some choices (Provider Type, Events From)
		expect(collections.length).toBeLessThanOrEqual(6);
		const trackQuery = collections.filter((property) => isShownFor(property.displayOptions?.show, 'userBehaviorInsights', 'trackQuery', ''));
		expect(trackQuery).toHaveLength(1);
		expect(trackQuery[0].displayOptions?.show?.resource).toEqual(expect.arrayContaining(['corpus', 'evaluation', 'userBehaviorInsights']));
	});

	test('the node has far fewer properties than its operations define', () => {
		expect(unshared.length).toBeGreaterThan(240);
		expect(shared.length).toBeLessThan(150);
	});
});

describe('rectangles', () => {
	const existing = new Map([
		['a', new Set(['create', 'get', 'upload'])],
		['b', new Set(['create', 'upload'])],
		['c', new Set(['create', 'get'])],
	]);
	const pairsOf = (...list: string[]) => new Set(list);

	test('pairs that form a product are one rectangle', () => {
		expect(rectangles(pairsOf('a create', 'b create', 'a upload', 'b upload'), existing)).toEqual([
			{ resources: ['a', 'b'], operations: ['create', 'upload'] },
		]);
	});

	test('a rectangle may span pairs that do not exist, never an existing pair outside the set', () => {
		// c has no upload, so (c, upload) may be covered; a has get, so (a, get) must not be
		expect(rectangles(pairsOf('a create', 'c create', 'a upload', 'c get'), existing)).toEqual([
			{ resources: ['a', 'c'], operations: ['create', 'upload'] },
			{ resources: ['c'], operations: ['get'] },
		]);
	});
});

describe('shareProperties', () => {
	const selector = (resource: string, operations: string[]): INodeProperties => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		default: operations[0],
		displayOptions: { show: { resource: [resource] } },
		options: operations.map((value) => ({ name: value, value })),
	});
	const field = (name: string, resource: string, operation: string): INodeProperties => ({
		displayName: name,
		name,
		type: 'string',
		default: '',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	});

	test('alike fields are one property unless that would change the order an operation shows them in', () => {
		const properties = shareProperties([
			selector('a', ['one']),
			selector('b', ['two']),
			field('x', 'a', 'one'),
			field('y', 'a', 'one'),
			field('y', 'b', 'two'),
			field('x', 'b', 'two'),
		]);
		const fields = properties.filter((property) => property.name !== 'operation');
		// x and y cannot both be shared: a shows x before y and b shows y before x (x, first, is shared)
		expect(fields.map((property) => property.name).sort()).toEqual(['x', 'y', 'y']);
		for (const [resource, operation, order] of [['a', 'one', ['x', 'y']], ['b', 'two', ['y', 'x']]] as const) {
			expect(view(fields, { resource, operation }).map((property) => property.name)).toEqual(order);
		}
	});

	test("a collection's options keep their own conditions beside the resource and operation", () => {
		const collection = (resource: string, operation: string, options: INodeProperties[]): INodeProperties => ({
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			default: {},
			displayOptions: { show: { resource: [resource], operation: [operation] } },
			options,
		});
		const option = (name: string, show?: Show): INodeProperties => ({ displayName: name, name, type: 'string', default: '', ...(show ? { displayOptions: { show } } : {}) });
		const [, , shell] = shareProperties([
			selector('a', ['one']),
			selector('b', ['two']),
			collection('a', 'one', [option('p'), option('q', { '/kind': ['k'] })]),
			collection('b', 'two', [option('p')]),
		]);
		expect(shell.displayOptions).toEqual({ show: { resource: ['a', 'b'], operation: ['one', 'two'] } });
		expect(shell.options).toEqual([
			option('p', { '/resource': ['a', 'b'], '/operation': ['one', 'two'] }),
			option('q', { '/resource': ['a'], '/operation': ['one'], '/kind': ['k'] }),
		]);
	});
});
