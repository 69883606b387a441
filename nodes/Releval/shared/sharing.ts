import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/*
 * Why the node's properties are shared across resources and operations: n8n's declarative engine (n8n-core's
 * RoutingNode) walks every top-level property twice per item, and for each it first resolves the parameter of the
 * property's *name* — every expression in it — and only then checks whether the property is shown. A name that N
 * properties carry has its expressions evaluated 2N times per item (bench part 8 measures it). So:
 *  - properties that differ only in which resources and operations show them become one property shown for all;
 *  - an "Additional Fields"-style collection becomes one collection whose options carry their own resource and
 *    operation conditions (`/resource`, `/operation`), so every operation's collection of that name is one property.
 * What each operation shows, and in which order, and the parameters n8n keeps of it do not change
 * (test/shared/sharing.test.ts compares every operation, for each value of its choices).
 * (Writing "shown for values V of a choice" as "hidden for the others" would share more, but n8n fills in the
 * defaults of hidden choices when it decides what to keep, so it drops such a property's values: not done.)
 *
 * n8n's display conditions are a conjunction over parameters, so a property shown for some (resource, operation)
 * pairs is shown for `resource ∈ R and operation ∈ O`; when no such R × O holds exactly its pairs (and no other
 * existing operation), the property is written once per rectangle of a small exact cover.
 */

type Pair = string;
const pairOf = (resource: string, operation: string): Pair => `${resource} ${operation}`;
const splitPair = (pair: Pair) => pair.split(' ') as [string, string];

interface Entry {
	index: number;
	/** The property without its resource and operation conditions (a collection: without its options). */
	property: INodeProperties;
	pairs: Set<Pair>;
	/** Entries with the same key can be one property; none when the property holds a function. */
	key?: string;
	options: Array<{ option: INodeProperties; pairs: Set<Pair> }>;
}

interface Rectangle {
	resources: string[];
	operations: string[];
}

/** A value's identity for sharing; none when it holds a function (never shared). */
function sharingKey(value: unknown): string | undefined {
	let hasFunction = false;
	const key = JSON.stringify(value, (_, part: unknown) => {
		if (typeof part === 'function') hasFunction = true;
		return part;
	});
	return hasFunction ? undefined : key;
}

const isOperationSelector = (property: INodeProperties) => property.name === 'operation';

/** Which operations each resource has, from the Operation dropdowns. */
function operationsByResource(selectors: INodeProperties[]): Map<string, Set<string>> {
	const existing = new Map<string, Set<string>>();
	for (const selector of selectors) {
		for (const resource of selector.displayOptions?.show?.resource ?? []) {
			const values = (selector.options as INodePropertyOptions[]).map((option) => String(option.value));
			existing.set(String(resource), new Set(values));
		}
	}
	return existing;
}

function withoutResourceAndOperation(displayOptions: IDisplayOptions | undefined): IDisplayOptions | undefined {
	if (!displayOptions) return undefined;
	const { resource: _resource, operation: _operation, ...show } = displayOptions.show ?? {};
	const rest: IDisplayOptions = { ...displayOptions, show };
	if (Object.keys(show).length === 0) delete rest.show;
	return Object.keys(rest).length ? rest : undefined;
}

function toEntry(property: INodeProperties, index: number): Entry {
	const show = property.displayOptions?.show ?? {};
	const resources = (show.resource ?? []) as string[];
	const operations = (show.operation ?? []) as string[];
	if (resources.length === 0 || operations.length === 0) {
		throw new Error(`Property "${property.name}" is not shown for a resource and operation`);
	}
	const pairs = new Set(resources.flatMap((resource) => operations.map((operation) => pairOf(resource, operation))));
	const displayOptions = withoutResourceAndOperation(property.displayOptions);
	const bare: INodeProperties = { ...property };
	delete bare.displayOptions;
	if (displayOptions) bare.displayOptions = displayOptions;
	const isCollection = property.type === 'collection' && !property.typeOptions?.multipleValues;
	if (!isCollection) return { index, property: bare, pairs, key: sharingKey(bare), options: [] };
	const shell = { ...bare, options: [] };
	const options = (property.options as INodeProperties[]).map((option) => ({ option, pairs }));
	return { index, property: shell, pairs, key: sharingKey(shell), options };
}

/** Is every existing (resource, operation) of the rectangle among the pairs? */
function isExact(rectangle: { resources: Set<string>; operations: Set<string> }, pairs: Set<Pair>, existing: Map<string, Set<string>>): boolean {
	for (const resource of rectangle.resources) {
		for (const operation of rectangle.operations) {
			if (existing.get(resource)?.has(operation) && !pairs.has(pairOf(resource, operation))) return false;
		}
	}
	return true;
}

/** A small set of R × O rectangles showing exactly the pairs among the existing operations (greedy merging). */
export function rectangles(pairs: Set<Pair>, existing: Map<string, Set<string>>): Rectangle[] {
	const byOperation = new Map<string, Set<string>>();
	for (const pair of pairs) {
		const [resource, operation] = splitPair(pair);
		if (!byOperation.has(operation)) byOperation.set(operation, new Set());
		byOperation.get(operation)!.add(resource);
	}
	const cover = [...byOperation].map(([operation, resources]) => ({ resources, operations: new Set([operation]) }));
	for (let merged = true; merged; ) {
		merged = false;
		search: for (let i = 0; i < cover.length; i++) {
			for (let j = i + 1; j < cover.length; j++) {
				const candidate = {
					resources: new Set([...cover[i].resources, ...cover[j].resources]),
					operations: new Set([...cover[i].operations, ...cover[j].operations]),
				};
				if (isExact(candidate, pairs, existing)) {
					cover[i] = candidate;
					cover.splice(j, 1);
					merged = true;
					break search;
				}
			}
		}
	}
	return cover.map(({ resources, operations }) => ({ resources: [...resources].sort(), operations: [...operations].sort() }));
}

