import { descriptionField, fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';
import { ROLE_OPTIONS, sendRoles } from '../../shared/roles';
import { SECRET_NOTICE } from './clientSecret';

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an app client',
	description:
		'Create an app client: machine-to-machine OAuth2 client credentials with roles. The output holds client_id and client_secret; the secret appears only in this response and can never be read again, so store it immediately. A caller can only give roles at or below its own (Releval answers 403 otherwise); without roles the client gets every role the caller may assign.',
	endpoint: 'createAppClient',
	preSend: [sendRoles('additionalFields.roles', 'Roles', false)],
	fields: [
		{
			displayName: SECRET_NOTICE,
			name: 'createSecretNotice',
			type: 'notice',
			default: '',
		},
		nameField('e.g. CI pipeline'),
		fieldsCollection('additionalFields', [
			descriptionField(),
			{
				displayName: 'Roles',
				name: 'roles',
				type: 'multiOptions',
				options: ROLE_OPTIONS,
				default: [],
				description:
					'What the client may do. Only roles at or below your own can be given. Without roles, the client gets every role you may assign.',
			},
		]),
	],
});

