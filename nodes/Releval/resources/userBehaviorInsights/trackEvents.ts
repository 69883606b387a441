import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { allInputItems, oneRequestForAllItems, parameterForItem } from '../../shared/inputItems';
import { isBlankValue, isoTimestamp, wholeNumber } from '../../shared/validation';
import { fieldsCollection, operation, resourceLocator } from '../../shared/descriptions';
import { describeValue, showFor, textValue } from './shared';

/*
 * Track Events sends UBI events to Releval's public tracking endpoint, as the browser tracker does:
 * `{events: [...]}`, answered 202 and validated later. Releval binds strictly and drops or rejects silently,
 * so every event is checked here first: a numeric object_id or internal_id would make Releval reject the
 * whole batch, and an event without a site_id would be dropped.
 */

/** Top-level text fields of a UBI event (SEEN: releval/tracker Event.ts). */
const TEXT_FIELDS = [
	'action_name',
	'site_id',
	'application',
	'query_id',
	'session_id',
	'client_id',
	'user_id',
	'message_type',
	'message',
	'user_query',
];

/** Free text kept exactly as sent; the other text fields are identifiers and are trimmed. */
const FREE_TEXT = ['message', 'user_query'];

/** Additional Fields (Fields mode) → top-level event fields. */
const ADDITIONAL_TEXT_FIELDS: Record<string, string> = {
	application: 'application',
	clientId: 'client_id',
	message: 'message',
	messageType: 'message_type',
	queryId: 'query_id',
	sessionId: 'session_id',
	userId: 'user_id',
	userQuery: 'user_query',
};

type Fail = (problem: string) => NodeOperationError;

function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An identifier Releval binds as a string: text, or a whole number converted to text. */
function idText(value: unknown, path: string, fail: Fail): string {
	const text = textValue(value);
	if (text === undefined) {
		throw fail(
			`${path} is ${describeValue(value)}, but Releval needs it as text and would reject the whole batch. Whole numbers are converted automatically; send any other ID as a string.`,
		);
	}
	if (text.trim() === '') throw fail(`${path} is empty`);
	return text.trim();
}

function checkObject(value: unknown, fail: Fail): IDataObject {
	if (!isPlainObject(value)) throw fail(`event_attributes.object must be a JSON object, not ${describeValue(value)}`);
	const object: IDataObject = { ...value };
	if (isBlankValue(value.object_id)) {
		throw fail('event_attributes.object.object_id is required when event_attributes.object is set');
	}
	object.object_id = idText(value.object_id, 'event_attributes.object.object_id', fail);
	if (value.internal_id !== undefined && value.internal_id !== null) {
		object.internal_id = idText(value.internal_id, 'event_attributes.object.internal_id', fail);
	}
	for (const key of ['object_id_type', 'object_id_field']) {
		if (value[key] === undefined || value[key] === null) continue;
		const text = textValue(value[key]);
		if (text === undefined) throw fail(`event_attributes.object.${key} must be text, not ${describeValue(value[key])}`);
		object[key] = text.trim();
	}
	return object;
}

function checkPosition(value: unknown, fail: Fail): IDataObject {
	if (!isPlainObject(value)) throw fail(`event_attributes.position must be a JSON object, not ${describeValue(value)}`);
	const position: IDataObject = { ...value };
	if (value.ordinal !== undefined && value.ordinal !== null) {
		const ordinal = wholeNumber(value.ordinal);
		if (ordinal === undefined || ordinal < 1) {
			throw fail(
				`event_attributes.position.ordinal must be a whole number of at least 1 (the 1-based rank of the result), not ${describeValue(value.ordinal)}`,
			);
		}
		position.ordinal = ordinal;
	}
	for (const key of ['x', 'y']) {
		if (value[key] === undefined || value[key] === null) continue;
		const number = typeof value[key] === 'string' && value[key] !== '' ? Number(value[key]) : value[key];
		if (typeof number !== 'number' || !Number.isFinite(number)) {
			throw fail(`event_attributes.position.${key} must be a number, not ${describeValue(value[key])}`);
		}
		position[key] = number;
	}
	return position;
}

/**
 * One event in the shape Releval binds: text fields as text, a timestamp with a time zone (now, when missing,
 * as the browser tracker's dispatcher does), object IDs as text, the position ordinal as a whole number.
 */
export function checkEvent(raw: unknown, defaultSiteId: string | undefined, fail: Fail, now: string): IDataObject {
	if (!isPlainObject(raw)) throw fail(`must be a JSON object, not ${describeValue(raw)}`);
	const event: IDataObject = { ...raw };
	for (const key of TEXT_FIELDS) {
		const value = raw[key];
		delete event[key];
		if (value === undefined || value === null) continue;
		const text = textValue(value);
		if (text === undefined) throw fail(`${key} must be text, not ${describeValue(value)}`);
		if (text.trim() === '') continue;
		event[key] = FREE_TEXT.includes(key) ? text : text.trim();
	}
	if (event.site_id === undefined && defaultSiteId) event.site_id = defaultSiteId;
	if (event.action_name === undefined) throw fail('action_name is required (e.g. "click", "impression", "add_to_cart")');
	if (event.site_id === undefined) {
		throw fail('site_id is required: set it in the event, or choose a Default Site. Releval drops events without a registered site_id.');
	}

	if (raw.timestamp === undefined || raw.timestamp === null || raw.timestamp === '') {
		event.timestamp = now;
	} else {
		const iso = isoTimestamp(raw.timestamp);
		if (!iso) throw fail(`timestamp must be an ISO 8601 date and time, like 2025-05-01T10:00:00Z, not ${describeValue(raw.timestamp)}`);
		event.timestamp = iso;
	}

	if (raw.event_attributes !== undefined && raw.event_attributes !== null) {
		if (!isPlainObject(raw.event_attributes)) {
			throw fail(`event_attributes must be a JSON object, not ${describeValue(raw.event_attributes)}`);
		}
		const attributes: IDataObject = { ...raw.event_attributes };
		if (attributes.object !== undefined && attributes.object !== null) attributes.object = checkObject(attributes.object, fail);
		if (attributes.position !== undefined && attributes.position !== null) {
			attributes.position = checkPosition(attributes.position, fail);
		}
		event.event_attributes = attributes;
	} else {
		delete event.event_attributes;
	}
	return event;
}

