import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/* Releval's judgment scales: chosen for an evaluation run (Create), and the range of every grade (Judgment → Submit). */

/** Releval's judgment scales (SEEN): binary 0–1, graded 0–4, detailed 0–9. */
export const SCALE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Binary (0–1)', value: 'binary', description: 'Relevant or not relevant' },
	{ name: 'Detailed (0–9)', value: 'detailed', description: 'Ten grades, for fine-grained judging' },
	{ name: 'Graded (0–4)', value: 'graded', description: 'Five grades, from irrelevant to perfect' },
];

/** Releval's judgment scales (SEEN): each grade is a whole number in the scale's range. */
export const SCALE_RANGES: Record<string, { label: string; max: number }> = {
	binary: { label: 'Binary', max: 1 },
	graded: { label: 'Graded', max: 4 },
	detailed: { label: 'Detailed', max: 9 },
};

/** The required Scale field (Graded by default), sent in the body as `scale` when `sent`. */
export function scaleField(description: string, { options = SCALE_OPTIONS, sent = false } = {}): INodeProperties {
	return {
		displayName: 'Scale',
		name: 'scale',
		type: 'options',
		required: true,
		options,
		default: 'graded',
		description,
		...(sent ? { routing: { send: { type: 'body', property: 'scale' } } } : {}),
	};
}
