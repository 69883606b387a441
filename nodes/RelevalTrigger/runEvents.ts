import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { isFinishedRun } from '../shared/api';
import { triggerEventLabel, type TriggerEvent } from './events';
import { ListReader, timeOf, type ListCursor } from './listWindow';

/*
 * Evaluation Run Finished / Evaluation Run Started. Releval has no list of all runs and no events, so each poll
 * reads the runs of the watched evaluation (or of the evaluations, a batch per poll) and compares every run's
 * status with the one recorded in the workflow's static data: a run whose status changed into the event's
 * statuses is emitted, once per (run, status).
 *
 * What is recorded stays bounded: per evaluation, the last status of runs that can still change (pending, queued,
 * running) and of runs that ended within an hour of the newest change seen; at most MAX_TRACKED_RUNS in all.
 * A run the record does not know is new: it is emitted when its last change is no older than FRESHNESS_MARGIN_MS
 * before the newest change the previous poll saw in its evaluation (Releval's own clock, so n8n's clock does not
 * matter), which keeps runs that drift back into the window from firing again.
 */

export type RunEvent = Exclude<TriggerEvent, 'judgmentListUploaded'>;

export const STARTED_STATUSES = ['queued', 'running'];

/** Evaluations whose runs are read per poll when every evaluation is watched. */
export const MAX_EVALUATIONS_PER_POLL = 25;
/** Run statuses kept in static data across all evaluations. */
export const MAX_TRACKED_RUNS = 2000;
/** Ended runs are remembered this long after the newest change seen in their evaluation. */
export const KEEP_FINISHED_MS = 60 * 60_000;
/** A run unknown to the record counts as new if it changed no earlier than this before the last poll's newest change. */
export const FRESHNESS_MARGIN_MS = 5 * 60_000;
/** Evaluations not read for this long are forgotten (deleted, or no longer watched). */
export const FORGET_EVALUATION_MS = 7 * 24 * 60 * 60_000;
/** For an evaluation that appears after the first sweep, runs changed longer ago than this are not new. */
export const NEW_EVALUATION_LOOKBACK_MS = 24 * 60 * 60_000;

const ALL = '*';

interface EvaluationRecord {
	/** Run id → the status last seen. */
	runs: Record<string, string>;
	/** The newest `updated` (or `created`) among its runs, in ms of Releval's clock. */
	mark?: number;
	/** Where reading its list of runs got to (oldest-first lists without totals). */
	list?: ListCursor;
	/** When it was last read, in ms of n8n's clock (only to forget it). */
	readAt: number;
}

/** What the trigger keeps in `getWorkflowStaticData('node').runs`. */
export interface RunRecord {
	version: 1;
	/** The evaluation watched, or '*' for all. */
	scope: string;
	evaluations: Record<string, EvaluationRecord>;
	/** All evaluations: every evaluation has been read once since `scope` was set. */
	swept?: boolean;
	/** All evaluations: the last evaluation read, the next poll goes on after it. */
	cursor?: string;
	/** All evaluations: where reading the list of evaluations got to. */
	list?: ListCursor;
}

export interface RunEventSettings {
	event: RunEvent;
	/** The watched evaluation, or '' for all. */
	evaluationId: string;
	/** Finished: the statuses to emit. */
	statuses: string[];
}

function matchesEvent(settings: RunEventSettings, status: string): boolean {
	return settings.event === 'evaluationRunFinished'
		? settings.statuses.includes(status)
		: STARTED_STATUSES.includes(status);
}

/** Whether a run seen with `status`, last recorded with `previous`, is an event. */
function isTransition(settings: RunEventSettings, previous: string | undefined, status: string): boolean {
	if (!matchesEvent(settings, status) || previous === status) return false;
	// Started: once per run, when it leaves "pending" (a run that went on from queued to running is not new)
	if (settings.event === 'evaluationRunStarted') return previous === undefined || previous === 'pending';
	return true;
}

interface ScannedEvaluation {
	id: string;
	runs: IDataObject[];
	list: ListCursor;
}

