import type { INodeParameters } from 'n8n-workflow';

import { byId, failureOf, useMockReleval } from '../../helpers';
import { DEFAULT_CLIENT } from '../../mock/server';

const judge = (extra: INodeParameters) => ({ resource: 'aiJudge', ...extra });

const PROMPT = [
	'Grade each candidate for the query "{{query}}" from {{scale_min}} to {{scale_max}}.',
	'{{#each candidates}}',
	'- {{id}}: {{title}}',
	'{{/each}}',
].join('\n');

describe('AI Judge', () => {
	const t = useMockReleval();

	function seedProvider() {
		return t.mock.state.aiProviders.insert({ type: 'openai', name: 'OpenAI', api_key: 'k', owner_id: null });
	}

	function seedJudge(fields: Record<string, unknown> = {}) {
		const provider = seedProvider();
		return t.mock.state.aiJudges.insert({
			name: 'Product judge',
			ai_provider_id: provider.id,
			model: 'gpt-4o',
			prompt_template: PROMPT,
			batch_size: 10,
			concurrency: 1,
			include_images: false,
			shared: false,
			owner_id: DEFAULT_CLIENT.clientId,
			...fields,
		});
	}

	test('Create sends every field snake_case, keeping the multi-line prompt template as is', async () => {
		const provider = seedProvider();
		const [item] = await t.harness.run(
			judge({
				operation: 'create',
				name: 'Product judge',
				aiProviderId: byId(provider.id),
				model: 'gpt-4o',
				promptTemplate: PROMPT,
				additionalFields: {
					batchSize: 5,
					concurrency: '3',
					includeImages: true,
					shared: true,
					description: 'Grades product results',
				},
			}),
		);
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: '/api/v1/ai-judges' });
		expect(t.mock.apiRequests[0].body).toEqual({
			name: 'Product judge',
			ai_provider_id: provider.id,
			model: 'gpt-4o',
			prompt_template: PROMPT,
			batch_size: 5,
			concurrency: 3,
			include_images: true,
			shared: true,
			description: 'Grades product results',
		});
		expect(item.json).toMatchObject({ name: 'Product judge', shared: true, owner_id: null, batch_size: 5 });
		expect(t.mock.state.aiJudges.get(String(item.json.id)).prompt_template).toBe(PROMPT);
	});

	test('Create with only the required fields sends only them', async () => {
		const provider = seedProvider();
		await t.harness.run(
			judge({ operation: 'create', name: 'J', aiProviderId: byId(provider.id), model: 'm', promptTemplate: 'Grade {{query}}' }),
		);
		expect(t.mock.apiRequests[0].body).toEqual({
			name: 'J',
			ai_provider_id: provider.id,
			model: 'm',
			prompt_template: 'Grade {{query}}',
		});
	});

	test.each([
		['a batch size of 0', { batchSize: 0 }, '"Batch Size" must be a whole number at least 1, not 0'],
		['a fractional concurrency', { concurrency: 2.5 }, '"Concurrency" must be a whole number at least 1, not 2.5'],
		['a concurrency that is not a number', { concurrency: '={{ "many" }}' }, '"Concurrency" must be a whole number at least 1, not "many"'],
	])('%s stops the item before any request', async (_, additionalFields, message) => {
		const provider = seedProvider();
		await expect(
			t.harness.run(
				judge({ operation: 'create', name: 'J', aiProviderId: byId(provider.id), model: 'm', promptTemplate: 'p', additionalFields }),
			),
		).rejects.toThrow(message);
		expect(t.mock.requests).toHaveLength(0);
	});

	test.each([
		['Name', { name: '' }],
		['AI Provider', { aiProviderId: byId('') }],
		['Model', { model: ' ' }],
		['Prompt Template', { promptTemplate: '' }],
	])('an empty %s stops the item before any request', async (label, override) => {
		await expect(
			t.harness.run(
				judge({ operation: 'create', name: 'J', aiProviderId: byId('P1'), model: 'm', promptTemplate: 'p', ...override }),
			),
		).rejects.toThrow(`"${label}" is required`);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Create with a provider that does not exist surfaces the 404', async () => {
		const error = await failureOf(
			t.harness.run(judge({ operation: 'create', name: 'J', aiProviderId: byId('NOPE'), model: 'm', promptTemplate: 'p' })),
		);
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('AI provider NOPE was not found.');
		expect(t.mock.state.aiJudges.all()).toHaveLength(0);
	});

	test('Get fetches one judge by ID', async () => {
		const seeded = seedJudge();
		const [item] = await t.harness.run(judge({ operation: 'get', aiJudgeId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/ai-judges/${seeded.id}` });
		expect(item.json).toMatchObject({ id: seeded.id, name: 'Product judge', model: 'gpt-4o', prompt_template: PROMPT });
	});

	test('Get Many returns one item per judge', async () => {
		seedJudge({ name: 'A' });
		seedJudge({ name: 'B' });
		const items = await t.harness.run(judge({ operation: 'getAll', limit: 1 }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/ai-judges', query: { page: '1', pageSize: '1' } });
		expect(items.map((item) => item.json.name)).toEqual(['A']);
	});

	test('Update sends only the fields that were set', async () => {
		const seeded = seedJudge();
		const other = seedProvider();
		const [item] = await t.harness.run(
			judge({
				operation: 'update',
				aiJudgeId: byId(seeded.id),
				updateFields: { aiProviderId: byId(other.id), concurrency: 4, promptTemplate: 'New {{query}}' },
			}),
		);
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'PUT', path: `/api/v1/ai-judges/${seeded.id}` });
		expect(t.mock.apiRequests[0].body).toEqual({ ai_provider_id: other.id, concurrency: 4, prompt_template: 'New {{query}}' });
		expect(item.json).toMatchObject({ ai_provider_id: other.id, concurrency: 4, name: 'Product judge', model: 'gpt-4o' });
	});

	test('Update with nothing set, or an out-of-range batch size, stops before any request', async () => {
		const seeded = seedJudge();
		await expect(
			t.harness.run(judge({ operation: 'update', aiJudgeId: byId(seeded.id), updateFields: {} })),
		).rejects.toThrow('"Update Fields" has no field set');
		await expect(
			t.harness.run(judge({ operation: 'update', aiJudgeId: byId(seeded.id), updateFields: { batchSize: -2 } })),
		).rejects.toThrow('"Batch Size" must be a whole number at least 1');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Delete removes the judge and reports success', async () => {
		const seeded = seedJudge();
		const [item] = await t.harness.run(judge({ operation: 'delete', aiJudgeId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/ai-judges/${seeded.id}` });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.aiJudges.all()).toHaveLength(0);
	});

	test('Test runs the judge and returns the result', async () => {
		const seeded = seedJudge();
		const [item] = await t.harness.run(judge({ operation: 'test', aiJudgeId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: `/api/v1/ai-judges/${seeded.id}/test` });
		expect(item.json).toMatchObject({ success: true, ai_judge_id: seeded.id, model: 'gpt-4o', provider_type: 'openai' });
	});

	test('Test of a judge that does not exist surfaces the 404', async () => {
		const error = await failureOf(t.harness.run(judge({ operation: 'test', aiJudgeId: byId('MISSING') })));
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('AI judge MISSING was not found.');
	});

	describe('as a Member', () => {
		const member = useMockReleval({ clients: [{ ...DEFAULT_CLIENT, roles: ['Member'] }] });

		test('sharing a judge is Admin only: the 403 is surfaced and nothing is created', async () => {
			const provider = member.mock.state.aiProviders.insert({ type: 'openai', name: 'P', api_key: 'k', owner_id: null });
			const error = await failureOf(
				member.harness.run(
					judge({
						operation: 'create',
						name: 'J',
						aiProviderId: byId(provider.id),
						model: 'm',
						promptTemplate: 'p',
						additionalFields: { shared: true },
					}),
				),
			);
			expect(error.httpCode).toBe('403');
			expect(error.description).toContain('Only Admins can share AI judges.');
			expect(member.mock.state.aiJudges.all()).toHaveLength(0);
		});

		test('a personal judge belongs to the Member who created it', async () => {
			const provider = member.mock.state.aiProviders.insert({ type: 'openai', name: 'P', api_key: 'k', owner_id: null });
			const [item] = await member.harness.run(
				judge({ operation: 'create', name: 'Mine', aiProviderId: byId(provider.id), model: 'm', promptTemplate: 'p' }),
			);
			expect(item.json).toMatchObject({ shared: false, owner_id: DEFAULT_CLIENT.clientId });
		});
	});
});
