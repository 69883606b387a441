import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { parameterForItem } from '../../shared/inputItems';
import { isBlankValue, isoTimestamp, parseJsonValue, wholeNumber, type Fail } from '../../shared/validation';
import { describeValue, textValue } from './ubiValues';

/*
 * The UBI events of Track Events, built from an input item and checked before anything is sent. Releval binds
 * strictly and drops or rejects silently, so every event is checked here first: a numeric object_id or
 * internal_id would make Releval reject the whole batch, and an event without a site_id would be dropped.
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

function failFor(context: IExecuteSingleFunctions, itemIndex: number, where: string): Fail {
	return (problem: string) =>
		new NodeOperationError(context.getNode(), `${where}: ${problem}`, {
			itemIndex,
			description:
				'Fix the event (in the input data or the parameters); nothing was sent to Releval, so no event of this batch was tracked.',
		});
}

/** The events of one input item, checked. */
export function eventsOfItem(context: IExecuteSingleFunctions, itemIndex: number, now: string): IDataObject[] {
	const read = (parameter: string, fallback: unknown) => parameterForItem(context, parameter, itemIndex, fallback);
	const where = `Input item ${itemIndex + 1}`;
	const fromJson = read('eventsFrom', 'fields') === 'json';
	const siteValue = read(fromJson ? 'defaultSiteId' : 'siteId', '');
	const siteId = isBlankValue(siteValue) ? undefined : textValue(siteValue)?.trim();

	if (fromJson) {
		const parsed = parseJsonValue(read('eventsJson', ''), failFor(context, itemIndex, `${where}, "Events"`));
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
	const attributes = parseJsonValue(
		fields.eventAttributes,
		failFor(context, itemIndex, `${where}, "Event Attributes"`),
	);
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
