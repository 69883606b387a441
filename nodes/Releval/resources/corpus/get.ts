import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/descriptions';
import { CORPUS_PATH_LABELS, corpusIdFor } from './shared';

export const getOperation = operation({
	name: 'Get',
	value: 'get',
	action: 'Get a corpus',
	description: 'Get one corpus by ID: its name, description and match mode',
	endpoint: 'getCorpus',
	pathLabels: CORPUS_PATH_LABELS,
});

export const getFields: INodeProperties[] = [corpusIdFor(['get'])];
