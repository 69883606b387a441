/** The UBI identifier fields the contract limits to 100 characters (UbiQueryRequest). */
export const MAX_ID_LENGTH = 100;

/**
 * Text for a field Releval binds strictly as a string: text as is, a whole number (safe integer) as its digits.
 * Undefined for anything else (fractions, huge numbers that lost digits in JSON, booleans, objects).
 */
export function textValue(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	return undefined;
}

/** How a bad value is shown in an error. */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return `the number ${value}`;
	return JSON.stringify(value);
}
