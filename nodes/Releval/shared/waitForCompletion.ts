import { NodeApiError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';

import { isFinishedRun, type OperationId } from '../../shared/api';
import { apiRequest } from '../../shared/apiRequest';
import { malformedResponseToNodeError } from '../../shared/errors';
import { readRetrySettings } from '../../shared/retry';
import { operationLabel } from './routing';

/*
 * "Wait for Completion" of Evaluation Run → Create / Start and AI Judging Run → Start, in one place. Releval
 * publishes no webhooks: after the create/start request the node polls the run (GET, through the one transport,
 * so token refresh, retries and problem-details errors apply) with growing intervals until it is completed,
 * failed or cancelled, or until the user's timeout. Waiting uses n8n-workflow's `sleep`.
 *
 * Request budget (one GET per status check, see `plannedStatusChecks`): checks at 2 s, 5 s, 9.5 s, 16 s, 26 s,
 * 42 s, 64 s, 99 s, 150 s, then every 60 s, plus one at the deadline. A run that never finishes costs
 * 7 checks for a 1-minute timeout, 17 for 10 minutes, 67 for 60 minutes, 247 for 240 minutes: about one per
 * minute plus 7. Each check may add the transport's own retries (429 / 5xx, Retries setting) and, after a
 * rejected token, one token request and one repeat.
 */

/** How long Wait for Completion waits when its Timeout option is not set. */
const DEFAULT_TIMEOUT_MINUTES = 60;

/** The poll schedule. Tests read it to compute budgets; the values are the production ones. */
export const WAIT_SCHEDULE = {
	/** Wait before the first status check. */
	firstDelayMs: 2_000,
	/** Each wait is this many times the previous one… */
	growth: 1.5,
	/** …up to this. */
	maxDelayMs: 60_000,
	/**
	 * A run that is still "pending" this long after creation was never queued (Releval may not start runs on
	 * creation: INFERRED): fail with a hint to use Start instead of waiting out the whole timeout.
	 */
	pendingGraceMs: 120_000,
};

/**
 * INFERRED: where a failed or cancelled run says why. The contract names `error` for AI judging runs and no
 * field for evaluation runs; the first text found under these keys is quoted in the error.
 */
const REASON_KEYS = ['error', 'failure_reason', 'error_message', 'reason', 'status_message', 'message', 'detail'];

export type RunKind = 'evaluationRun' | 'aiJudgingRun';

interface RunKindDefinition {
	/** "Evaluation run", for messages. */
	label: string;
	/** The operation that reads one run. */
	get: OperationId;
	/** The `{placeholder}` of its path. */
	pathParameter: string;
	/** Where to look the run up by hand. */
	getOperation: string;
}

const RUN_KINDS: Record<RunKind, RunKindDefinition> = {
	evaluationRun: {
		label: 'Evaluation run',
		get: 'getEvaluationRun',
		pathParameter: 'runId',
		getOperation: 'Evaluation Run → Get',
	},
	aiJudgingRun: {
		label: 'AI judging run',
		get: 'getAiJudgingRun',
		pathParameter: 'judgingRunId',
		getOperation: 'AI Judging Run → Get',
	},
};

/** The status checks a run that never finishes costs for `timeoutMs`, ignoring request time. */
export function plannedStatusChecks(timeoutMs: number, schedule = WAIT_SCHEDULE): number {
	let elapsed = 0;
	let delay = schedule.firstDelayMs;
	let checks = 0;
	while (elapsed < timeoutMs) {
		elapsed += Math.min(delay, timeoutMs - elapsed);
		delay = Math.min(delay * schedule.growth, schedule.maxDelayMs);
		checks += 1;
	}
	return checks;
}

function reasonOf(run: IDataObject): string | undefined {
	for (const key of REASON_KEYS) {
		const value = run[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (value && typeof value === 'object' && typeof (value as IDataObject).message === 'string') {
			return String((value as IDataObject).message).trim();
		}
	}
	return undefined;
}

/** "45 s", "1 min", "2 min 30 s". */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
}

/** The "Options" collection with Wait for Completion, Timeout (Minutes) and Return Failed Runs as Output. */
export function waitForCompletionOptions(what: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Return Failed Runs as Output',
				name: 'returnFailedRuns',
				type: 'boolean',
				default: false,
				description: `Whether a ${what} that ends failed or cancelled is returned as an item (check its status) instead of failing the item. Used with Wait for Completion.`,
			},
			{
				displayName: 'Timeout (Minutes)',
				name: 'timeoutMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440 },
				default: DEFAULT_TIMEOUT_MINUTES,
				description: `How long to wait for the ${what} to finish before the item fails; the ${what} itself keeps going in Releval. From 1 to 1440 (one day). Checks its status about once a minute (more often at first). Used with Wait for Completion.`,
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				description: `Whether to wait until the ${what} is completed, failed or cancelled and return it as it ended (status, metric values or counts) instead of returning at once`,
			},
		],
	};
}

