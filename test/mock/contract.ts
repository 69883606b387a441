import { readFileSync } from 'fs';
import path from 'path';

/** The project's OpenAPI contract of the Releval API: the single source of truth for the mock and the tests. */
export const CONTRACT_PATH = path.resolve(__dirname, '../../openapi/releval.json');

export interface ContractOperation {
	operationId: string;
	method: string;
	path: string;
	inferred: boolean;
	/** Whether a Bearer token is required (operations with `security: []` are public). */
	authenticated: boolean;
}

export function loadContract(): Record<string, unknown> {
	return JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as Record<string, unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function contractOperations(contract = loadContract()): ContractOperation[] {
	const paths = contract.paths as Record<string, Record<string, Record<string, unknown>>>;
	const globalSecurity = contract.security as unknown[] | undefined;
	return Object.entries(paths).flatMap(([route, item]) =>
		Object.entries(item)
			.filter(([method]) => METHODS.includes(method))
			.map(([method, op]) => ({
				operationId: String(op.operationId),
				method: method.toUpperCase(),
				path: route,
				inferred: op['x-inferred'] === true,
				authenticated: ((op.security as unknown[] | undefined) ?? globalSecurity ?? []).length > 0,
			})),
	);
}
