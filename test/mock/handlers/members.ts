import type { MockReleval } from '../server';
import { ProblemError, pageOf } from '../state';

/** Members: Admin only. Inviting an email that is already a member answers 409 (INFERRED). */
export function registerMemberHandlers(mock: MockReleval): void {
	const { members } = mock.state;

	mock.handle('listMembers', 'Admin', ({ query }) => ({
		status: 200,
		body: pageOf(members.all(), query, mock.options.envelope),
	}));

	mock.handle('inviteMember', 'Admin', ({ body }) => {
		const { email, roles } = body as { email: string; roles: string[] };
		if (roles.length === 0) {
			throw new ProblemError(400, 'One or more validation errors occurred.', undefined, {
				roles: ['At least one role is required.'],
			});
		}
		if (members.all().some((member) => String(member.email).toLowerCase() === email.toLowerCase())) {
			throw new ProblemError(409, 'Member already exists', `${email} is already a member of this workspace.`);
		}
		return {
			status: 201,
			body: members.insert({ email, roles: [...new Set(roles)], archived: false, status: 'invited' }),
		};
	});
}
