import type { INodeOutputConfiguration } from 'n8n-workflow';

/**
 * The node's outputs: one, or "Passed" and "Regressed" when Compare routes regressions to a second output. An
 * expression over the node's parameters, as n8n's Switch and Evaluation nodes do (n8n evaluates it for the canvas
 * and for the run). On Regression takes no expression, so the number of outputs never depends on an item.
 */
const TWO_OUTPUTS: INodeOutputConfiguration[] = [
	{ type: 'main', displayName: 'Passed' },
	{ type: 'main', displayName: 'Regressed' },
];

export const RELEVAL_OUTPUTS =
	`={{ $parameter.resource === "evaluationRun" && $parameter.operation === "compare" && $parameter.onRegression === "secondOutput" ? ${JSON.stringify(TWO_OUTPUTS)} : ["main"] }}` as const;