/** The evaluations to read this poll, and what reading them changes in the record. */
async function evaluationsToRead(
	reader: ListReader,
	settings: RunEventSettings,
	record: RunRecord,
	manual: boolean,
): Promise<{ ids: string[]; list?: ListCursor; wraps: boolean }> {
	if (settings.evaluationId) return { ids: [settings.evaluationId], wraps: true };
	const window = await reader.window('listEvaluations', {}, record.list);
	const all = window.items.map((evaluation) => String(evaluation.id));
	if (all.length <= MAX_EVALUATIONS_PER_POLL) return { ids: all, list: window.cursor, wraps: true };
	const after = manual || record.cursor === undefined ? -1 : all.indexOf(record.cursor);
	const start = after + 1 >= all.length ? 0 : after + 1;
	const ids = [...all.slice(start), ...all.slice(0, start)].slice(0, MAX_EVALUATIONS_PER_POLL);
	return { ids, list: window.cursor, wraps: start + ids.length >= all.length };
}

async function readEvaluations(
	context: IPollFunctions,
	reader: ListReader,
	ids: string[],
	record: RunRecord,
): Promise<ScannedEvaluation[]> {
	const startedAt = Date.now();
	// Leave the engine time to spare (n8n 2.x gives a poll a budget; older versions do not say).
	const budgetMs = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() / 2 : Infinity;
	const scanned: ScannedEvaluation[] = [];
	for (const id of ids) {
		if (scanned.length > 0 && Date.now() - startedAt > budgetMs) break;
		const window = await reader.window('listEvaluationRuns', { evaluationId: id }, record.evaluations[id]?.list);
		scanned.push({ id, runs: window.items, list: window.cursor });
	}
	return scanned;
}

function newestChange(runs: IDataObject[], previous: number | undefined): number | undefined {
	let mark = previous;
	for (const run of runs) {
		const time = timeOf(run);
		if (time !== undefined && (mark === undefined || time > mark)) mark = time;
	}
	return mark;
}

/** The record of one evaluation after reading its runs: bounded to runs that may still matter. */
function updatedEvaluationRecord(scanned: ScannedEvaluation, previous: EvaluationRecord | undefined, now: number): EvaluationRecord {
	const mark = newestChange(scanned.runs, previous?.mark);
	const runs: Record<string, string> = {};
	const inWindow = new Set<string>();
	for (const run of scanned.runs) {
		const id = String(run.id);
		const status = String(run.status ?? '');
		inWindow.add(id);
		const time = timeOf(run);
		const recent = time === undefined || mark === undefined || time >= mark - KEEP_FINISHED_MS;
		if (!isFinishedRun(status) || recent) runs[id] = status;
	}
	// Runs that were not in this poll's window and can still change stay recorded (they may come back into it).
	for (const [id, status] of Object.entries(previous?.runs ?? {})) {
		if (!inWindow.has(id) && !isFinishedRun(status)) runs[id] = status;
	}
	return { runs, mark, list: scanned.list, readAt: now };
}

/** Keeps at most MAX_TRACKED_RUNS run statuses, dropping from the evaluations read longest ago first. */
function capRecord(evaluations: Record<string, EvaluationRecord>): void {
	let total = Object.values(evaluations).reduce((sum, evaluation) => sum + Object.keys(evaluation.runs).length, 0);
	const oldestFirst = Object.values(evaluations).sort((a, b) => a.readAt - b.readAt);
	for (const evaluation of oldestFirst) {
		if (total <= MAX_TRACKED_RUNS) return;
		const ids = Object.keys(evaluation.runs);
		const drop = ids.slice(0, Math.min(ids.length, total - MAX_TRACKED_RUNS));
		for (const id of drop) delete evaluation.runs[id];
		total -= drop.length;
	}
}

function byTime(a: IDataObject, b: IDataObject): number {
	return (timeOf(a) ?? 0) - (timeOf(b) ?? 0);
}

/**
 * One poll for a run event. Returns the runs to emit (oldest change first) and the new record, which the caller
 * stores only when the whole poll succeeded. The first poll of a scope returns no runs.
 */
