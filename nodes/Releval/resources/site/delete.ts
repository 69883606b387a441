import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';

export const deleteOperation = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a site',
	description:
		'Delete a tracking site. Releval then silently drops events that carry its site_id. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteSite',
	fields: [RESOURCES.site.locator()],
});

