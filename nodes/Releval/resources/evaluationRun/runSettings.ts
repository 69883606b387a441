import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { failForParameter, invalidParameter, parseJsonValue } from '../../shared/validation';

/**
 * Common metrics for the Metrics list. SEEN tokens: NDCG@10, MAP, ERR@10, MRR@10 (and the metric family names
 * Precision, Recall, F-Score, MAP, Best@k, MRR, DCG, NDCG, ERR). INFERRED: the exact tokens of the others
 * (P@k for Precision, Recall@k, F-Score@k, DCG@k, Best@k); anything else goes in Custom Metrics.
 */
export const METRIC_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Best@10', value: 'Best@10' },
	{ name: 'DCG@10', value: 'DCG@10' },
	{ name: 'ERR@10', value: 'ERR@10' },
	{ name: 'F-Score@10', value: 'F-Score@10' },
	{ name: 'MAP', value: 'MAP' },
	{ name: 'MAP@10', value: 'MAP@10' },
	{ name: 'MRR', value: 'MRR' },
	{ name: 'MRR@10', value: 'MRR@10' },
	{ name: 'NDCG@10', value: 'NDCG@10' },
	{ name: 'NDCG@20', value: 'NDCG@20' },
	{ name: 'NDCG@5', value: 'NDCG@5' },
	{ name: 'Precision@10 (P@10)', value: 'P@10' },
	{ name: 'Precision@5 (P@5)', value: 'P@5' },
	{ name: 'Recall@10', value: 'Recall@10' },
];

/** A metric name with an optional positive @k cutoff, within the contract's Metric pattern. */
export const METRIC_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*(@[1-9][0-9]*)?$/;

function metricList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((metric) => String(metric).trim()).filter(Boolean);
	if (typeof value === 'string') return value.split(',').map((metric) => metric.trim()).filter(Boolean);
	return [];
}

/**
 * Builds the `metrics` body property from the Metrics list and the comma-separated Custom Metrics, checking
 * every name before anything is sent.
 */
export function sendMetrics(): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const chosen = metricList(this.getNodeParameter('metrics', []));
		const custom = metricList(this.getNodeParameter('customMetrics', ''));
		for (const [label, names] of [
			['Metrics', chosen],
			['Custom Metrics', custom],
		] as const) {
			const invalid = names.find((name) => !METRIC_PATTERN.test(name));
			if (invalid !== undefined) {
				throw invalidParameter(
					this,
					label,
					`contains "${invalid}", which is not a metric name: use NAME or NAME@k separated by commas, e.g. "NDCG@10, MAP, ERR@10"`,
				);
			}
		}
		const metrics = [...new Set([...chosen, ...custom])];
		if (metrics.length === 0) {
			throw invalidParameter(this, 'Metrics', 'is required: choose at least one metric or enter Custom Metrics');
		}
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), metrics };
		return requestOptions;
	};
}

/** Validates the optional per-run Headers override (a JSON object of strings) and puts it in the body. */
export function sendHeadersOverride(collection: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const fields = this.getNodeParameter(collection, {}) as IDataObject;
		if (fields.headers === undefined) return requestOptions;
		const headers = parseJsonValue(fields.headers, failForParameter(this, 'Headers Override'), 'object') as IDataObject | undefined;
		if (headers === undefined) return requestOptions;
		const notText = Object.entries(headers).find(([, value]) => typeof value !== 'string');
		if (notText) {
			throw invalidParameter(this, 'Headers Override', `must map header names to text values; "${notText[0]}" is not text`);
		}
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), headers };
		return requestOptions;
	};
}