/** The JSON of a parameter value: parsed text, or the object/array an expression produced. */
function parseJson(value: unknown, fail: Fail): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw fail(`is not valid JSON: ${(error as Error).message}`);
	}
}

function failFor(context: IExecuteSingleFunctions, itemIndex: number, where: string): Fail {
	return (problem: string) =>
		new NodeOperationError(context.getNode(), `${where}: ${problem}`, {
			itemIndex,
			description:
				'Fix the event (in the input data or the parameters); nothing was sent to Releval, so no event of this batch was tracked.',
		});
}

function sendsOneBatch(context: IExecuteSingleFunctions): boolean {
	return context.getNodeParameter('sendInOneBatch', true) !== false;
}

/** The events of one input item, checked. */
function eventsOfItem(context: IExecuteSingleFunctions, itemIndex: number, now: string): IDataObject[] {
	const read = (parameter: string, fallback: unknown) => parameterForItem(context, parameter, itemIndex, fallback);
	const where = `Input item ${itemIndex + 1}`;
	const fromJson = read('eventsFrom', 'fields') === 'json';
	const siteValue = read(fromJson ? 'defaultSiteId' : 'siteId', '');
	const siteId = isBlankValue(siteValue) ? undefined : textValue(siteValue)?.trim();

	if (fromJson) {
		const parsed = parseJson(read('eventsJson', ''), failFor(context, itemIndex, `${where}, "Events"`));
		const list = parsed === undefined ? [] : Array.isArray(parsed) ? parsed : [parsed];
		if (list.length === 0) {
			throw failFor(context, itemIndex, `${where}, "Events"`)('has no events: enter a JSON array of events, or one event object');
		}
		return list.map((raw, index) =>
			checkEvent(raw, siteId, failFor(context, itemIndex, `${where}, event ${index + 1}`), now),
		);
	}

	const fail = failFor(context, itemIndex, where);
	const fields = (read('additionalFields', {}) ?? {}) as IDataObject;
	const attributes = parseJson(fields.eventAttributes, failFor(context, itemIndex, `${where}, "Event Attributes"`));
	if (attributes !== undefined && !isPlainObject(attributes)) {
		throw fail(`"Event Attributes" must be a JSON object, not ${describeValue(attributes)}`);
	}
	const eventAttributes: IDataObject = { ...((attributes as IDataObject | undefined) ?? {}) };
	const object: IDataObject = isPlainObject(eventAttributes.object) ? { ...eventAttributes.object } : {};
	if (!isBlankValue(fields.objectId)) object.object_id = fields.objectId;
	if (!isBlankValue(fields.objectIdField)) object.object_id_field = fields.objectIdField;
	if (Object.keys(object).length > 0) eventAttributes.object = object;
	if (!isBlankValue(fields.position)) {
		const position = isPlainObject(eventAttributes.position) ? eventAttributes.position : {};
		eventAttributes.position = { ...position, ordinal: fields.position };
	}

	const event: IDataObject = { action_name: read('actionName', '') as string };
	if (siteId) event.site_id = siteId;
	for (const [name, property] of Object.entries(ADDITIONAL_TEXT_FIELDS)) {
		if (!isBlankValue(fields[name])) event[property] = fields[name];
	}
	if (!isBlankValue(fields.timestamp)) event.timestamp = fields.timestamp;
	if (Object.keys(eventAttributes).length > 0) event.event_attributes = eventAttributes;
	if (isBlankValue(event.action_name)) throw fail('"Action Name" is required (e.g. click, impression, add_to_cart)');
	if (!siteId) throw fail('"Site" is required: choose the site the events belong to');
	return [checkEvent(event, siteId, fail, now)];
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

export const trackEventsOperation = operation({
	name: 'Track Events',
	value: 'trackEvents',
	action: 'Track user behavior events',
	description:
		"Send User Behavior Insights events (impressions, clicks, add to cart, purchases...) to Releval, as the browser tracker does: one event per input item, or a JSON array of events. By default all items go in one request. Events are checked first (object IDs must be text: whole numbers are converted, anything else stops the node, since Releval would reject the whole batch). Releval accepts the batch with 202 and validates later, silently dropping events whose site_id is not a registered Site. Outputs { accepted: true, events: N }.",
	endpoint: 'trackEvents',
	...oneRequestForAllItems(sendsOneBatch, buildEvents()),
	postReceive: [acceptedSummary()],
});

const show = showFor(['trackEvents']);
const fromFields = { show: showFor(['trackEvents'], { eventsFrom: ['fields'] }) };

export const trackEventsFields: INodeProperties[] = [
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
		displayOptions: { show },
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
		displayOptions: { show: showFor(['trackEvents'], { eventsFrom: ['json'] }) },
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
		displayOptions: { show: showFor(['trackEvents'], { eventsFrom: ['json'] }) },
	},
	{
		displayName: 'Send Items in One Batch',
		name: 'sendInOneBatch',
		type: 'boolean',
		default: true,
		description:
			'Whether to send the events of all input items in one request (as the browser tracker batches them) and output one summary item, instead of one request and one output item per input item',
		displayOptions: { show },
	},
	fieldsCollection('additionalFields', fromFields, [
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
];
