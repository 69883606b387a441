import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import { checkOptionValues } from './validation';

/* Releval's roles, which app clients (Create) and members (Invite) are given. */

/** Releval roles (SEEN), ordered Admin > Member > Rater; options sorted by name. */
export const ROLE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Admin', value: 'Admin', description: 'Everything, including members, app clients and shared resources' },
	{ name: 'Member', value: 'Member', description: 'Create and manage corpora, endpoints, evaluations and the like' },
	{ name: 'Rater', value: 'Rater', description: 'View evaluation runs and submit judgments' },
];

export const ROLES = ROLE_OPTIONS.map((option) => String(option.value));

/** Checks a roles parameter against Releval's roles and sends it (when set, or always when `required`). */
export function sendRoles(parameter: string, label: string, required: boolean): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const roles = checkOptionValues(this, this.getNodeParameter(parameter, []), label, ROLES);
		if (roles.length === 0 && !required) return requestOptions;
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), roles: [...new Set(roles)] };
		return requestOptions;
	};
}
