import { DirectoryLoader, ExecuteContext, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
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
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { RelevalOAuth2Api } from '../../credentials/RelevalOAuth2Api.credentials';
import { TestCredentialsHelper } from './credentials-helper';
import { n8nLine, unrefSshCleanupTimerOnN8n1 } from './n8n-line';

// Require the .ts file by its full name: Node's extension lookup (used by tsx) would otherwise pick the codex
// file Releval.node.json that sits next to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Releval } = require('../../nodes/Releval/Releval.node.ts') as typeof import('../../nodes/Releval/Releval.node');

/*
 * Runs the Releval node the way n8n does, on n8n-core's public exports: `RoutingNode` for one operation,
 * `WorkflowExecute` for workflow JSON. Requests go through n8n's real HTTP and credential code to a real
 * (loopback) server; only the credential store is ours.
 */

export const NODE_TYPE = 'n8n-nodes-releval.releval';
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

unrefSshCleanupTimerOnN8n1();

const nodeTypeInstances: Record<string, INodeType> = {
	[NODE_TYPE]: loadedReleval(),
	'test.start': new StartNode(),
};

export const nodeTypes: INodeTypes = {
	getByName: (name) => nodeTypeInstances[name],
	getByNameAndVersion: (name) => nodeTypeInstances[name],
	getKnownTypes: () => ({}),
} as INodeTypes;

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

	/** A Releval node with the given parameters, with n8n's defaults filled in as the editor would. */
	node(parameters: INodeParameters, continueOnFail = false): INode {
		const node: INode = {
			id: 'releval-node',
			name: 'Releval',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { relevalOAuth2Api: { id: CREDENTIAL_ID, name: 'Releval' } },
			...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		};
		const description = nodeTypeInstances[NODE_TYPE].description;
		node.parameters =
			NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ??
			parameters;
		return node;
	}

	/** Runs one operation through `RoutingNode` and returns its output items. */
	async run(parameters: INodeParameters, options: RunOptions = {}): Promise<INodeExecutionData[]> {
		const node = this.node(parameters, options.continueOnFail);
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const input = options.items ?? [{ json: {} }];
		const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
		const context = new ExecuteContext(
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
		const output = await new RoutingNode(context, nodeTypeInstances[NODE_TYPE]).runNode();
		return (output?.[0] ?? []) as INodeExecutionData[];
	}

	/** Runs workflow JSON (Start → Releval nodes …) through `WorkflowExecute`. */
	async runWorkflow(workflowData: Pick<IWorkflowBase, 'nodes' | 'connections'>): Promise<IRun> {
		const nodes = workflowData.nodes.map((node) =>
			node.type === NODE_TYPE
				? {
						...this.node(node.parameters, node.onError === 'continueRegularOutput'),
						name: node.name,
						id: node.id,
						onError: node.onError,
					}
				: node,
		);
		const workflow = new Workflow({
			id: 'test-workflow',
			nodes,
			connections: workflowData.connections,
			active: false,
			nodeTypes,
		});
		const additionalData = this.additionalData();
		additionalData.hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
			id: 'test-workflow',
			name: 'Test',
			nodes,
			connections: workflowData.connections,
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as unknown as IWorkflowBase);
		const start = nodes.find((node) => node.type === 'test.start');
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
