import type { IDisplayOptions } from 'n8n-workflow';

export const showFor = (operations: string[]): IDisplayOptions['show'] => ({
	resource: ['member'],
	operation: operations,
});
