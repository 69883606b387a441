import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { CORPUS_PATH_LABELS, corpusIdFor } from './shared';

export const deleteOperation = operation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a corpus',
	description: 'Delete a corpus by ID. Outputs { success: true } when Releval confirms.',
	endpoint: 'deleteCorpus',
	pathLabels: CORPUS_PATH_LABELS,
});

export const deleteFields: INodeProperties[] = [corpusIdFor(['delete'])];
