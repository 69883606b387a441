import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { listSearch } from '../../../nodes/Releval/listSearch';
import { byId, failureOf, fromList, useMockReleval } from '../../helpers';

const ubi = (extra: INodeParameters) => ({ resource: 'userBehaviorInsights', ...extra });
const items = (rows: IDataObject[]): INodeExecutionData[] => rows.map((json) => ({ json }));

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('User Behavior Insights', () => {
	const t = useMockReleval();

	function seedSite(siteId = 'SITE-PUBLIC-1', origins = ['https://shop.example.com']) {
		return t.mock.state.sites.insert({ name: 'Web shop', allowed_origins: origins, site_id: siteId });
	}

	describe('Track Query', () => {
		test('sends the UBI query request and returns the query_id Releval keeps', async () => {
			const [item] = await t.harness.run(
				ubi({
					operation: 'trackQuery',
					application: 'web-shop',
					userQuery: '  wireless headphones',
					additionalFields: {
						queryId: 'q-123',
						clientId: 'client-9',
						userId: 'user-7',
						queryAttributes: '{"filters": {"brand": "Acme"}, "page": 1}',
						objectIdField: 'product_id',
						timestamp: '2025-05-01T10:00:00',
						queryResponseId: 'qr-1',
						queryResponseHitIds: '={{ ["SKU-1", 42, "SKU-3"] }}',
					},
				}),
			);
			expect(t.mock.apiRequests).toHaveLength(1);
			expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: '/api/v1/ubi/track-query' });
			expect(t.mock.apiRequests[0].body).toEqual({
				application: 'web-shop',
				user_query: '  wireless headphones',
				query_id: 'q-123',
				client_id: 'client-9',
				user_id: 'user-7',
				query_attributes: { filters: { brand: 'Acme' }, page: 1 },
				object_id_field: 'product_id',
				timestamp: '2025-05-01T10:00:00.000Z',
				query_response_id: 'qr-1',
				query_response_hit_ids: ['SKU-1', '42', 'SKU-3'],
			});
			expect(item.json).toEqual({ query_id: 'q-123', query_response_id: 'qr-1' });
		});

		test('without a query_id, Releval generates one and the node returns it', async () => {
			const [item] = await t.harness.run(
				ubi({ operation: 'trackQuery', application: 'web-shop', userQuery: 'shoes', additionalFields: { queryResponseHitIds: 'A, B ,C' } }),
			);
			expect(t.mock.apiRequests[0].body).toEqual({
				application: 'web-shop',
				user_query: 'shoes',
				query_response_hit_ids: ['A', 'B', 'C'],
			});
			expect(typeof item.json.query_id).toBe('string');
			expect(typeof item.json.query_response_id).toBe('string');
			const [stored] = t.mock.state.ubiQueries.all();
			expect(stored).toMatchObject({ query_id: item.json.query_id, user_query: 'shoes' });
		});

		test.each([
			['Application', { application: '', userQuery: 'shoes' }, '"Application" is required'],
			['User Query', { application: 'web', userQuery: '' }, '"User Query" is required'],
		])('an empty %s stops the item before any request', async (_, fields, message) => {
			await expect(t.harness.run(ubi({ operation: 'trackQuery', ...fields }))).rejects.toThrow(message);
			expect(t.mock.requests).toHaveLength(0);
		});

		test.each([
			['invalid JSON query attributes', { queryAttributes: '{"page": 1,' }, '"Query Attributes" is not valid JSON'],
			['query attributes that are not an object', { queryAttributes: '[1, 2]' }, '"Query Attributes" must be a JSON object'],
			['a query ID over 100 characters', { queryId: 'q'.repeat(101) }, '"Query ID" must be at most 100 characters (it has 101)'],
			['a timestamp that is not a date', { timestamp: 'yesterday' }, '"Timestamp" must be an ISO 8601 date and time'],
			['a hit ID that is not text', { queryResponseHitIds: '={{ ["A", 1.5] }}' }, '"Hit IDs" has the number 1.5 at position 2'],
		])('%s is rejected before any request', async (_, additionalFields, message) => {
			await expect(
				t.harness.run(ubi({ operation: 'trackQuery', application: 'web', userQuery: 'shoes', additionalFields })),
			).rejects.toThrow(message);
			expect(t.mock.requests).toHaveLength(0);
		});
	});

	describe('Track Events', () => {
		const clickFields = {
			operation: 'trackEvents',
			eventsFrom: 'fields',
			actionName: '={{ $json.action }}',
			additionalFields: {
				queryId: '={{ $json.query }}',
				objectId: '={{ $json.sku }}',
				position: '={{ $json.rank }}',
				sessionId: 'sess-1',
			},
		};
		const clicks = items([
			{ action: 'click', query: 'q-1', sku: 'SKU-1', rank: 1 },
			{ action: 'add_to_cart', query: 'q-1', sku: 987654, rank: 3 },
			{ action: 'purchase', query: 'q-2', sku: 'SKU-9', rank: '2' },
		]);

		test('one event per input item, all in ONE request, answered with an accepted summary', async () => {
			const site = seedSite();
			const output = await t.harness.run(ubi({ ...clickFields, siteId: byId(site.site_id as string) }), { items: clicks });
			expect(t.mock.apiRequests).toHaveLength(1);
			const request = t.mock.apiRequests[0];
			expect(request).toMatchObject({ method: 'POST', path: '/api/v1/ubi/track-event', status: 202 });
			const { events } = request.body as { events: IDataObject[] };
			expect(events.map(({ timestamp, ...event }) => event)).toEqual([
				{
					action_name: 'click',
					site_id: 'SITE-PUBLIC-1',
					query_id: 'q-1',
					session_id: 'sess-1',
					event_attributes: { object: { object_id: 'SKU-1' }, position: { ordinal: 1 } },
				},
				{
					action_name: 'add_to_cart',
					site_id: 'SITE-PUBLIC-1',
					query_id: 'q-1',
					session_id: 'sess-1',
					// a numeric object_id is sent as text: Releval would reject the whole batch otherwise
					event_attributes: { object: { object_id: '987654' }, position: { ordinal: 3 } },
				},
				{
					action_name: 'purchase',
					site_id: 'SITE-PUBLIC-1',
					query_id: 'q-2',
					session_id: 'sess-1',
					event_attributes: { object: { object_id: 'SKU-9' }, position: { ordinal: 2 } },
				},
			]);
			for (const event of events) expect(event.timestamp).toMatch(ISO);
			expect(output).toHaveLength(1);
			expect(output[0].json).toEqual({ accepted: true, events: 3 });
			expect(t.mock.state.ubiEvents.all().map((event) => event.action_name)).toEqual(['click', 'add_to_cart', 'purchase']);
		});

		test('with "Send Items in One Batch" off, one request and one output item per input item', async () => {
			const site = seedSite();
			const output = await t.harness.run(
				ubi({ ...clickFields, siteId: byId(site.site_id as string), sendInOneBatch: false }),
				{ items: clicks },
			);
			expect(t.mock.apiRequests).toHaveLength(3);
			expect(t.mock.apiRequests.map((request) => (request.body as { events: IDataObject[] }).events.length)).toEqual([1, 1, 1]);
			expect(t.mock.apiRequests.map((request) => (request.body as { events: IDataObject[] }).events[0].action_name)).toEqual([
				'click',
				'add_to_cart',
				'purchase',
			]);
			expect(output.map((item) => item.json)).toEqual([
				{ accepted: true, events: 1 },
				{ accepted: true, events: 1 },
				{ accepted: true, events: 1 },
			]);
		});

		test('JSON mode: every item\'s array goes in the batch; the Site fills missing site_ids; numbers are normalised', async () => {
			seedSite('SITE-A');
			seedSite('SITE-B');
			const output = await t.harness.run(
				ubi({ operation: 'trackEvents', eventsFrom: 'json', defaultSiteId: byId('SITE-A'), eventsJson: '={{ $json.events }}' }),
				{
					items: items([
						{
							events: [
								{
									action_name: 'impression',
									timestamp: '2025-05-01T10:00:00+02:00',
									user_id: 77,
									event_attributes: {
										object: { object_id: 1234, internal_id: 56, object_id_field: 'sku' },
										position: { ordinal: '4', x: '10.5' },
										badge: 'sale',
									},
								},
								{ action_name: 'click', site_id: 'SITE-B', event_attributes: { object: { object_id: 'X-1' } } },
							],
						},
						{ events: { action_name: 'view' } },
					]),
				},
			);
			const { events } = t.mock.apiRequests[0].body as { events: IDataObject[] };
			expect(t.mock.apiRequests).toHaveLength(1);
			expect(events[0]).toEqual({
				action_name: 'impression',
				site_id: 'SITE-A',
				user_id: '77',
				timestamp: '2025-05-01T08:00:00.000Z',
				event_attributes: {
					object: { object_id: '1234', internal_id: '56', object_id_field: 'sku' },
					position: { ordinal: 4, x: 10.5 },
					badge: 'sale',
				},
			});
			expect(events[1]).toMatchObject({ action_name: 'click', site_id: 'SITE-B' });
			expect(events[2]).toMatchObject({ action_name: 'view', site_id: 'SITE-A' });
			expect(output[0].json).toEqual({ accepted: true, events: 3 });
			expect(t.mock.state.ubiEvents.all()).toHaveLength(3);
		});

		test.each([
			['a fractional object_id', { object: { object_id: 12.5 } }, 'event_attributes.object.object_id is the number 12.5'],
			[
				'an object_id too large to keep its digits',
				{ object: { object_id: 12345678901234567890 } },
				'event_attributes.object.object_id is the number 12345678901234567000',
			],
			['a fractional internal_id', { object: { object_id: 'A', internal_id: 0.5 } }, 'event_attributes.object.internal_id is the number 0.5'],
			['an object without object_id', { object: { object_id_field: 'sku' } }, 'event_attributes.object.object_id is required'],
			['a position ordinal of 0', { object: { object_id: 'A' }, position: { ordinal: 0 } }, 'event_attributes.position.ordinal must be a whole number of at least 1'],
		])('%s stops the whole batch before any request', async (_, eventAttributes, message) => {
			seedSite();
			const error = await failureOf(
				t.harness.run(
					ubi({
						operation: 'trackEvents',
						eventsFrom: 'json',
						defaultSiteId: byId('SITE-PUBLIC-1'),
						eventsJson: JSON.stringify([
							{ action_name: 'click', event_attributes: { object: { object_id: 'OK-1' } } },
							{ action_name: 'click', event_attributes: eventAttributes },
						]),
					}),
				),
			);
			expect(error.message).toContain(`Input item 1, event 2: ${message}`);
			expect(t.mock.requests).toHaveLength(0);
		});

		test('JSON mode: an event without site_id and no Default Site stops the batch before any request', async () => {
			await expect(
				t.harness.run(
					ubi({
						operation: 'trackEvents',
						eventsFrom: 'json',
						eventsJson: '[{"action_name": "click", "site_id": "S1"}, {"action_name": "view"}]',
					}),
				),
			).rejects.toThrow('Input item 1, event 2: site_id is required: set it in the event, or choose a Default Site.');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('invalid JSON events stop the item before any request', async () => {
			await expect(
				t.harness.run(
					ubi({ operation: 'trackEvents', eventsFrom: 'json', defaultSiteId: byId('S'), eventsJson: '[{"action_name": "click"' }),
				),
			).rejects.toThrow('Input item 1, "Events": is not valid JSON');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('invalid Event Attributes JSON (Fields mode) stops the item before any request', async () => {
			await expect(
				t.harness.run(
					ubi({
						operation: 'trackEvents',
						siteId: byId('S'),
						actionName: 'click',
						additionalFields: { eventAttributes: '{"object": ' },
					}),
				),
			).rejects.toThrow('Input item 1, "Event Attributes": is not valid JSON');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('an item without an action name stops the whole batch, naming the item', async () => {
			seedSite();
			const error = await failureOf(
				t.harness.run(ubi({ ...clickFields, siteId: byId('SITE-PUBLIC-1') }), {
					items: items([{ action: 'click', sku: 'A' }, { action: '', sku: 'B' }]),
				}),
			);
			expect(error.message).toBe('Input item 2: "Action Name" is required (e.g. click, impression, add_to_cart)');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('a missing Site stops the item before any request', async () => {
			await expect(
				t.harness.run(ubi({ operation: 'trackEvents', siteId: byId(''), actionName: 'click' })),
			).rejects.toThrow('Input item 1: "Site" is required');
			expect(t.mock.requests).toHaveLength(0);
		});

		test('events for an unknown site are accepted (202) but silently dropped, as Releval does', async () => {
			seedSite();
			const [item] = await t.harness.run(ubi({ operation: 'trackEvents', siteId: byId('NOT-REGISTERED'), actionName: 'click' }));
			expect(t.mock.apiRequests[0].status).toBe(202);
			expect(item.json).toEqual({ accepted: true, events: 1 });
			expect(t.mock.state.ubiEvents.all()).toHaveLength(0);
		});

		test('the Site list offers each site by its public site_id, not its internal id', async () => {
			const site = seedSite('PUBLIC-SITE-ID');
			const context = t.harness.loadOptionsContext(ubi({ operation: 'trackEvents' }), 'siteId');
			const result = await listSearch.searchSiteIds.call(context);
			expect(result.results).toEqual([{ name: 'Web shop', value: 'PUBLIC-SITE-ID' }]);
			expect(site.id).not.toBe('PUBLIC-SITE-ID');

			await t.harness.run(ubi({ operation: 'trackEvents', siteId: fromList(String(result.results[0].value)), actionName: 'click' }));
			expect(t.mock.state.ubiEvents.all()).toHaveLength(1);
		});
	});

	describe('Query Data', () => {
		function seedEvents() {
			for (const [action, object] of [
				['click', 'SKU-1'],
				['click', 'SKU-2'],
				['purchase', 'SKU-1'],
			]) {
				t.mock.state.ubiEvents.insert({ action_name: action, site_id: 'S1', event_attributes: { object: { object_id: object } } });
			}
		}

		test('sends the SQL and outputs one item per row', async () => {
			seedEvents();
			const output = await t.harness.run(
				ubi({ operation: 'queryData', sql: "SELECT action_name, site_id FROM ubi_events WHERE action_name = 'click'" }),
			);
			expect(t.mock.apiRequests[0]).toMatchObject({
				method: 'POST',
				path: '/api/v1/ubi/query',
				body: { sql: "SELECT action_name, site_id FROM ubi_events WHERE action_name = 'click'" },
			});
			expect(output.map((item) => item.json)).toEqual([
				{ action_name: 'click', site_id: 'S1' },
				{ action_name: 'click', site_id: 'S1' },
			]);
		});

		test('with Split Into Items off, the whole response is one item', async () => {
			seedEvents();
			const output = await t.harness.run(
				ubi({ operation: 'queryData', sql: 'SELECT count() AS events FROM ubi_events', splitIntoItems: false }),
			);
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({ data: [{ events: '3' }], rows: 1, meta: [{ name: 'events', type: 'UInt64' }] });
		});

		test('tracked events can be queried back', async () => {
			seedSite();
			await t.harness.run(ubi({ operation: 'trackEvents', siteId: byId('SITE-PUBLIC-1'), actionName: 'click' }));
			const output = await t.harness.run(ubi({ operation: 'queryData', sql: "SELECT * FROM ubi_events WHERE site_id = 'SITE-PUBLIC-1'" }));
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({ action_name: 'click', site_id: 'SITE-PUBLIC-1' });
		});

		test('an empty SQL stops the item before any request', async () => {
			await expect(t.harness.run(ubi({ operation: 'queryData', sql: '  ' }))).rejects.toThrow('"SQL" is required');
			expect(t.mock.requests).toHaveLength(0);
		});

		test("a query Releval refuses surfaces Releval's problem", async () => {
			const error = await failureOf(t.harness.run(ubi({ operation: 'queryData', sql: 'DROP TABLE ubi_events' })));
			expect(error.httpCode).toBe('400');
			expect(error.message).toBe('The query failed');
			expect(error.description).toContain('Only read-only SELECT queries are allowed.');
		});
	});
});
