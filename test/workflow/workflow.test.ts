import type { IConnections, INode } from 'n8n-workflow';

import { nodeOutput } from '../harness';
import { useMockReleval } from '../helpers';

/** Start → Get Many → Delete each → Delete each again (404s, continue on error). */
function cleanUpWorkflow(): { nodes: INode[]; connections: IConnections } {
	const node = (name: string, parameters: INode['parameters'], x: number, onError?: INode['onError']): INode => ({
		id: name,
		name,
		type: 'n8n-nodes-releval.releval',
		typeVersion: 1,
		position: [x, 0],
		parameters,
		onError,
	});
	const idOf = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
	return {
		nodes: [
			{ id: 'start', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
			node('List', { resource: 'evaluation', operation: 'getAll', returnAll: true }, 200),
			node('Delete', { resource: 'evaluation', operation: 'delete', evaluationId: idOf }, 400),
			node('Delete Again', { resource: 'evaluation', operation: 'delete', evaluationId: { ...idOf, value: '={{ $("List").item.json.id }}' } }, 600, 'continueRegularOutput'),
		],
		connections: {
			Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] },
			List: { main: [[{ node: 'Delete', type: 'main', index: 0 }]] },
			Delete: { main: [[{ node: 'Delete Again', type: 'main', index: 0 }]] },
		},
	};
}

describe('workflows (WorkflowExecute)', () => {
	const t = useMockReleval();

	test('a failing node set to continue yields error items and the workflow completes', async () => {
		for (let index = 0; index < 3; index++) {
			t.mock.state.evaluations.insert({ name: `E${index}`, endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' });
		}
		const run = await t.harness.runWorkflow(cleanUpWorkflow());
		expect(run.data.resultData.error).toBeUndefined();
		expect(nodeOutput(run, 'Delete')).toEqual([{ success: true }, { success: true }, { success: true }]);
		const again = nodeOutput(run, 'Delete Again');
		expect(again).toHaveLength(3);
		for (const item of again) {
			expect(item).toMatchObject({ error: 'Not Found', details: { httpCode: '404', problem: { status: 404 } } });
		}
		expect(t.mock.state.evaluations.all()).toHaveLength(0);
	});

	test('several executions share one token', async () => {
		for (let execution = 0; execution < 5; execution++) {
			t.mock.state.evaluations.insert({ name: 'E', endpoint_id: 'E', query_set_id: 'Q', query_template_id: 'T' });
			const run = await t.harness.runWorkflow(cleanUpWorkflow());
			expect(run.data.resultData.error).toBeUndefined();
		}
		expect(t.mock.tokenRequests).toHaveLength(1);
	});
});
