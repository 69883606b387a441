import type { IDataObject, NodeOperationError } from 'n8n-workflow';

import { readRetrySettings, type RetrySettings } from '../../../../shared/retry';
import { METRIC_PATTERN } from '../runSettings';
import { EVERY_METRIC, type Threshold } from './comparison';
import type { BaselineMode } from './runs';

/* Compare's settings, read the same way on the workflow path and the AI-tool path, and checked before any request. */

export type OnRegression = 'outputVerdict' | 'failItem' | 'secondOutput';

export interface CompareSettings {
	candidateRunId: string;
	baseline: BaselineMode;
	baselineRunId?: string;
	allowDifferentEvaluations: boolean;
	thresholds: Threshold[];
	onRegression: OnRegression;
	simplify: boolean;
	topK: number;
	maxQueries: number;
	retry: RetrySettings;
}

/** Reads a parameter of the current item; a resource locator as its ID (`asId`). */
export type ReadParameter = (name: string, fallback: unknown, asId?: boolean) => unknown;
export type Fail = (label: string, problem: string) => NodeOperationError;

export function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

const BASELINE_MODES: BaselineMode[] = ['previousCompleted', 'newestLocked', 'specificRun'];
const REGRESSION_MODES: OnRegression[] = ['outputVerdict', 'failItem', 'secondOutput'];

/** Reads and checks every setting before any request, naming the field at fault. */
export function readSettings(read: ReadParameter, fail: Fail): CompareSettings {
	const candidateRunId = text(read('runId', '', true));
	if (!candidateRunId) throw fail('Candidate Run', 'is required: choose the run to check from the list or enter its ID');
	const baseline = read('baseline', 'previousCompleted') as BaselineMode;
	if (!BASELINE_MODES.includes(baseline)) throw fail('Compare With', `must be one of ${BASELINE_MODES.join(', ')}`);
	const baselineRunId = baseline === 'specificRun' ? text(read('baselineRunId', '', true)) : undefined;
	if (baseline === 'specificRun' && !baselineRunId) {
		throw fail('Baseline Run', 'is required when comparing with a specific run: choose it from the list or enter its ID');
	}
	if (baselineRunId !== undefined && baselineRunId === candidateRunId) {
		throw fail('Baseline Run', `is the candidate run itself (${candidateRunId}): choose another run to compare with`);
	}
	const onRegression = read('onRegression', 'outputVerdict') as OnRegression;
	if (!REGRESSION_MODES.includes(onRegression)) throw fail('On Regression', `must be one of ${REGRESSION_MODES.join(', ')}`);

	const entries = ((read('thresholds', {}) as IDataObject)?.threshold ?? []) as IDataObject[];
	const thresholds = entries.map((entry, index): Threshold => {
		const metric = text(entry.metric);
		const position = entries.length > 1 ? ` (threshold ${index + 1})` : '';
		if (!metric) throw fail('Thresholds', `has a threshold without a metric${position}: enter a metric name such as NDCG@10, or * for every metric`);
		if (metric !== EVERY_METRIC && !METRIC_PATTERN.test(metric)) {
			throw fail('Thresholds', `contains "${metric}"${position}, which is not a metric name: use NAME or NAME@k as Releval writes it (e.g. NDCG@10, MAP), or *`);
		}
		const maxDrop = Number(entry.maxDrop ?? 0);
		if (!Number.isFinite(maxDrop) || maxDrop < 0) {
			throw fail('Thresholds', `has Max Drop ${String(entry.maxDrop)} for ${metric}${position}: it must be 0 or more`);
		}
		return { metric, maxDrop, relative: entry.measure === 'relative' };
	});

	const simplify = read('simplify', true) !== false;
	const topK = Number(read('topK', 10));
	if (!Number.isInteger(topK) || topK < 1) throw fail('Top K', 'must be a whole number of 1 or more');
	const maxQueries = Number(read('maxQueries', 25));
	if (!Number.isInteger(maxQueries) || maxQueries < 0) throw fail('Max Queries Listed', 'must be a whole number of 0 or more');

	return {
		candidateRunId,
		baseline,
		baselineRunId,
		allowDifferentEvaluations: read('allowDifferentEvaluations', false) === true,
		thresholds,
		onRegression,
		simplify,
		topK,
		maxQueries,
		retry: readRetrySettings(read('retryOptions', {})),
	};
}
