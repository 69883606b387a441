import { PollContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { buildNode, NodeHarness, nodeTypes, TRIGGER_NODE_TYPE } from './index';

/*
 * Runs the Releval Trigger's `poll()` the way n8n does, on n8n-core's public `PollContext`: requests go through
 * n8n's real HTTP and credential code, and the workflow's static data is kept between polls as n8n keeps it —
 * saved as JSON after a poll in trigger mode, not saved after a manual "Fetch Test Event".
 */

const trigger = nodeTypes.getByName(TRIGGER_NODE_TYPE) as INodeType;

export interface PollOptions {
	/** 'trigger' (an active workflow's poll, the default) or 'manual' (Fetch Test Event). */
	mode?: 'trigger' | 'manual';
}

export class PollHarness {
	/** The workflow's static data as n8n would have saved it (JSON). */
	staticData: IDataObject = {};

	constructor(readonly harness: NodeHarness) {}

	/** The trigger node with the given parameters (see `buildNode`). */
	node(parameters: INodeParameters): INode {
		return buildNode(TRIGGER_NODE_TYPE, parameters);
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
			nodeTypes,
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
