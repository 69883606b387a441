import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { APP_CLIENT_PATH_LABELS, appClientIdFor, SECRET_NOTICE, showFor } from './shared';

export const regenerateSecretOperation = operation({
	name: 'Regenerate Secret',
	value: 'regenerateSecret',
	action: 'Regenerate an app client secret',
	description:
		'Issue a new client secret for an app client; the old secret stops working. The output holds the new client_secret, shown only in this response: store it immediately.',
	endpoint: 'regenerateAppClientSecret',
	pathLabels: APP_CLIENT_PATH_LABELS,
});

export const regenerateSecretFields: INodeProperties[] = [
	{
		displayName: SECRET_NOTICE,
		name: 'regenerateSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showFor(['regenerateSecret']) },
	},
	appClientIdFor(['regenerateSecret']),
];
