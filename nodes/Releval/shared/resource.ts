import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, type OperationId } from '../../shared/api';
import { resourceLocator, type ResourceLocatorDefinition } from '../../shared/resourceLocator';
import { operationOption, operationSelector, type OperationDefinition, type ParameterLabels } from './descriptions';
import { nameOperation } from './routing';

/*
 * One definition per resource (shared/catalog.ts): its value, display name, the locator of the one an operation acts
 * on and its "From List" search. Its node properties follow from it and from its operations (one file each, with
 * the fields the operation shows): the display conditions, the path labels and the required checks.
 */

export interface ResourceDefinition {
	value: string;
	name: string;
	description: string;
	/** The ID parameter of the one an operation acts on, the `{placeholder}` of its paths, e.g. `evaluationId`. */
	idParameter?: string;
	/** What "The … to act on" calls one of them, when it is not the lower-cased name (e.g. "AI judge"). */
	noun?: string;
	/** The description of that locator, when not "The <noun> to act on". */
	idDescription?: string;
	/**
	 * The "From List" of its locators: the `methods.listSearch` entry, and the list endpoint it pages through
	 * (none for a search written by hand). Without it, an ID can only be typed.
	 */
	listSearch?: { method: string; list?: OperationId; plural: string };
}

/** How a locator of the resource differs from the one an operation acts on (a body field, another name…). */
export type LocatorOptions = Partial<Omit<ResourceLocatorDefinition, 'searchListMethod'>>;

export interface Resource extends ResourceDefinition {
	/** A locator of one of them: by default the path parameter an operation acts on. */
	locator(options?: LocatorOptions): INodeProperties;
	/** The Operation dropdown and the fields of every operation, each shown for the operations that list it. */
	properties(defaultOperation: string, operations: OperationDefinition[]): INodeProperties[];
}

export function defineResource(definition: ResourceDefinition): Resource {
	const noun = definition.noun ?? definition.name.toLowerCase();
	return {
		...definition,
		locator(options = {}) {
			return resourceLocator({
				name: definition.idParameter ?? '',
				displayName: definition.name,
				searchListMethod: definition.listSearch?.method,
				// the one an operation acts on says so; a locator sent in the body names what it sets (an AI tool's
				// model and the $fromAI description its user writes read this), unless it describes itself
				description: options.sendAs ? `The ${noun} to use, by ID` : (definition.idDescription ?? `The ${noun} to act on`),
				...options,
			});
		},
		properties(defaultOperation, operations) {
			for (const operation of operations) {
				nameOperation(definition.value, operation.value, `${definition.name} → ${operation.name}`);
			}
			return [
				operationSelector(
					definition.value,
					operations.map((operation) => operationOption(operation, requestChecks(operation))),
					defaultOperation,
				),
				...showFields(definition.value, operations),
			];
		},
	};
}

/** Types whose values their operation checks itself (lists, collections, switches): no generic blank check. */
const SELF_CHECKED_TYPES = new Set(['boolean', 'collection', 'fixedCollection', 'multiOptions', 'notice']);

function pathParameters(endpoint: OperationId): string[] {
	return [...ENDPOINTS[endpoint].path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

function hasOwnConditions(field: INodeProperties): boolean {
	return Object.keys(field.displayOptions?.show ?? {}).length > 0 || field.displayOptions?.hide !== undefined;
}

/**
 * What the operation's fields say about its request: the display names of its path parameters, and the fields
 * that must not be blank — required single values shown whenever the operation is. Lists, collections and fields
 * shown only under a condition are checked by the operation's own pre-send steps.
 */
function requestChecks(operation: OperationDefinition): { pathLabels: ParameterLabels; required: ParameterLabels } {
	const inPath = pathParameters(operation.endpoint);
	const labelsOf = (fields: INodeProperties[]) =>
		Object.fromEntries(fields.map((field) => [field.name, field.displayName]));
	return {
		pathLabels: labelsOf(operation.fields.filter((field) => inPath.includes(field.name))),
		required: labelsOf(
			operation.fields.filter(
				(field) =>
					field.required === true &&
					!inPath.includes(field.name) &&
					!SELF_CHECKED_TYPES.has(field.type) &&
					!field.typeOptions?.multipleValues &&
					!hasOwnConditions(field),
			),
		),
	};
}

/**
 * The fields of every operation, each shown for its resource and operation. Fields written alike by several
 * operations (of this resource or others) become one property when the node shares its properties
 * (shared/sharing.ts).
 */
function showFields(resource: string, operations: OperationDefinition[]): INodeProperties[] {
	return operations.flatMap((operation) =>
		operation.fields.map((field) => ({
			...field,
			displayOptions: {
				...field.displayOptions,
				show: { resource: [resource], operation: [operation.value], ...field.displayOptions?.show },
			},
		})),
	);
}
