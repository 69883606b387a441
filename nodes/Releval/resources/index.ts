import type { INodeProperties } from 'n8n-workflow';

import { aiJudgeDescription } from './aiJudge';
import { aiJudgingRunDescription } from './aiJudgingRun';
import { aiProviderDescription } from './aiProvider';
import { appClientDescription } from './appClient';
import { corpusDescription } from './corpus';
import { analysisDescription } from './analysis';
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
 * Every resource of the node: its display name, its value, and its operations and fields (one folder per
 * resource, one file per operation). Add a resource here and it appears in the node.
 */
export interface ResourceDefinition {
	name: string;
	value: string;
	description: string;
	properties: INodeProperties[];
}

export const resources: ResourceDefinition[] = [
	{
		name: 'Evaluation',
		value: 'evaluation',
		description: 'An endpoint, a query set and a query template evaluated together',
		properties: evaluationDescription,
	},
	{
		name: 'Evaluation Run',
		value: 'evaluationRun',
		description: 'One execution of an evaluation: its status, results, metrics and lock',
		properties: evaluationRunDescription,
	},
	{
		name: 'Judgment',
		value: 'judgment',
		description: 'Grades of the candidates an evaluation run returned for its queries',
		properties: judgmentDescription,
	},
	{
		name: 'AI Judging Run',
		value: 'aiJudgingRun',
		description: 'An AI judge grading the candidates of a completed evaluation run',
		properties: aiJudgingRunDescription,
	},
	{
		name: 'Corpus',
		value: 'corpus',
		description: 'A document collection that judgments and judgment lists belong to',
		properties: corpusDescription,
	},
	{
		name: 'Search Endpoint',
		value: 'searchEndpoint',
		description: 'A search engine Releval sends queries to, with its authentication and candidates mapping',
		properties: searchEndpointDescription,
	},
	{
		name: 'Query Template',
		value: 'queryTemplate',
		description: 'A Handlebars template that turns each query into a request to a search endpoint',
		properties: queryTemplateDescription,
	},
	{
		name: 'Query Set',
		value: 'querySet',
		description: 'A list of queries (text or JSON objects) to evaluate or analyse',
		properties: querySetDescription,
	},
	{
		name: 'Judgment List',
		value: 'judgmentList',
		description: 'An uploaded file of existing judgments for a corpus',
		properties: judgmentListDescription,
	},
	{
		name: 'Analysis',
		value: 'analysis',
		description: 'A comparison of the results of query templates against a baseline (RBO, Jaccard)',
		properties: analysisDescription,
	},
	{
		name: 'AI Provider',
		value: 'aiProvider',
		description: 'Stored LLM credentials (OpenAI, Anthropic, Bedrock, Azure OpenAI, Ollama, custom) that AI judges use',
		properties: aiProviderDescription,
	},
	{
		name: 'AI Judge',
		value: 'aiJudge',
		description: 'A saved AI provider, model and prompt template that grades evaluation run candidates',
		properties: aiJudgeDescription,
	},
	{
		name: 'Site',
		value: 'site',
		description: 'A website registered for browser User Behavior Insights tracking, with its public site_id',
		properties: siteDescription,
	},
	{
		name: 'User Behavior Insights',
		value: 'userBehaviorInsights',
		description: 'Track search queries and user events (UBI 1.3.0) and query the collected data',
		properties: userBehaviorInsightsDescription,
	},
	{
		name: 'App Client',
		value: 'appClient',
		description: 'Machine-to-machine OAuth2 client credentials with roles',
		properties: appClientDescription,
	},
	{
		name: 'Member',
		value: 'member',
		description: 'A person in the Releval workspace, with roles',
		properties: memberDescription,
	},
].sort((a, b) => a.name.localeCompare(b.name));
