import { defineOperation, returnAllAndLimit } from '../../shared/descriptions';
import { withoutSecrets } from './providerTypes';

export const getAllOperation = defineOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many AI providers',
	description:
		'List the AI providers the caller can use (its own and the shared ones), one item each, without secrets. Use Return All to page through every provider.',
	endpoint: 'listAiProviders',
	postReceive: [withoutSecrets()],
	fields: returnAllAndLimit(),
});

