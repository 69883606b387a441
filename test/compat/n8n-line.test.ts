import { NodeOperationError } from 'n8n-workflow';

import { buildNode, NodeHarness, START_NODE_TYPE } from '../harness';
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
		const harness = new NodeHarness({ baseUrl: 'http://127.0.0.1:9', clientId: 'id', clientSecret: 'secret' });
		const context = harness.executeContext(buildNode(START_NODE_TYPE));
		// thrown by n8n-core: the start node declares no credentials
		const error = await context.getCredentials('relevalOAuth2Api', 0).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeOperationError);
	});
});
