/*
 * Interleaved measurement and its summary. The machine is shared and noisy: both sides of every comparison run in
 * the same process, one after the other within each round, in an order that rotates from round to round; a ratio
 * is computed per round and summarised by its median, min and max.
 */

export interface Summary {
	median: number;
	min: number;
	max: number;
	n: number;
}

export function summarise(values: number[]): Summary {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** Per-round ratios a / b. */
export function ratios(a: number[], b: number[]): number[] {
	return a.map((value, index) => value / b[index]);
}

/**
 * Runs every subject once per round, rotating the order each round so no subject always goes first, after one
 * unmeasured warm-up round. Returns the measured milliseconds per subject, by round.
 */
export async function interleave<K extends string>(
	subjects: Record<K, () => Promise<number>>,
	rounds: number,
	options: { warmup?: number; onRound?: (round: number) => void } = {},
): Promise<Record<K, number[]>> {
	const names = Object.keys(subjects) as K[];
	for (let warm = 0; warm < (options.warmup ?? 1); warm++) {
		for (const name of names) await subjects[name]();
	}
	const results = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
	for (let round = 0; round < rounds; round++) {
		for (let offset = 0; offset < names.length; offset++) {
			const name = names[(offset + round) % names.length];
			results[name].push(await subjects[name]());
		}
		options.onRound?.(round);
	}
	return results;
}

export function fmtMs(ms: number): string {
	return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function fmtRatio(value: number): string {
	return `${value.toFixed(2)}×`;
}

export function fmtSummaryMs(summary: Summary): string {
	return `${fmtMs(summary.median)} (${fmtMs(summary.min)}–${fmtMs(summary.max)})`;
}

export function fmtSummaryRatio(summary: Summary): string {
	return `${fmtRatio(summary.median)} (${fmtRatio(summary.min)}–${fmtRatio(summary.max)})`;
}

export function fmtBytes(bytes: number): string {
	const abs = Math.abs(bytes);
	if (abs >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
	if (abs >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${Math.round(bytes)} B`;
}

/** A plain-text table with aligned columns. */
export function table(headers: string[], rows: string[][]): string {
	const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: string[]) => cells.map((cell, column) => (cell ?? '').padEnd(widths[column])).join('  ').trimEnd();
	return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
