/** Why the output of Create and Regenerate Secret must be stored at once. */
export const SECRET_NOTICE =
	'The client_secret is in the output of this operation only: Releval shows it once and never again. Store it right away, e.g. in an n8n credential.';
