import { DirectoryLoader, ExecuteContext, RoutingNode } from 'n8n-core';
import { Workflow, type INodeExecutionData, type INodeType, type INodeTypes, type IRunExecutionData } from 'n8n-workflow';

import type { MockProcess } from '../lib/mock';
import { interleave, summarise, type Summary } from '../lib/stats';
import { newHarness } from '../lib/subjects';
import { shownProperties, TRACK_QUERY_PARAMETERS } from '../lib/trackQuery';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resources } = require('../../nodes/Releval/resources/index.ts') as typeof import('../../nodes/Releval/resources');

// Require the .ts file by its full name (see test/harness/index.ts: a codex file of the same name sits next to it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Releval } = require('../../nodes/Releval/Releval.node.ts') as typeof import('../../nodes/Releval/Releval.node');

/*
 * Part 8: what the node's description costs n8n's declarative engine per execution, in n8n-core (this process, the
 * mock in its own). n8n-core's RoutingNode walks every top-level property of the description twice per item
 * (runNode, then resolveBaseUrl): for each it reads the parameter of that *name* from the node, resolves it — every
 * expression in it — and evaluates the property's display conditions, whether or not the property is shown.
 * A property name that many operations define (additionalFields…) makes the engine evaluate that parameter's
 * expressions once per property of that name, twice.
 *
 * The UBI Track Query of the webhook flow, one item, four descriptions, interleaved:
 *   perOperation   — every operation's fields as its own properties (the node before shared/sharing.ts);
 *   asShipped      — the node as published (properties shared across resources and operations);
 *   oneOfEachName  — properties hidden for Track Query whose name is also used by a shown one dropped (what
 *                    defining each field once would give this operation);
 *   shownOnly      — only the properties shown for Track Query (the least the engine can walk).
 * Per execution: CPU time of this process (engine + request; the mock's CPU is not in it) and the number of
 * expressions n8n evaluated.
 */

const VARIANTS = ['perOperation', 'asShipped', 'oneOfEachName', 'shownOnly'] as const;
type Variant = (typeof VARIANTS)[number];

export interface NodeCostResult {
	executionsPerRound: number;
	rounds: number;
	properties: Record<Variant, number>;
	/** Top-level property names used more than once in the shipped description, with their count. */
	repeatedNames: Record<string, number>;
	expressionsPerExecution: Record<Variant, number>;
	/** Of those, evaluated by the package's own code (the rest by n8n's engine). */
	expressionsByPackagePerExecution: Record<Variant, number>;
	/** CPU ms per execution of this process, per round. */
	cpuMsPerExecution: Record<Variant, Summary>;
	/** CPU ms per execution the published description saves over perOperation, and the others over it. */
	savedCpuMsPerExecution: Record<Exclude<Variant, 'asShipped'>, Summary>;
}

function loaded(): INodeType {
	const node = new Releval();
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

export async function nodeCost(mock: MockProcess, executionsPerRound: number, rounds: number): Promise<NodeCostResult> {
	const harness = newHarness(mock.url);
	const shipped = loaded();
	const node = harness.node(TRACK_QUERY_PARAMETERS);
	const shown = shownProperties(shipped.description, node.parameters);
	const shownNames = new Set(shown.map((property) => property.name));
	const withProperties = (properties: INodeType['description']['properties']): INodeType => ({
		...shipped,
		description: { ...shipped.description, properties },
	});
	const resourceProperties = resources.flatMap(({ properties }) => properties);
	const variants: Record<Variant, INodeType> = {
		perOperation: withProperties([
			...shipped.description.properties.filter((property) => property.displayOptions?.show?.resource === undefined),
			...resourceProperties,
		]),
		asShipped: shipped,
		oneOfEachName: withProperties(
			shipped.description.properties.filter((property) => shown.includes(property) || !shownNames.has(property.name)),
		),
		shownOnly: withProperties(shown),
	};
	const repeatedNames: Record<string, number> = {};
	for (const property of shipped.description.properties) repeatedNames[property.name] = (repeatedNames[property.name] ?? 0) + 1;
	for (const name of Object.keys(repeatedNames)) if (repeatedNames[name] < 2) delete repeatedNames[name];

	const input: INodeExecutionData[] = [{ json: { body: { query: 'wireless headphones', clientId: 'visitor-42', results: ['SKU-1', 'SKU-2', 'SKU-3'] } } }];
	const expressions = Object.fromEntries(VARIANTS.map((variant) => [variant, 0])) as Record<Variant, number>;
	const expressionsByPackage = { ...expressions };
	const runOnce = async (variant: Variant, count: boolean) => {
		const nodeType = variants[variant];
		const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		if (count) {
			// every expression n8n evaluates passes through here (plain values return at once)
			const expression = workflow.expression as unknown as { resolveSimpleParameterValue: (value: unknown, ...rest: unknown[]) => unknown };
			const original = expression.resolveSimpleParameterValue.bind(expression);
			expression.resolveSimpleParameterValue = (value: unknown, ...rest: unknown[]) => {
				if (typeof value === 'string' && value.startsWith('=')) {
					expressions[variant]++;
					// whose call: the package's code (pre-send steps reading parameters) or n8n's engine walking properties
					if (/[/\\]nodes[/\\](Releval|shared)[/\\]/.test(new Error().stack ?? '')) expressionsByPackage[variant]++;
				}
				return original(value, ...rest);
			};
		}
		const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
		const context = new ExecuteContext(workflow, node, harness.additionalData(), 'webhook', runExecutionData, 0, input, { main: [input] }, { data: { main: [input] }, node, source: null }, []);
		const output = await new RoutingNode(context, nodeType).runNode();
		const answer = output?.[0]?.[0]?.json as { query_id?: string } | undefined;
		if (!answer?.query_id) throw new Error(`Track Query (${variant}) returned no query_id: ${JSON.stringify(output).slice(0, 300)}`);
	};
	for (const variant of VARIANTS) await runOnce(variant, true);
	const cpu = await interleave(
		Object.fromEntries(
			VARIANTS.map((variant) => [
				variant,
				async () => {
					const before = process.cpuUsage();
					for (let execution = 0; execution < executionsPerRound; execution++) await runOnce(variant, false);
					const used = process.cpuUsage(before);
					return (used.user + used.system) / 1000 / executionsPerRound;
				},
			]),
		) as Record<Variant, () => Promise<number>>,
		rounds,
		{ warmup: 1 },
	);
	const saved = (from: Variant, to: Variant) => summarise(cpu[from].map((value, index) => value - cpu[to][index]));
	return {
		executionsPerRound,
		rounds,
		properties: Object.fromEntries(VARIANTS.map((variant) => [variant, variants[variant].description.properties.length])) as Record<Variant, number>,
		repeatedNames,
		expressionsPerExecution: expressions,
		expressionsByPackagePerExecution: expressionsByPackage,
		cpuMsPerExecution: Object.fromEntries(VARIANTS.map((variant) => [variant, summarise(cpu[variant])])) as Record<Variant, Summary>,
		savedCpuMsPerExecution: {
			perOperation: saved('perOperation', 'asShipped'),
			oneOfEachName: saved('asShipped', 'oneOfEachName'),
			shownOnly: saved('asShipped', 'shownOnly'),
		},
	};
}
