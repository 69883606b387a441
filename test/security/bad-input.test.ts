import type { INodeParameters } from 'n8n-workflow';

import { byId, failureOf, useMockReleval } from '../helpers';
import { binaryItem } from '../shared/binary';

/*
 * One invalid value per kind of parameter the node has: each stops the item with an error naming the
 * parameter, and the mock receives no request at all (not even a token request). Per-resource tests cover
 * the other fields; this file keeps the guarantee visible in one place.
 */

const evaluation = (fields: INodeParameters) => ({
	resource: 'evaluation',
	operation: 'create',
	name: 'E',
	endpointId: byId('EP'),
	querySetId: byId('QS'),
	queryTemplateId: byId('QT'),
	...fields,
});

const cases: Array<[kind: string, parameters: INodeParameters, message: string]> = [
	['JSON', { resource: 'queryTemplate', operation: 'create', name: 'T', additionalFields: { headers: '{"X-Key": ' } }, '"Headers" is not valid JSON'],
	['JSON of the wrong shape', { resource: 'queryTemplate', operation: 'create', name: 'T', additionalFields: { headers: '["a"]' } }, '"Headers" must be a JSON object'],
	['number', { resource: 'aiJudge', operation: 'create', name: 'J', aiProviderId: byId('P'), model: 'm', promptTemplate: 'p', additionalFields: { batchSize: 0 } }, '"Batch Size" must be a whole number at least 1'],
	['enum (from an expression)', { resource: 'judgmentList', operation: 'upload', name: 'L', corpusId: byId('C'), type: '={{ "guessed" }}', scale: 'graded' }, '"Type"'],
	['ID', { resource: 'evaluation', operation: 'get', evaluationId: byId('') }, '"Evaluation" is required'],
	['required text', evaluation({ name: '   ' }), '"Name" is required'],
	['date', { resource: 'userBehaviorInsights', operation: 'trackQuery', application: 'shop', userQuery: 'shoes', additionalFields: { timestamp: 'yesterday' } }, '"Timestamp" must be an ISO 8601 date and time'],
	['binary field', { resource: 'querySet', operation: 'upload', name: 'Q', binaryPropertyName: 'nope' }, 'nope'],
];

describe('bad input is stopped before anything is sent', () => {
	const t = useMockReleval();

	test.each(cases)('%s', async (_kind, parameters, message) => {
		const error = await failureOf(t.harness.run(parameters, { items: [binaryItem('red shoes\n', 'queries.txt')] }));
		expect(error.message).toContain(message);
		expect(t.mock.requests).toHaveLength(0);
	});
});

describe('unusual but valid text passes through intact', () => {
	const t = useMockReleval();

	test('Unicode (accents, CJK, emoji, right-to-left, combining marks) arrives byte for byte', async () => {
		const name = 'Évaluation — 検索品質 🔍 مرحبا e\u0301 \u{1F469}\u200D\u{1F52C}';
		const [item] = await t.harness.run(evaluation({ name }));
		expect(t.mock.apiRequests[0].body).toMatchObject({ name });
		expect(item.json.name).toBe(name);
	});

	test('a 1 MB description arrives whole', async () => {
		const description = 'relevance '.repeat(100_000);
		await t.harness.run(evaluation({ additionalFields: { description } }));
		expect((t.mock.apiRequests[0].body as { description: string }).description).toBe(description);
	});
});
