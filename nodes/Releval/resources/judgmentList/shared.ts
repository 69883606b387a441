import type { IDisplayOptions, IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';
import { resourceLocator } from '../../shared/descriptions';

export const showFor = (operations: string[]): IDisplayOptions['show'] => ({
	resource: ['judgmentList'],
	operation: operations,
});

/** The judgment list an operation acts on (a path parameter). */
export const judgmentListIdFor = (operations: string[]) =>
	resourceLocator({
		name: 'judgmentListId',
		displayName: 'Judgment List',
		searchListMethod: 'searchJudgmentLists',
		description: 'The judgment list to act on',
		displayOptions: { show: showFor(operations) },
	});

export const JUDGMENT_LIST_PATH_LABELS = { judgmentListId: 'Judgment List' };

/** Judgment-list types (contract JudgmentListType; the prose is SEEN, the spellings INFERRED). */
export const JUDGMENT_LIST_TYPES: INodePropertyOptions[] = [
	{ name: 'Crowdsourced', value: 'crowdsourced', description: 'Grades collected from a crowd of raters' },
	{ name: 'Explicit', value: 'explicit', description: 'Grades people gave deliberately' },
	{ name: 'Golden', value: 'golden', description: 'Reference examples known to be right' },
	{ name: 'Implicit', value: 'implicit', description: 'Grades derived from user behaviour (clicks, purchases)' },
];

/** Grading scales (contract Scale, SEEN). */
export const SCALES: INodePropertyOptions[] = [
	{ name: 'Binary (0–1)', value: 'binary', description: 'Relevant or not' },
	{ name: 'Detailed (0–9)', value: 'detailed', description: 'Ten grades' },
	{ name: 'Graded (0–4)', value: 'graded', description: 'Five grades' },
];

/** Stops the item when an options parameter (set by an expression) holds a value Releval does not know. */
export function requireOption(parameter: string, label: string, options: INodePropertyOptions[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, '');
		const allowed = options.map((option) => String(option.value));
		if (!allowed.includes(String(value))) {
			throw invalidParameter(this, label, `is "${String(value)}", but must be one of: ${allowed.join(', ')}`);
		}
		return requestOptions;
	};
}
