import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { ROLE_OPTIONS, sendRoles } from '../../shared/roles';
import { invalidParameter, isEmailAddress } from '../../shared/validation';
import { defineOperation } from '../../shared/descriptions';

function checkEmail(): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const email = String(this.getNodeParameter('email', '')).trim();
		if (!isEmailAddress(email)) {
			throw invalidParameter(this, 'Email', `must be an email address like name@example.com, not ${JSON.stringify(email)}`);
		}
		return requestOptions;
	};
}

function requireRoles(): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const roles = (requestOptions.body as { roles?: string[] } | undefined)?.roles ?? [];
		if (roles.length === 0) throw invalidParameter(this, 'Roles', 'needs at least one role');
		return requestOptions;
	};
}

export const inviteOperation = defineOperation({
	name: 'Invite',
	value: 'invite',
	action: 'Invite a member',
	description:
		'Invite someone to the Releval workspace by email with the given roles (Releval must have SMTP configured to send the invitation). Needs the Admin role. Returns the invited member; Releval answers 409 Conflict when the email is already a member.',
	endpoint: 'inviteMember',
	preSend: [checkEmail(), sendRoles('roles', 'Roles', true), requireRoles()],
	fields: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			routing: { send: { type: 'body', property: 'email', value: '={{ $value.trim() }}' } },
		},
		{
			displayName: 'Roles',
			name: 'roles',
			type: 'multiOptions',
			options: ROLE_OPTIONS,
			required: true,
			default: ['Member'],
			description: 'What the new member may do; a member can hold several roles',
		},
	],
});

