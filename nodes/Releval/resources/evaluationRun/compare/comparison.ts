import type { IDataObject } from 'n8n-workflow';

import { HIGHER_IS_BETTER } from './runFacts';

/*
 * The comparison itself, without n8n or HTTP: two runs' metric values against the thresholds (the verdict), and
 * two runs' results query by query (queryChanges.ts). Problems that depend on the runs (no common metric, a threshold
 * naming a metric a run lacks) are thrown as ComparisonProblem; the operation turns them into node errors.
 */

export type Verdict = 'passed' | 'regressed' | 'improved';

/** How far a metric may fall: in the metric's own units (0.02) or relative to the baseline (5 %). */
export interface Threshold {
	/** A metric name as Releval writes it, or `*` for every metric both runs have. */
	metric: string;
	maxDrop: number;
	relative: boolean;
}

export const EVERY_METRIC = '*';

export interface MetricComparison extends IDataObject {
	baseline: number;
	candidate: number;
	delta: number;
	/** The change relative to the baseline (-0.05 = 5 % lower); null when the baseline is 0. */
	relative_delta: number | null;
	regressed: boolean;
	/** The limits that applied: largest allowed fall, in metric units and in percent. */
	max_drop?: number;
	max_relative_drop_percent?: number;
}

export interface MetricsComparison {
	verdict: Verdict;
	metrics: Record<string, MetricComparison>;
	regressedMetrics: string[];
	onlyInBaseline: string[];
	onlyInCandidate: string[];
}

/** A problem with what the two runs hold; `lines` explain it and say what to do. */
export class ComparisonProblem extends Error {
	constructor(
		message: string,
		readonly lines: string[],
	) {
		super(message);
	}
}

/** Rounds away floating-point noise (0.71 - 0.69 = 0.020000000000000018), so that limits compare exactly. */
export function clean(value: number): number {
	return Math.round(value * 1e10) / 1e10;
}

function closeMatch(metric: string, available: string[]): string | undefined {
	return available.find((name) => name.toLowerCase() === metric.toLowerCase());
}

/** Checks every named threshold metric against the two runs; a metric one or both runs lack is an error. */
function checkThresholdMetrics(thresholds: Threshold[], baseline: Record<string, number>, candidate: Record<string, number>) {
	const all = [...new Set([...Object.keys(baseline), ...Object.keys(candidate)])];
	for (const { metric } of thresholds) {
		if (metric === EVERY_METRIC) continue;
		const inBaseline = metric in baseline;
		const inCandidate = metric in candidate;
		if (inBaseline && inCandidate) continue;
		const suggestion = closeMatch(metric, all);
		const where = !inBaseline && !inCandidate ? 'neither run has' : inBaseline ? 'the candidate run lacks' : 'the baseline run lacks';
		throw new ComparisonProblem(`"Thresholds" names "${metric}", which ${where}`, [
			`Metrics of the baseline run: ${Object.keys(baseline).join(', ') || 'none'}.`,
			`Metrics of the candidate run: ${Object.keys(candidate).join(', ') || 'none'}.`,
			suggestion && suggestion !== metric
				? `Metric names are compared exactly as Releval writes them: did you mean "${suggestion}"?`
				: 'Use a metric both runs computed, exactly as Releval writes it (e.g. NDCG@10, MAP), or * for every metric both have.',
		]);
	}
}

/**
 * Compares the metric values of two runs. Without thresholds every metric both runs have is checked and may not
 * fall at all; with thresholds, a metric regresses when its fall exceeds any threshold that names it (or `*`).
 * The verdict is `regressed` when any metric regressed, `improved` when no checked metric fell and at least one
 * rose, otherwise `passed`.
 */
