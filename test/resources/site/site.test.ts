import type { INodeParameters } from 'n8n-workflow';

import { byId, failureOf, useMockReleval } from '../../helpers';

const site = (extra: INodeParameters) => ({ resource: 'site', ...extra });

describe('Site', () => {
	const t = useMockReleval();

	function seedSite(fields: Record<string, unknown> = {}) {
		return t.mock.state.sites.insert({
			name: 'Web shop',
			allowed_origins: ['https://shop.example.com'],
			site_id: `SITE-${t.mock.state.sites.all().length + 1}`,
			...fields,
		});
	}

	test('Create sends the name and the allowed origins, and returns the public site_id', async () => {
		const [item] = await t.harness.run(
			site({
				operation: 'create',
				name: 'Web shop',
				allowedOrigins: ['https://shop.example.com', 'HTTP://LocalHost:4180/', 'https://shop.example.com'],
			}),
		);
		expect(t.mock.apiRequests).toHaveLength(1);
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'POST', path: '/api/v1/sites' });
		// canonical origins (lower-case, no trailing slash), without duplicates
		expect(t.mock.apiRequests[0].body).toEqual({
			name: 'Web shop',
			allowed_origins: ['https://shop.example.com', 'http://localhost:4180'],
		});
		expect(typeof item.json.site_id).toBe('string');
		expect(item.json).toMatchObject({ name: 'Web shop', allowed_origins: ['https://shop.example.com', 'http://localhost:4180'] });
		expect(t.mock.state.sites.get(String(item.json.id)).site_id).toBe(item.json.site_id);
	});

	test('origins can come from an expression as comma-separated text', async () => {
		await t.harness.run(
			site({ operation: 'create', name: 'S', allowedOrigins: "={{ 'https://a.example.com, https://b.example.com:8443' }}" }),
		);
		expect(t.mock.apiRequests[0].body).toEqual({
			name: 'S',
			allowed_origins: ['https://a.example.com', 'https://b.example.com:8443'],
		});
	});

	test.each([
		['a path', 'https://shop.example.com/checkout'],
		['no scheme', 'shop.example.com'],
		['another scheme', 'ftp://shop.example.com'],
		['a port out of range', 'https://shop.example.com:70000'],
		['a query', 'https://shop.example.com?x=1'],
		['a wildcard', 'https://*.example.com'],
	])('an origin with %s is refused before any request', async (_, origin) => {
		const error = await failureOf(
			t.harness.run(site({ operation: 'create', name: 'S', allowedOrigins: ['https://ok.example.com', origin] })),
		);
		expect(error.message).toBe(
			`"Allowed Origins" has ${JSON.stringify(origin)}, which is not an origin: use scheme://host[:port] with http or https and no path, like https://shop.example.com`,
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Create without origins or without a name stops before any request', async () => {
		await expect(t.harness.run(site({ operation: 'create', name: 'S', allowedOrigins: [] }))).rejects.toThrow(
			'"Allowed Origins" needs at least one origin',
		);
		await expect(
			t.harness.run(site({ operation: 'create', name: '', allowedOrigins: ['https://shop.example.com'] })),
		).rejects.toThrow('"Name" is required');
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Get fetches one site by ID', async () => {
		const seeded = seedSite();
		const [item] = await t.harness.run(site({ operation: 'get', siteId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: `/api/v1/sites/${seeded.id}` });
		expect(item.json).toMatchObject({ id: seeded.id, site_id: seeded.site_id, name: 'Web shop' });
	});

	test('Get Many returns one item per site', async () => {
		seedSite({ name: 'A' });
		seedSite({ name: 'B' });
		seedSite({ name: 'C' });
		const items = await t.harness.run(site({ operation: 'getAll', returnAll: true }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'GET', path: '/api/v1/sites' });
		expect(items.map((item) => item.json.name)).toEqual(['A', 'B', 'C']);
	});

	test('Update sends only the fields set; a new origin list replaces the old one', async () => {
		const seeded = seedSite();
		const [item] = await t.harness.run(
			site({ operation: 'update', siteId: byId(seeded.id), updateFields: { allowedOrigins: ['https://new.example.com/'] } }),
		);
		expect(t.mock.apiRequests[0]).toMatchObject({
			method: 'PUT',
			path: `/api/v1/sites/${seeded.id}`,
			body: { allowed_origins: ['https://new.example.com'] },
		});
		expect(item.json).toMatchObject({ name: 'Web shop', allowed_origins: ['https://new.example.com'], site_id: seeded.site_id });
	});

	test('Update of the name only leaves the origins alone', async () => {
		const seeded = seedSite();
		await t.harness.run(site({ operation: 'update', siteId: byId(seeded.id), updateFields: { name: 'Renamed' } }));
		expect(t.mock.apiRequests[0].body).toEqual({ name: 'Renamed' });
		expect(t.mock.state.sites.get(seeded.id)).toMatchObject({ name: 'Renamed', allowed_origins: ['https://shop.example.com'] });
	});

	test('Update with an invalid origin or with nothing set stops before any request', async () => {
		const seeded = seedSite();
		await expect(
			t.harness.run(site({ operation: 'update', siteId: byId(seeded.id), updateFields: { allowedOrigins: ['not an origin'] } })),
		).rejects.toThrow('"Allowed Origins" has "not an origin", which is not an origin');
		await expect(t.harness.run(site({ operation: 'update', siteId: byId(seeded.id), updateFields: {} }))).rejects.toThrow(
			'"Update Fields" has no field set',
		);
		expect(t.mock.requests).toHaveLength(0);
	});

	test('Delete removes the site and reports success', async () => {
		const seeded = seedSite();
		const [item] = await t.harness.run(site({ operation: 'delete', siteId: byId(seeded.id) }));
		expect(t.mock.apiRequests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/sites/${seeded.id}` });
		expect(item.json).toEqual({ success: true });
		expect(t.mock.state.sites.all()).toHaveLength(0);
	});

	test('Get of a site that does not exist surfaces the 404', async () => {
		const error = await failureOf(t.harness.run(site({ operation: 'get', siteId: byId('NOPE') })));
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('Site NOPE was not found.');
	});
});
