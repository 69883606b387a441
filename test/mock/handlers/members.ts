import type { MockReleval } from '../server';
import { ProblemError, validationProblem } from '../state';
import { registerCrud } from './crud';

/** Members: Admin only. Inviting an email that is already a member answers 409 (INFERRED). */
export function registerMemberHandlers(mock: MockReleval): void {
	const { members } = mock.state;

	registerCrud(mock, {
		collection: members,
		roles: { read: 'Admin', write: 'Admin' },
		operations: { list: 'listMembers', create: 'inviteMember' },
		create: (fields) => {
			const { email, roles } = fields as { email: string; roles: string[] };
			if (roles.length === 0) throw validationProblem('roles', 'At least one role is required.');
			if (members.all().some((member) => String(member.email).toLowerCase() === email.toLowerCase())) {
				throw new ProblemError(409, 'Member already exists', `${email} is already a member of this workspace.`);
			}
			return { email, roles: [...new Set(roles)], archived: false, status: 'invited' };
		},
	});
}
