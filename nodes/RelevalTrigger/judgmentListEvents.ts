import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { triggerEventLabel } from './events';
import { ListReader, timeOf, type ListCursor } from './listWindow';
import { FRESHNESS_MARGIN_MS } from './runEvents';

/*
 * Judgment List Uploaded. Judgment lists have no status: a list whose id the previous poll did not see in the
 * window of newest lists (see listWindow.ts) is new. The record is the ids of that window (at most 500) and the newest `created`
 * seen; an unknown id created more than FRESHNESS_MARGIN_MS before that is an old list that drifted back into
 * the window (after deletions) and is not emitted.
 */

const OPERATION = triggerEventLabel('judgmentListUploaded');

/** What the trigger keeps in `getWorkflowStaticData('node').judgmentLists`. */
export interface JudgmentListRecord {
	version: 1;
	/** Ids in the window the last poll read. */
	ids: string[];
	/** The newest `created` seen, in ms of Releval's clock. */
	mark?: number;
	list?: ListCursor;
}

const createdOf = (list: IDataObject) => timeOf(list, ['created', 'updated']);

/** One poll: the new judgment lists (oldest first) and the record to store when the poll succeeded. */
export async function pollJudgmentListEvents(
	context: IPollFunctions,
	stored: JudgmentListRecord | undefined,
): Promise<{ lists: IDataObject[]; record: JudgmentListRecord }> {
	const previous = stored?.version === 1 ? stored : undefined;
	const window = await new ListReader(context, OPERATION).window('listJudgmentLists', {}, previous?.list);
	let mark = previous?.mark;
	for (const list of window.items) {
		const created = createdOf(list);
		if (created !== undefined && (mark === undefined || created > mark)) mark = created;
	}
	const record: JudgmentListRecord = {
		version: 1,
		ids: window.items.map((list) => String(list.id)),
		...(mark !== undefined ? { mark } : {}),
		list: window.cursor,
	};
	// First poll, or the previous one had not yet reached the end of a long list without a total: record only.
	if (!previous || previous.list?.resume !== undefined) return { lists: [], record };

	const known = new Set(previous.ids);
	const freshSince = previous.mark === undefined ? undefined : previous.mark - FRESHNESS_MARGIN_MS;
	const lists = window.items
		.filter((list) => !known.has(String(list.id)))
		.filter((list) => freshSince === undefined || (createdOf(list) ?? Infinity) >= freshSince)
		.sort((a, b) => (createdOf(a) ?? 0) - (createdOf(b) ?? 0));
	return { lists, record };
}

/** "Fetch Test Event": the newest judgment list. */
export async function latestJudgmentList(context: IPollFunctions): Promise<IDataObject> {
	const { items } = await new ListReader(context, OPERATION).window('listJudgmentLists', {}, undefined);
	if (items.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No judgment list to show yet', {
			description: 'Releval has no judgment lists. Upload one (Releval node: Judgment List → Upload), then fetch the test event again.',
		});
	}
	return items.reduce((latest, list) => ((createdOf(list) ?? 0) >= (createdOf(latest) ?? 0) ? list : latest));
}
