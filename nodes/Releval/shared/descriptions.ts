import { NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { DEFAULT_PAGES_IN_PARALLEL, ENDPOINTS, PAGE_SIZE, type OperationId } from '../../shared/api';
import { paginateList } from './pagination';
import { isBlankValue } from './validation';
import { executeOnceForAllItems, executePassingThrough, executeRequest } from './routing';
import type { PassThrough } from '../../shared/transport';

/*
 * Building blocks every resource uses: the operation (its definition, and the option that wires its Releval endpoint
 * to the routing functions of shared/routing.ts), the checks that stop bad input before a request, Return All /
 * Limit and the common fields. Locators are in nodes/shared/resourceLocator.ts.
 */

/** Display names of parameters, for "… is required" errors. */
export interface ParameterLabels {
	[parameterName: string]: string;
}

function readParameter(context: IExecuteSingleFunctions, name: string): unknown {
	return context.getNodeParameter(name, undefined, { extractValue: true });
}

/** Stops the item before any request when a required parameter is empty, naming the parameter. */
export function requireParameters(labels: ParameterLabels): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		for (const [name, label] of Object.entries(labels)) {
			if (isBlankValue(readParameter(this, name))) {
				throw new NodeOperationError(this.getNode(), `"${label}" is required`, {
					itemIndex: this.getItemIndex(),
					description: `Set the "${label}" parameter; nothing was sent to Releval.`,
				});
			}
		}
		return requestOptions;
	};
}

/** Fills `{placeholder}` path segments from the node parameters of the same name, URL-encoded. */
function fillPathParameters(path: string, labels: ParameterLabels): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		requestOptions.url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
			const value = readParameter(this, name);
			if (isBlankValue(value)) {
				const label = labels[name] ?? name;
				throw new NodeOperationError(this.getNode(), `"${label}" is required`, {
					itemIndex: this.getItemIndex(),
					description: `Choose the ${label} from the list or enter its ID; nothing was sent to Releval.`,
				});
			}
			return encodeURIComponent(String(value).trim());
		});
		return requestOptions;
	};
}

export interface OperationDefinition {
	name: string;
	value: string;
	action: string;
	description: string;
	endpoint: OperationId;
	/**
	 * The fields the operation shows, without display conditions for the resource and operation (the resource adds
	 * them, see shared/resource.ts). Required single values are checked for blanks before the request; path
	 * parameters are filled from the fields of the same name and named by their display names.
	 */
	fields: INodeProperties[];
	/** Extra pre-send steps (JSON validation, body assembly), after the required checks. */
	preSend?: PreSendAction[];
	/**
	 * Post-processing of the output items (e.g. Simplify). Functions only: the package's routing functions run them,
	 * not n8n, so n8n's declarative actions (`set`, `rootProperty`, `limit`…) are refused (see `applyPostReceive`).
	 */
	postReceive?: PostReceiveAction[];
	/**
	 * When this returns true, the operation makes one request for all input items, built and sent by the first
	 * item; build it with `oneRequestForAllItems` (shared/inputItems.ts), see `executeOnceForAllItems`.
	 */
	combinesItems?: (context: IExecuteSingleFunctions) => boolean;
	/** Answers that are relayed from another system and returned as they are (see `executePassingThrough`). */
	passThrough?: PassThrough;
}

/** An operation: its Releval endpoint, its fields and its request steps, in one place. */
export function defineOperation(definition: OperationDefinition): OperationDefinition {
	return definition;
}

function routingFunction(definition: OperationDefinition, isList: boolean) {
	if (isList) return paginateList;
	if (definition.combinesItems) return executeOnceForAllItems(definition.combinesItems);
	if (definition.passThrough) return executePassingThrough(definition.passThrough);
	return executeRequest;
}

/**
 * The operation option: method and path of its Releval endpoint, routed through the one transport, with the checks
 * its fields call for (`pathLabels`: display names of the path parameters; `required`: fields that must not be blank).
 */
export function operationOption(
	definition: OperationDefinition,
	checks: { pathLabels: ParameterLabels; required: ParameterLabels },
): INodePropertyOptions {
	const endpoint = ENDPOINTS[definition.endpoint];
	const hasPathParameters = endpoint.path.includes('{');
	const isList = definition.value === 'getAll';
	const preSend: PreSendAction[] = [
		...(Object.keys(checks.required).length ? [requireParameters(checks.required)] : []),
		...(hasPathParameters ? [fillPathParameters(endpoint.path, checks.pathLabels)] : []),
		...(definition.preSend ?? []),
	];
	return {
		name: definition.name,
		value: definition.value,
		action: definition.action,
		description: definition.description,
		routing: {
			request: { method: endpoint.method, url: endpoint.path },
			// `paginate: true` makes n8n hand every request to our routing function (pagination or not).
			send: { paginate: true, ...(preSend.length ? { preSend } : {}) },
			output: definition.postReceive ? { postReceive: definition.postReceive } : undefined,
			operations: {
				pagination: routingFunction(definition, isList),
			},
		},
	};
}

/** The Operation dropdown of a resource, its options in alphabetical order. */
export function operationSelector(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}

/** The required Name most Releval resources are created with. */
export function nameField(placeholder: string): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		routing: { send: { type: 'body', property: 'name' } },
	};
}

/** A new Name, among the Update Fields. */
export function newNameField(): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'name' } },
	};
}

/** The optional free-text description most Releval resources have. */
export function descriptionField(): INodeProperties {
	return {
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		routing: { send: { type: 'body', property: 'description' } },
	};
}

/**
 * The "Additional Fields" collection (optional fields of Create and the like) or "Update Fields" (what Update
 * sends), as n8n nodes name them. Options are listed by name, as n8n's guidelines ask.
 */
export function fieldsCollection(
	name: 'additionalFields' | 'updateFields',
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName: name === 'additionalFields' ? 'Additional Fields' : 'Update Fields',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(description ? { description } : {}),
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Return All and Limit for a list operation. Pagination reads both (shared/pagination.ts). */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			hint: `Pages of ${PAGE_SIZE} are fetched until the limit is reached`,
		},
		{
			displayName: 'Pages in Parallel',
			name: 'pagesInParallel',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 16 },
			default: DEFAULT_PAGES_IN_PARALLEL,
			description:
				'How many pages to request at once once Releval has said how many there are, from 1 (one after another) to 16',
		},
	];
}
