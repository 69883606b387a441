import { NodeHarness } from './harness';
import { startMockReleval, DEFAULT_CLIENT } from './mock/server';

test('smoke', async () => {
	const mock = await startMockReleval();
	const harness = new NodeHarness({ baseUrl: mock.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret });
	const created = await harness.run({ resource: 'evaluation', operation: 'create', name: 'E1', endpointId: { __rl: true, mode: 'id', value: 'ep1' }, querySetId: { __rl: true, mode: 'id', value: 'qs1' }, queryTemplateId: { __rl: true, mode: 'id', value: 'qt1' } });
	console.log(JSON.stringify(created), JSON.stringify(mock.requests.map(r => [r.method, r.path, r.status, r.contractViolations])));
	const list = await harness.run({ resource: 'evaluation', operation: 'getAll', returnAll: true });
	console.log(JSON.stringify(list));
	await mock.stop();
});
