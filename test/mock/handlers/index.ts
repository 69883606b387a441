import type { MockReleval } from '../server';
import { registerCorpusHandlers } from './corpora';
import { registerEndpointHandlers } from './endpoints';
import { registerEvaluationHandlers } from './evaluations';
import { registerQuerySetHandlers } from './querySets';
import { registerJudgmentListHandlers } from './judgmentLists';
import { registerAnalysisHandlers } from './analyses';
import { registerQueryTemplateHandlers } from './queryTemplates';
import { registerAiJudgingRunHandlers } from './aiJudgingRuns';
import { registerEvaluationRunHandlers } from './evaluationRuns';
import { registerJudgmentHandlers } from './judgments';
import { registerAiProviderHandlers } from './aiProviders';
import { registerAiJudgeHandlers } from './aiJudges';
import { registerSiteHandlers } from './sites';
import { registerUbiHandlers } from './ubi';
import { registerAppClientHandlers } from './appClients';
import { registerMemberHandlers } from './members';

/** Every resource's handlers (one file per resource). Operations without a handler answer 501. */
export function registerAllHandlers(mock: MockReleval): void {
	registerEvaluationHandlers(mock);
	registerQuerySetHandlers(mock);
	registerJudgmentListHandlers(mock);
	registerAnalysisHandlers(mock);
	registerCorpusHandlers(mock);
	registerEndpointHandlers(mock);
	registerQueryTemplateHandlers(mock);
	registerEvaluationRunHandlers(mock);
	registerJudgmentHandlers(mock);
	registerAiJudgingRunHandlers(mock);
	registerAiProviderHandlers(mock);
	registerAiJudgeHandlers(mock);
	registerSiteHandlers(mock);
	registerUbiHandlers(mock);
	registerAppClientHandlers(mock);
	registerMemberHandlers(mock);
}
