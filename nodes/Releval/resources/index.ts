import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../shared/catalog';
import type { Resource } from '../shared/resource';
import { aiJudgeDescription } from './aiJudge';
import { aiJudgingRunDescription } from './aiJudgingRun';
import { aiProviderDescription } from './aiProvider';
import { analysisDescription } from './analysis';
import { appClientDescription } from './appClient';
import { corpusDescription } from './corpus';
import { evaluationDescription } from './evaluation';
import { evaluationRunDescription } from './evaluationRun';
import { judgmentDescription } from './judgment';
import { judgmentListDescription } from './judgmentList';
import { memberDescription } from './member';
import { querySetDescription } from './querySet';
import { queryTemplateDescription } from './queryTemplate';
import { searchEndpointDescription } from './searchEndpoint';
import { siteDescription } from './site';
import { userBehaviorInsightsDescription } from './userBehaviorInsights';

/*
 * Every resource of the node (declared in shared/catalog.ts) with its operations and fields (one folder per
 * resource, one file per operation). Add a resource here and it appears in the node.
 */
export const resources: Array<{ resource: Resource; properties: INodeProperties[] }> = [
	{ resource: RESOURCES.aiJudge, properties: aiJudgeDescription },
	{ resource: RESOURCES.aiJudgingRun, properties: aiJudgingRunDescription },
	{ resource: RESOURCES.aiProvider, properties: aiProviderDescription },
	{ resource: RESOURCES.analysis, properties: analysisDescription },
	{ resource: RESOURCES.appClient, properties: appClientDescription },
	{ resource: RESOURCES.corpus, properties: corpusDescription },
	{ resource: RESOURCES.evaluation, properties: evaluationDescription },
	{ resource: RESOURCES.evaluationRun, properties: evaluationRunDescription },
	{ resource: RESOURCES.judgment, properties: judgmentDescription },
	{ resource: RESOURCES.judgmentList, properties: judgmentListDescription },
	{ resource: RESOURCES.member, properties: memberDescription },
	{ resource: RESOURCES.querySet, properties: querySetDescription },
	{ resource: RESOURCES.queryTemplate, properties: queryTemplateDescription },
	{ resource: RESOURCES.searchEndpoint, properties: searchEndpointDescription },
	{ resource: RESOURCES.site, properties: siteDescription },
	{ resource: RESOURCES.userBehaviorInsights, properties: userBehaviorInsightsDescription },
].sort((a, b) => a.resource.name.localeCompare(b.resource.name));
