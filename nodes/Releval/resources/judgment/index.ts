import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../shared/catalog';
import { submitOperation } from './submit';

export const judgmentDescription: INodeProperties[] = RESOURCES.judgment.properties('submit', [submitOperation]);
