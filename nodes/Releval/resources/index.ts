import type { INodeProperties } from 'n8n-workflow';

import { evaluationDescription } from './evaluation';

/*
 * Every resource of the node: its display name, its value, and its operations and fields (one folder per
 * resource, one file per operation). Add a resource here and it appears in the node.
 */
export interface ResourceDefinition {
	name: string;
	value: string;
	description: string;
	properties: INodeProperties[];
}

export const resources: ResourceDefinition[] = [
	{
		name: 'Evaluation',
		value: 'evaluation',
		description: 'An endpoint, a query set and a query template evaluated together',
		properties: evaluationDescription,
	},
].sort((a, b) => a.name.localeCompare(b.name));
