import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { allInputItems, oneRequestForAllItems } from '../../shared/inputItems';
import { resourceLocator } from '../../../shared/resourceLocator';
import { fieldsCollection, defineOperation } from '../../shared/descriptions';
import { eventsOfItem } from './eventValidation';

/*
 * Track Events sends UBI events to Releval's public tracking endpoint, as the browser tracker does:
 * `{events: [...]}`, answered 202 and validated later. The events are built and checked in eventValidation.ts.
 */

function sendsOneBatch(context: IExecuteSingleFunctions): boolean {
	return context.getNodeParameter('sendInOneBatch', true) !== false;
}

/** Every event this request carries: the current item's, or with one batch, every input item's (sent by the first). */
function collectEvents(context: IExecuteSingleFunctions): IDataObject[] {
	const now = new Date().toISOString();
	const indices = sendsOneBatch(context)
		? allInputItems(context).map((_, index) => index)
		: [context.getItemIndex()];
	return indices.flatMap((index) => eventsOfItem(context, index, now));
}

/*
 * How many events each request carried, kept when it is built so that the summary does not build and check every
 * event again: by the node's execution data (one per run of the node), then by the sending item.
 */
const eventCountsByExecution = new WeakMap<object, Map<number, number>>();

function recordEventCount(context: IExecuteSingleFunctions, count: number): void {
	const execution = context.getExecuteData();
	if (!execution) return;
	if (!eventCountsByExecution.has(execution)) eventCountsByExecution.set(execution, new Map());
	eventCountsByExecution.get(execution)!.set(context.getItemIndex(), count);
}

/** How many events this item's request carried; counted again only where n8n gave no execution data. */
function sentEventCount(context: IExecuteSingleFunctions): number {
	const counts = eventCountsByExecution.get(context.getExecuteData());
	const count = counts?.get(context.getItemIndex());
	counts?.delete(context.getItemIndex());
	return count ?? collectEvents(context).length;
}

function buildEvents(): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const events = collectEvents(this);
		recordEventCount(this, events.length);
		requestOptions.body = { events };
		return requestOptions;
	};
}

/** Releval answers 202 with nothing useful: say what was accepted. */
function acceptedSummary(): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const events = sentEventCount(this);
		return items.slice(0, 1).map((item) => ({ ...item, json: { accepted: true, events } }));
	};
}

/** Shown when the events are entered as fields. */
const fromFields = { show: { eventsFrom: ['fields'] } };

