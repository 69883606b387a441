import { RESOURCES } from '../../shared/catalog';
import { defineOperation } from '../../shared/descriptions';
import { SECRET_NOTICE } from './clientSecret';

export const regenerateSecretOperation = defineOperation({
	name: 'Regenerate Secret',
	value: 'regenerateSecret',
	action: 'Regenerate an app client secret',
	description:
		'Issue a new client secret for an app client; the old secret stops working. The output holds the new client_secret, shown only in this response: store it immediately.',
	endpoint: 'regenerateAppClientSecret',
	fields: [
		{
			displayName: SECRET_NOTICE,
			name: 'regenerateSecretNotice',
			type: 'notice',
			default: '',
		},
		RESOURCES.appClient.locator(),
	],
});