export async function pollRunEvents(
	context: IPollFunctions,
	settings: RunEventSettings,
	stored: RunRecord | undefined,
): Promise<{ runs: IDataObject[]; record: RunRecord }> {
	const scope = settings.evaluationId || ALL;
	const now = Date.now();
	// a copy: static data changes only when the whole poll succeeded
	const record: RunRecord =
		stored?.version === 1 ? (JSON.parse(JSON.stringify(stored)) as RunRecord) : { version: 1, scope, evaluations: {} };
	if (record.scope !== scope) {
		record.scope = scope;
		record.swept = false;
		record.cursor = undefined;
	}
	const reader = new ListReader(context, triggerEventLabel(settings.event));
	const { ids, list, wraps } = await evaluationsToRead(reader, settings, record, false);
	const scanned = await readEvaluations(context, reader, ids, record);

	const sweptBefore = scope === ALL ? record.swept === true : true;
	const newestMark = Math.max(...Object.values(record.evaluations).map((evaluation) => evaluation.mark ?? -Infinity));
	const emitted: IDataObject[] = [];
	for (const evaluation of scanned) {
		const previous = record.evaluations[evaluation.id];
		// Runs the record does not know are recorded silently when the evaluation is read for the first time in
		// this scope (unless it appeared after the first sweep of all evaluations: then its runs are new, within
		// NEW_EVALUATION_LOOKBACK_MS), and while the previous poll had not yet reached the end of a long list
		// without a total (the pages after it were never recorded).
		const unknownAreOld =
			previous === undefined ? scope !== ALL || !sweptBefore : previous.list?.resume !== undefined;
		const freshSince = previous
			? previous.mark === undefined
				? undefined
				: previous.mark - FRESHNESS_MARGIN_MS
			: Number.isFinite(newestMark)
				? newestMark - NEW_EVALUATION_LOOKBACK_MS
				: undefined;
		for (const run of evaluation.runs) {
			const status = String(run.status ?? '');
			const known = previous?.runs[String(run.id)];
			if (!isTransition(settings, known, status)) continue;
			if (known === undefined) {
				if (unknownAreOld) continue;
				if (freshSince !== undefined && (timeOf(run) ?? Infinity) < freshSince) continue;
			}
			emitted.push(run);
		}
		record.evaluations[evaluation.id] = updatedEvaluationRecord(evaluation, previous, now);
	}

	if (scope === ALL) {
		record.list = list;
		if (scanned.length > 0) record.cursor = scanned[scanned.length - 1].id;
		if (wraps && scanned.length === ids.length) record.swept = true;
	}
	for (const [id, evaluation] of Object.entries(record.evaluations)) {
		if (now - evaluation.readAt > FORGET_EVALUATION_MS) delete record.evaluations[id];
	}
	capRecord(record.evaluations);
	return { runs: emitted.sort(byTime), record };
}

/** "Fetch Test Event": the run that most recently changed into the event's statuses; the record is not touched. */
export async function latestRunEvent(context: IPollFunctions, settings: RunEventSettings): Promise<IDataObject> {
	const reader = new ListReader(context, triggerEventLabel(settings.event));
	const { ids } = await evaluationsToRead(reader, settings, { version: 1, scope: ALL, evaluations: {} }, true);
	const scanned = await readEvaluations(context, reader, ids, { version: 1, scope: ALL, evaluations: {} });
	const matching = scanned.flatMap((evaluation) => evaluation.runs).filter((run) => matchesEvent(settings, String(run.status ?? '')));
	if (matching.length === 0) {
		const where = settings.evaluationId ? `evaluation ${settings.evaluationId}` : `the ${ids.length} evaluations read`;
		const wanted = settings.event === 'evaluationRunFinished' ? settings.statuses.join(', ') : STARTED_STATUSES.join(' or ');
		throw new NodeOperationError(context.getNode(), 'No evaluation run to show yet', {
			description: `No run of ${where} is ${wanted} right now. Start or finish a run in Releval, then fetch the test event again.`,
		});
	}
	// the last of the newest: list order breaks ties
	return matching.reduce((latest, run) => ((timeOf(run) ?? 0) >= (timeOf(latest) ?? 0) ? run : latest));
}

export function asItems(runs: IDataObject[]): INodeExecutionData[] {
	return runs.map((json) => ({ json }));
}