export const trackEventsOperation = defineOperation({
	name: 'Track Events',
	value: 'trackEvents',
	action: 'Track user behavior events',
	description:
		"Send User Behavior Insights events (impressions, clicks, add to cart, purchases...) to Releval, as the browser tracker does: one event per input item, or a JSON array of events. By default all items go in one request. Events are checked first (object IDs must be text: whole numbers are converted, anything else stops the node, since Releval would reject the whole batch). Releval accepts the batch with 202 and validates later, silently dropping events whose site_id is not a registered Site. Outputs { accepted: true, events: N }.",
	endpoint: 'trackEvents',
	...oneRequestForAllItems(sendsOneBatch, buildEvents()),
	postReceive: [acceptedSummary()],
	fields: [
		{
			displayName: 'Events From',
			name: 'eventsFrom',
			type: 'options',
			options: [
				{
					name: 'Fields Below',
					value: 'fields',
					description: 'One event per input item, from the fields below (use expressions to read each item)',
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'A JSON array of UBI events per input item, e.g. from a Code node',
				},
			],
			default: 'fields',
		},
		resourceLocator({
			name: 'siteId',
			displayName: 'Site',
			searchListMethod: 'searchSiteIds',
			description:
				'The registered site the events belong to (its public site_id). Releval silently drops events whose site_id is unknown.',
			displayOptions: fromFields,
		}),
		resourceLocator({
			name: 'defaultSiteId',
			displayName: 'Default Site',
			searchListMethod: 'searchSiteIds',
			required: false,
			description:
				'The site (public site_id) for events that carry no site_id of their own. Releval silently drops events whose site_id is unknown.',
			displayOptions: { show: { eventsFrom: ['json'] } },
		}),
		{
			displayName: 'Action Name',
			name: 'actionName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. click',
			description: 'What the user did: impression, click, add_to_cart, purchase, view, or your own name',
			displayOptions: fromFields,
		},
		{
			displayName: 'Events',
			name: 'eventsJson',
			type: 'json',
			default:
				'[\n  {\n    "action_name": "click",\n    "query_id": "",\n    "event_attributes": {\n      "object": { "object_id": "" },\n      "position": { "ordinal": 1 }\n    }\n  }\n]',
			description:
				'A JSON array of UBI events (or one event object). Each needs action_name; object IDs must be text; timestamp defaults to now.',
			displayOptions: { show: { eventsFrom: ['json'] } },
		},
		{
			displayName: 'Send Items in One Batch',
			name: 'sendInOneBatch',
			type: 'boolean',
			default: true,
			description:
				'Whether to send the events of all input items in one request (as the browser tracker batches them) and output one summary item, instead of one request and one output item per input item',
		},
		{
				...fieldsCollection('additionalFields', [
				{
					displayName: 'Application',
					name: 'application',
					type: 'string',
					default: '',
					placeholder: 'e.g. web-shop-search',
					description: 'The search application the event came from',
				},
				{
					displayName: 'Client ID',
					name: 'clientId',
					type: 'string',
					default: '',
					description: "The visitor's client ID (the browser tracker's clientId)",
				},
				{
					displayName: 'Event Attributes',
					name: 'eventAttributes',
					type: 'json',
					default: '{}',
					description:
						'More event attributes as a JSON object, e.g. {"object": {"object_id": "SKU-1", "internal_id": "42"}, "price": 9.99}. Object ID and Position below are merged in.',
				},
				{
					displayName: 'Message',
					name: 'message',
					type: 'string',
					default: '',
					description: 'A free-text message; for message type QUERY, usually the search text',
				},
				{
					displayName: 'Message Type',
					name: 'messageType',
					type: 'string',
					default: '',
					placeholder: 'e.g. QUERY',
					description: 'Groups related action names, e.g. QUERY or CONVERSION',
				},
				{
					displayName: 'Object ID',
					name: 'objectId',
					type: 'string',
					default: '',
					placeholder: 'e.g. SKU-12345',
					description: 'The ID of the result the user acted on (sent as event_attributes.object.object_id, always as text)',
				},
				{
					displayName: 'Object ID Field',
					name: 'objectIdField',
					type: 'string',
					default: '',
					placeholder: 'e.g. product_id',
					description: 'The index field that holds the object ID',
				},
				{
					displayName: 'Position',
					name: 'position',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: 1,
					description:
						'The 1-based rank of the result across pages (event_attributes.position.ordinal); it must match its place in the hit IDs tracked with the query',
				},
				{
					displayName: 'Query ID',
					name: 'queryId',
					type: 'string',
					default: '',
					description: 'The query_id from Track Query, to join the event to the search',
				},
				{
					displayName: 'Session ID',
					name: 'sessionId',
					type: 'string',
					default: '',
					description: "The visitor's search session, to group the events of one visit",
				},
				{
					displayName: 'Timestamp',
					name: 'timestamp',
					type: 'dateTime',
					default: '',
					description: 'When the event happened (ISO 8601; taken as UTC without a time zone). Defaults to now.',
				},
				{
					displayName: 'User ID',
					name: 'userId',
					type: 'string',
					default: '',
					description: 'The signed-in user, if any',
				},
				{
					displayName: 'User Query',
					name: 'userQuery',
					type: 'string',
					default: '',
					description: 'The query as the user typed it',
				},
			]),
			displayOptions: fromFields,
		},
	],
});