/** Which merged node must come before which, from each pair's properties in order; none if a pair shows one twice. */
function precedence(nodeOf: number[], sequences: number[][]): Map<number, Set<number>> | undefined {
	const successors = new Map<number, Set<number>>();
	for (const sequence of sequences) {
		for (let i = 1; i < sequence.length; i++) {
			const from = nodeOf[sequence[i - 1]];
			const to = nodeOf[sequence[i]];
			if (from === to) return undefined;
			if (!successors.has(from)) successors.set(from, new Set());
			successors.get(from)!.add(to);
		}
	}
	return successors;
}

/** The nodes in an order every pair keeps (earliest first where it leaves a choice); none if there is a cycle. */
function displayOrder(nodes: number[], successors: Map<number, Set<number>>): number[] | undefined {
	const predecessors = new Map(nodes.map((node) => [node, 0]));
	for (const next of successors.values()) for (const node of next) predecessors.set(node, predecessors.get(node)! + 1);
	const order: number[] = [];
	const ready = nodes.filter((node) => predecessors.get(node) === 0);
	while (ready.length) {
		const node = Math.min(...ready);
		ready.splice(ready.indexOf(node), 1);
		order.push(node);
		for (const next of successors.get(node) ?? []) {
			predecessors.set(next, predecessors.get(next)! - 1);
			if (predecessors.get(next) === 0) ready.push(next);
		}
	}
	return order.length === nodes.length ? order : undefined;
}

/** Merges entries of the same key where every pair keeps its order; returns groups of entries in display order. */
function mergeKeepingOrder(entries: Entry[]): Entry[][] {
	const byPair = new Map<Pair, number[]>();
	for (const entry of entries) {
		for (const pair of entry.pairs) {
			if (!byPair.has(pair)) byPair.set(pair, []);
			byPair.get(pair)!.push(entry.index);
		}
	}
	const sequences = [...byPair.values()];
	const orderOf = (nodeOf: number[]) => {
		const successors = precedence(nodeOf, sequences);
		return successors && displayOrder([...new Set(nodeOf)], successors);
	};
	const nodeOf = entries.map((entry) => entry.index);
	const byKey = new Map<string, number[]>();
	for (const entry of entries) {
		if (entry.key === undefined) continue;
		if (!byKey.has(entry.key)) byKey.set(entry.key, []);
		byKey.get(entry.key)!.push(entry.index);
	}
	for (const members of byKey.values()) {
		if (members.length < 2) continue;
		const tentative = [...nodeOf];
		for (const member of members) tentative[member] = members[0];
		if (orderOf(tentative)) members.forEach((member) => (nodeOf[member] = members[0]));
	}
	return orderOf(nodeOf)!.map((node) => entries.filter((entry) => nodeOf[entry.index] === node));
}

function shownFor(displayOptions: IDisplayOptions | undefined, rectangle: Rectangle, prefix: '' | '/'): IDisplayOptions {
	return {
		...displayOptions,
		show: { [`${prefix}resource`]: rectangle.resources, [`${prefix}operation`]: rectangle.operations, ...displayOptions?.show },
	};
}

/** The options of one collection shared by several operations, each shown for the operations that have it. */
function sharedOptions(members: Entry[], existing: Map<string, Set<string>>): INodeProperties[] {
	const groups: Array<{ option: INodeProperties; pairs: Set<Pair> }> = [];
	const byKey = new Map<string, { option: INodeProperties; pairs: Set<Pair> }>();
	for (const { option, pairs } of members.flatMap((member) => member.options)) {
		const key = sharingKey(option);
		const group = key === undefined ? undefined : byKey.get(key);
		if (group) {
			pairs.forEach((pair) => group.pairs.add(pair));
			continue;
		}
		const created = { option, pairs: new Set(pairs) };
		groups.push(created);
		if (key !== undefined) byKey.set(key, created);
	}
	return groups
		.flatMap(({ option, pairs }) =>
			rectangles(pairs, existing).map((rectangle) => ({ ...option, displayOptions: shownFor(option.displayOptions, rectangle, '/') })),
		)
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * The node's resource properties, shared: Operation dropdowns first (each shown for its resource), then every field
 * once per distinct definition, shown for every (resource, operation) that has it.
 */
export function shareProperties(properties: INodeProperties[]): INodeProperties[] {
	const selectors = properties.filter(isOperationSelector);
	const existing = operationsByResource(selectors);
	const entries = properties.filter((property) => !isOperationSelector(property)).map(toEntry);
	const shared = mergeKeepingOrder(entries).flatMap((members) => {
		const [first] = members;
		const pairs = new Set(members.flatMap((member) => [...member.pairs]));
		const options = first.property.type === 'collection' && first.options.length ? sharedOptions(members, existing) : undefined;
		return rectangles(pairs, existing).map((rectangle) => ({
			...first.property,
			...(options ? { options } : {}),
			displayOptions: shownFor(first.property.displayOptions, rectangle, ''),
		}));
	});
	return [...selectors, ...shared];
}
