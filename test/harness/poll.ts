import { PollContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { CREDENTIAL_ID, NodeHarness } from './index';

// By full name, like index.ts does for the action node: the codex file RelevalTrigger.node.json sits next to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RelevalTrigger } = require('../../nodes/RelevalTrigger/RelevalTrigger.node.ts') as typeof import('../../nodes/RelevalTrigger/RelevalTrigger.node');

/*
 * Runs the Releval Trigger's `poll()` the way n8n does, on n8n-core's public `PollContext`: requests go through
 * n8n's real HTTP and credential code, and the workflow's static data is kept between polls as n8n keeps it —
 * saved as JSON after a poll in trigger mode, not saved after a manual "Fetch Test Event".
 */

export const TRIGGER_NODE_TYPE = 'n8n-nodes-releval.relevalTrigger';

const trigger: INodeType = new RelevalTrigger();

const triggerNodeTypes: INodeTypes = {
	getByName: () => trigger,
	getByNameAndVersion: () => trigger,
	getKnownTypes: () => ({}),
} as INodeTypes;

export interface PollOptions {
	/** 'trigger' (an active workflow's poll, the default) or 'manual' (Fetch Test Event). */
	mode?: 'trigger' | 'manual';
}

export class PollHarness {
	/** The workflow's static data as n8n would have saved it (JSON). */
	staticData: IDataObject = {};

	constructor(readonly harness: NodeHarness) {}

	/** The trigger node with the given parameters, with n8n's defaults filled in as the editor would. */
	node(parameters: INodeParameters): INode {
		const node: INode = {
			id: 'releval-trigger-node',
			name: 'Releval Trigger',
			type: TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { relevalOAuth2Api: { id: CREDENTIAL_ID, name: 'Releval' } },
		};
		node.parameters =
			NodeHelpers.getNodeParameters(trigger.description.properties, parameters, true, false, node, trigger.description) ??
			parameters;
		return node;
	}

	/** One poll: the items the trigger emitted, or null when it emitted nothing. */
	async poll(parameters: INodeParameters, options: PollOptions = {}): Promise<INodeExecutionData[] | null> {
		const mode = options.mode ?? 'trigger';
		const node = this.node(parameters);
		const workflow = new Workflow({
			id: 'test-workflow',
			nodes: [node],
			connections: {},
			active: mode === 'trigger',
			nodeTypes: triggerNodeTypes,
			staticData: JSON.parse(JSON.stringify(this.staticData)) as IDataObject,
		});
		const context = new PollContext(
			workflow,
			node,
			this.harness.additionalData(),
			mode,
			mode === 'manual' ? 'manual' : 'activate',
		);
		const output = await trigger.poll!.call(context);
		if (mode === 'trigger') {
			const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			delete saved.__dataChanged;
			for (const value of Object.values(saved)) {
				if (value && typeof value === 'object') delete (value as IDataObject).__dataChanged;
			}
			this.staticData = saved;
		}
		return output ? output[0] : null;
	}

	/** What the trigger keeps for its node (`getWorkflowStaticData('node')`). */
	get nodeStaticData(): IDataObject {
		return (this.staticData['node:Releval Trigger'] ?? {}) as IDataObject;
	}
}
