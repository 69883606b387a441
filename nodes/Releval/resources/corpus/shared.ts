import type { IDisplayOptions } from 'n8n-workflow';

import { resourceLocator } from '../../shared/descriptions';

export const showFor = (operations: string[]): IDisplayOptions['show'] => ({
	resource: ['corpus'],
	operation: operations,
});

/** The corpus an operation acts on (a path parameter). */
export const corpusIdFor = (operations: string[]) =>
	resourceLocator({
		name: 'corpusId',
		displayName: 'Corpus',
		searchListMethod: 'searchCorpora',
		description: 'The corpus to act on',
		displayOptions: { show: showFor(operations) },
	});

export const CORPUS_PATH_LABELS = { corpusId: 'Corpus' };

/**
 * How judgments are matched to queries. SEEN: the values `qid` (query text, the default) and `oid` (the full
 * query object), and that the mode is fixed at creation. INFERRED: the wire field name `match_mode`.
 */
export const MATCH_MODE_PROPERTY = 'match_mode';
