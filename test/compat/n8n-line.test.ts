import { ExecuteContext } from 'n8n-core';
import { NodeOperationError, Workflow, type INode, type IRunExecutionData } from 'n8n-workflow';

import { NodeHarness, nodeTypes } from '../harness';
import { n8nCoreVersion, n8nLine, n8nWorkflowVersion } from '../harness/n8n-line';

/*
 * Guards the set-up the other suites rely on (jest.config.js runs some of them on n8n 1.x as well): the loaded
 * n8n-core and n8n-workflow are a matching pair, and n8n-core uses the same n8n-workflow as the node — with two
 * copies, n8n's errors would fail the node's instanceof checks.
 */
describe(`the n8n the tests run on (n8n-core ${n8nCoreVersion})`, () => {
	test('n8n-core and n8n-workflow are the pair n8n ships together', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const core = require('n8n-core/package.json') as { dependencies: Record<string, string> };
		expect(core.dependencies['n8n-workflow']).toBe(n8nWorkflowVersion);
		expect([1, 2]).toContain(n8nLine);
	});

	test("n8n-core throws the node's own n8n-workflow error classes", async () => {
		const node: INode = { id: 'start', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const harness = new NodeHarness({ baseUrl: 'http://127.0.0.1:9', clientId: 'id', clientSecret: 'secret' });
		const input = [{ json: {} }];
		const context = new ExecuteContext(
			workflow,
			node,
			harness.additionalData(),
			'manual',
			{ resultData: { runData: {} } } as unknown as IRunExecutionData,
			0,
			input,
			{ main: [input] },
			{ data: { main: [input] }, node, source: null },
			[],
		);
		// thrown by n8n-core: the start node declares no credentials
		const error = await context.getCredentials('relevalOAuth2Api', 0).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeOperationError);
	});
});