export function compareMetrics(
	baseline: Record<string, number>,
	candidate: Record<string, number>,
	thresholds: Threshold[],
): MetricsComparison {
	const common = Object.keys(candidate).filter((metric) => metric in baseline);
	if (common.length === 0) {
		throw new ComparisonProblem('The two runs have no metric in common', [
			`Metrics of the baseline run: ${Object.keys(baseline).join(', ') || 'none'}.`,
			`Metrics of the candidate run: ${Object.keys(candidate).join(', ') || 'none'}.`,
			'Compare runs that computed at least one metric of the same name (set the metrics when creating a run).',
		]);
	}
	checkThresholdMetrics(thresholds, baseline, candidate);
	const rules = thresholds.length ? thresholds : [{ metric: EVERY_METRIC, maxDrop: 0, relative: false }];

	const metrics: Record<string, MetricComparison> = {};
	const regressedMetrics: string[] = [];
	let anyChecked = false;
	let anyFell = false;
	let anyRose = false;
	for (const metric of common) {
		const before = baseline[metric];
		const after = candidate[metric];
		const delta = clean(after - before);
		const relativeDelta = before === 0 ? null : clean(delta / Math.abs(before));
		const fall = HIGHER_IS_BETTER ? -delta : delta;
		const relativeFall = relativeDelta === null ? (fall > 0 ? Infinity : 0) : HIGHER_IS_BETTER ? -relativeDelta : relativeDelta;
		const applying = rules.filter((rule) => rule.metric === metric || rule.metric === EVERY_METRIC);
		const limits = {
			absolute: applying.filter((rule) => !rule.relative).map((rule) => rule.maxDrop),
			relative: applying.filter((rule) => rule.relative).map((rule) => rule.maxDrop),
		};
		const regressed =
			limits.absolute.some((limit) => fall > limit) ||
			limits.relative.some((percent) => clean(relativeFall * 100) > percent);
		const comparison: MetricComparison = {
			baseline: before,
			candidate: after,
			delta,
			relative_delta: relativeDelta,
			regressed,
		};
		if (limits.absolute.length) comparison.max_drop = Math.min(...limits.absolute);
		if (limits.relative.length) comparison.max_relative_drop_percent = Math.min(...limits.relative);
		metrics[metric] = comparison;
		if (regressed) regressedMetrics.push(metric);
		if (applying.length) {
			anyChecked = true;
			if (fall > 0) anyFell = true;
			if (fall < 0) anyRose = true;
		}
	}
	const verdict: Verdict = regressedMetrics.length ? 'regressed' : anyChecked && anyRose && !anyFell ? 'improved' : 'passed';
	return {
		verdict,
		metrics,
		regressedMetrics,
		onlyInBaseline: Object.keys(baseline).filter((metric) => !(metric in candidate)),
		onlyInCandidate: Object.keys(candidate).filter((metric) => !(metric in baseline)),
	};
}

function formatNumber(value: number): string {
	return String(clean(value));
}

/** "NDCG@10 fell by 0.042 (0.71 → 0.668, -5.92 %), more than the allowed 0.02" (percent to two decimals). */
export function describeMetric(metric: string, comparison: MetricComparison): string {
	const relative = comparison.relative_delta === null ? '' : `, ${Math.round(comparison.relative_delta * 10_000) / 100} %`;
	const direction = comparison.delta < 0 ? 'fell by' : comparison.delta > 0 ? 'rose by' : 'stayed at';
	const amount = comparison.delta === 0 ? formatNumber(comparison.candidate) : formatNumber(Math.abs(comparison.delta));
	const limits = [
		comparison.max_drop !== undefined ? `${formatNumber(comparison.max_drop)}` : undefined,
		comparison.max_relative_drop_percent !== undefined ? `${formatNumber(comparison.max_relative_drop_percent)} %` : undefined,
	].filter(Boolean);
	const allowed = comparison.regressed && limits.length ? `, more than the allowed ${limits.join(' or ')}` : '';
	return `${metric} ${direction} ${amount} (${formatNumber(comparison.baseline)} → ${formatNumber(comparison.candidate)}${relative})${allowed}`;
}
