import type { IDisplayOptions } from 'n8n-workflow';

export const showFor = (operations: string[], extra: IDisplayOptions['show'] = {}): IDisplayOptions['show'] => ({
	resource: ['judgment'],
	operation: operations,
	...extra,
});

/** Releval's judgment scales (SEEN): each grade is a whole number in the scale's range. */
export const SCALE_RANGES: Record<string, { label: string; max: number }> = {
	binary: { label: 'Binary', max: 1 },
	graded: { label: 'Graded', max: 4 },
	detailed: { label: 'Detailed', max: 9 },
};
