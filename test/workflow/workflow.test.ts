import { buildNode, NODE_TYPE, nodeOutput, workflowInSequence, type WorkflowData } from '../harness';
import { byId, useMockReleval } from '../helpers';

/** Start → Get Many → Delete each → Delete each again (404s, continue on error). */
function cleanUpWorkflow(): WorkflowData {
	return workflowInSequence(
		buildNode(NODE_TYPE, { resource: 'evaluation', operation: 'getAll', returnAll: true }, { name: 'List' }),
		buildNode(NODE_TYPE, { resource: 'evaluation', operation: 'delete', evaluationId: byId('={{ $json.id }}') }, { name: 'Delete' }),
		buildNode(
			NODE_TYPE,
			{ resource: 'evaluation', operation: 'delete', evaluationId: byId('={{ $("List").item.json.id }}') },
			{ name: 'Delete Again', continueOnFail: true },
		),
	);
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
