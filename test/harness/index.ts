import {
	CustomDirectoryLoader,
	DirectoryLoader,
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import {
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type IWorkflowBase,
	type IConnections,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { RelevalOAuth2Api } from '../../credentials/RelevalOAuth2Api.credentials';
import { TestCredentialsHelper } from './credentials-helper';
import { n8nLine, unrefSshCleanupTimerOnN8n1 } from './n8n-line';

// Require the .ts files by their full names: Node's extension lookup (used by tsx) would otherwise pick the codex
// files (Releval.node.json, RelevalTrigger.node.json) that sit next to them.
/* eslint-disable @typescript-eslint/no-require-imports */
const { Releval } = require('../../nodes/Releval/Releval.node.ts') as typeof import('../../nodes/Releval/Releval.node');
const { RelevalTrigger } = require('../../nodes/RelevalTrigger/RelevalTrigger.node.ts') as typeof import('../../nodes/RelevalTrigger/RelevalTrigger.node');
/* eslint-enable @typescript-eslint/no-require-imports */

/*
 * Runs the Releval node the way n8n does, on n8n-core's public exports: `RoutingNode` for one operation,
 * `WorkflowExecute` for workflow JSON. Requests go through n8n's real HTTP and credential code to a real
 * (loopback) server; only the credential store is ours.
 */

export const NODE_TYPE = 'n8n-nodes-releval.releval';
export const TRIGGER_NODE_TYPE = 'n8n-nodes-releval.relevalTrigger';
export const START_NODE_TYPE = 'test.start';
export const CREDENTIAL_ID = 'releval-credential-1';

/** The smallest start node: emits one empty item, like n8n's Manual Trigger. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Starts the test workflow',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}

/** The node as n8n loads it: the loader adds the "Options" every declarative node gets (timeout, proxy, batching). */
function loadedReleval(): INodeType {
	const node = new Releval();
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

/**
 * The trigger as n8n loads it: the loader gives polling nodes the "Poll Times" parameter. (The loader's method is
 * private; the bracket access keeps the tests on n8n's own definition of that parameter.)
 */
function loadedTrigger(): INodeType {
	const trigger = new RelevalTrigger();
	new CustomDirectoryLoader(__dirname)['applySpecialNodeParameters'](trigger);
	return trigger;
}

unrefSshCleanupTimerOnN8n1();

const nodeTypeInstances: Record<string, INodeType> = {
	[NODE_TYPE]: loadedReleval(),
	[TRIGGER_NODE_TYPE]: loadedTrigger(),
	[START_NODE_TYPE]: new StartNode(),
};

export const nodeTypes: INodeTypes = {
	getByName: (name) => nodeTypeInstances[name],
	getByNameAndVersion: (name) => nodeTypeInstances[name],
	getKnownTypes: () => ({}),
} as INodeTypes;

export interface NodeOptions {
	/** The node's name (default: its type's default name, e.g. "Releval"). */
	name?: string;
	/** Node setting "On Error: Continue". */
	continueOnFail?: boolean;
}

/**
 * The one way the tests build a node: as the editor saves it, with n8n's defaults filled in for the parameters
 * these settings show, and on the harness's Releval credential when its type uses one.
 */
export function buildNode(type: string, parameters: INodeParameters = {}, options: NodeOptions = {}): INode {
	const { description } = nodeTypeInstances[type];
	const name = options.name ?? description.defaults.name ?? description.displayName;
	const node: INode = {
		id: name,
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...(description.credentials?.length ? { credentials: { relevalOAuth2Api: { id: CREDENTIAL_ID, name: 'Releval' } } } : {}),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	node.parameters =
		NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? parameters;
	return node;
}

/** What `runWorkflow` runs: nodes from `buildNode` and their connections. */
export type WorkflowData = Pick<IWorkflowBase, 'nodes' | 'connections'>;

/** A workflow of a start node followed by `nodes`, each connected to the one before it. */
export function workflowInSequence(...nodes: INode[]): WorkflowData {
	const all = [buildNode(START_NODE_TYPE), ...nodes];
	const connections: IConnections = {};
	all.slice(1).forEach((node, index) => {
		connections[all[index].name] = { main: [[{ node: node.name, type: NodeConnectionTypes.Main, index: 0 }]] };
	});
	return { nodes: all, connections };
}

export interface CredentialSettings {
	baseUrl: string;
	clientId: string;
	clientSecret: string;
	[key: string]: unknown;
}

export interface RunOptions {
	/** Input items (default: one empty item). */
	items?: INodeExecutionData[];
	/** Node setting "On Error: Continue". */
	continueOnFail?: boolean;
}

export class NodeHarness {
	readonly credentialsHelper = new TestCredentialsHelper({ relevalOAuth2Api: new RelevalOAuth2Api() });

	constructor(settings: CredentialSettings) {
		this.credentialsHelper.save(CREDENTIAL_ID, settings as ICredentialDataDecryptedObject);
	}

	/** What n8n would have stored for the credential (including the cached token). */
	get storedCredential(): ICredentialDataDecryptedObject {
		return this.credentialsHelper.stored(CREDENTIAL_ID);
	}

	additionalData(): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentialsHelper,
			executionId: 'test-execution',
			currentNodeParameters: undefined,
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678/',
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
			variables: {},
			userId: 'test-user',
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** A Releval node with the given parameters (see `buildNode`). */
	node(parameters: INodeParameters, continueOnFail = false): INode {
		return buildNode(NODE_TYPE, parameters, { continueOnFail });
	}

	/** What n8n gives `node` when it executes it on `input` in a manual execution. */
	executeContext(node: INode, input: INodeExecutionData[] = [{ json: {} }]): ExecuteContext {
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
		return new ExecuteContext(
			workflow,
			node,
			this.additionalData(),
			'manual',
			runExecutionData,
			0,
			input,
			{ main: [input] },
			{ data: { main: [input] }, node, source: null },
			[],
		);
	}

	/**
	 * What n8n gives a list search or load-options method of a Releval node with these parameters, for the
	 * parameter at `path`; the node's current parameters go along, as the editor sends them.
	 */
	loadOptionsContext(parameters: INodeParameters, path: string): LoadOptionsContext {
		const node = this.node(parameters);
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const additionalData = this.additionalData();
		additionalData.currentNodeParameters = node.parameters;
		return new LoadOptionsContext(workflow, node, additionalData, path);
	}

	/** Runs one operation through `RoutingNode` and returns its output items. */
	async run(parameters: INodeParameters, options: RunOptions = {}): Promise<INodeExecutionData[]> {
		const context = this.executeContext(this.node(parameters, options.continueOnFail), options.items);
		const output = await new RoutingNode(context, nodeTypeInstances[NODE_TYPE]).runNode();
		return (output?.[0] ?? []) as INodeExecutionData[];
	}

	/** Runs a workflow (nodes from `buildNode`, e.g. `workflowInSequence(…)`) through `WorkflowExecute`. */
	async runWorkflow({ nodes, connections }: WorkflowData): Promise<IRun> {
		const workflow = new Workflow({
			id: 'test-workflow',
			nodes,
			connections,
			active: false,
			nodeTypes,
		});
		const additionalData = this.additionalData();
		additionalData.hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
			id: 'test-workflow',
			name: 'Test',
			nodes,
			connections,
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as unknown as IWorkflowBase);
		const start = nodes.find((node) => node.type === START_NODE_TYPE);
		const workflowExecute = new WorkflowExecute(additionalData, 'manual');
		if (n8nLine === 1) {
			// n8n-core 1.x: run(workflow, startNode, …) takes its arguments one by one; 2.x takes one object.
			const runOnN8n1 = workflowExecute.run as unknown as (workflow: Workflow, startNode?: INode) => Promise<IRun>;
			return await runOnN8n1.call(workflowExecute, workflow, start);
		}
		return await workflowExecute.run({ workflow, startNode: start });
	}
}

/** Output JSON of a node in a workflow run, by node name. */
export function nodeOutput(run: IRun, nodeName: string): IDataObject[] {
	const task = run.data.resultData.runData[nodeName]?.[0];
	return (task?.data?.main?.[0] ?? []).map((item) => item.json);
}

export { TestCredentialsHelper };
