import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/* The ID parameter of both nodes: "From List" (searchable, paginated) or "By ID". */

export interface ResourceLocatorDefinition {
	name: string;
	displayName: string;
	/** The `methods.listSearch` entry that fills "From list"; without one, the ID can only be typed ("By ID"). */
	searchListMethod?: string;
	description?: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
	/** Where the chosen ID goes in the request, when it is not a path parameter. */
	sendAs?: { type: 'body' | 'query'; property: string };
}

/** An ID parameter: "From List" (searchable, paginated) or "By ID". */
export function resourceLocator(definition: ResourceLocatorDefinition): INodeProperties {
	return {
		displayName: definition.displayName,
		name: definition.name,
		type: 'resourceLocator',
		default: { mode: definition.searchListMethod ? 'list' : 'id', value: '' },
		required: definition.required ?? true,
		description: definition.description,
		displayOptions: definition.displayOptions,
		modes: [
			...(definition.searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: `Select a ${definition.displayName.toLowerCase()}...`,
							typeOptions: { searchListMethod: definition.searchListMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 01J8ZP4Q9K7X2M5N6R8T0V3W1Y',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\S+$', errorMessage: 'The ID must not contain spaces' },
					},
				],
			},
		],
		routing: definition.sendAs
			? {
					send: {
						type: definition.sendAs.type,
						property: definition.sendAs.property,
						value: '={{ $value.trim() }}',
					},
				}
			: undefined,
	};
}