interface WaitSettings {
	timeoutMs: number;
	returnFailedRuns: boolean;
}

function readWaitSettings(context: IExecuteSingleFunctions): WaitSettings | undefined {
	const options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	if (options.waitForCompletion !== true) return undefined;
	const minutes = Number(options.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES);
	return {
		timeoutMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_TIMEOUT_MINUTES) * 60_000,
		returnFailedRuns: options.returnFailedRuns === true,
	};
}

/** A failure that is about the run, not about an HTTP request: no status code, the run's facts in the error. */
function runError(
	context: IExecuteSingleFunctions,
	facts: JsonObject,
	message: string,
	lines: string[],
): NodeApiError {
	return new NodeApiError(context.getNode(), facts, {
		message,
		description: [...lines, `Operation: ${operationLabel(context)} (Wait for Completion)`].join('\n'),
		httpCode: null as unknown as string,
		itemIndex: context.getItemIndex(),
	});
}

/**
 * The post-receive step: when Wait for Completion is on, polls the run the response describes until it ends
 * and returns it as it ended; otherwise returns the items unchanged.
 */
export function waitForCompletion(kind: RunKind): PostReceiveAction {
	const definition = RUN_KINDS[kind];
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const settings = readWaitSettings(this);
		if (!settings) return items;

		const where = { operation: `${operationLabel(this)} (Wait for Completion)`, itemIndex: this.getItemIndex() };
		const body = response.body && typeof response.body === 'object' ? (response.body as IDataObject) : items[0]?.json;
		const runId = body?.id;
		if (typeof runId !== 'string' || runId === '') {
			throw malformedResponseToNodeError(
				this.getNode(),
				`Wait for Completion needs the ${definition.label.toLowerCase()}'s "id" in Releval's answer, and it has none.`,
				where,
			);
		}

		const path = { [definition.pathParameter]: runId };
		const retry = readRetrySettings(this.getNodeParameter('retryOptions', {}));

		const startedAt = Date.now();
		const deadline = startedAt + settings.timeoutMs;
		let run: IDataObject = body as IDataObject;
		let delay = WAIT_SCHEDULE.firstDelayMs;
		let checks = 0;

		while (!isFinishedRun(run.status)) {
			const now = Date.now();
			if (run.status === 'pending' && now - startedAt >= WAIT_SCHEDULE.pendingGraceMs) {
				throw runError(this, { runId, runStatus: 'pending' }, `${definition.label} ${runId} was never started`, [
					`It is still "pending" after ${formatDuration(now - startedAt)}: Releval did not queue it when it was created.`,
					'Start it with Evaluation Run → Start (with Wait for Completion there) instead of waiting here.',
				]);
			}
			if (now >= deadline) {
				const lastStatus = String(run.status ?? 'unknown');
				throw runError(
					this,
					{ runId, runStatus: lastStatus },
					`${definition.label} ${runId} did not finish within ${formatDuration(settings.timeoutMs)}`,
					[
						`Waited ${formatDuration(now - startedAt)} (${checks} status checks); the last status seen was "${lastStatus}".`,
						`The ${definition.label.toLowerCase()} goes on in Releval: look at it later with ${definition.getOperation}, or raise Timeout (Minutes) under Options.`,
					],
				);
			}
			await sleep(Math.min(delay, deadline - now));
			delay = Math.min(delay * WAIT_SCHEDULE.growth, WAIT_SCHEDULE.maxDelayMs);
			const answer = await apiRequest(this, definition.get, { path }, where, { retry });
			checks += 1;
			if (!answer.body || typeof answer.body !== 'object' || Array.isArray(answer.body)) {
				throw malformedResponseToNodeError(this.getNode(), `Expected the ${definition.label.toLowerCase()} as a JSON object.`, where);
			}
			run = answer.body as IDataObject;
		}

		if (run.status !== 'completed' && !settings.returnFailedRuns) {
			const reason = reasonOf(run);
			const status = String(run.status);
			throw runError(
				this,
				{ runId, runStatus: status, ...(reason ? { reason } : {}) },
				`${definition.label} ${runId} ${status === 'cancelled' ? 'was cancelled' : 'failed'}`,
				[
					reason ? `Releval says: ${reason}` : `Releval gives no reason; look at the ${definition.label.toLowerCase()} in Releval.`,
					`Status: ${status}, after ${formatDuration(Date.now() - startedAt)} of waiting.`,
					'To handle failed and cancelled runs in the workflow instead, turn on "Return Failed Runs as Output" under Options.',
				],
			);
		}
		return [{ json: run }];
	};
}
