import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { FINISHED_RUN_STATUSES } from '../shared/api';
import { searchList } from '../shared/listSearch';
import { resourceLocator } from '../shared/resourceLocator';
import { TRIGGER_EVENT_NAMES, type TriggerEvent } from './events';
import { latestJudgmentList, pollJudgmentListEvents, type JudgmentListRecord } from './judgmentListEvents';
import { asItems, latestRunEvent, pollRunEvents, type RunRecord } from './runEvents';

/*
 * Releval publishes no webhooks: this trigger polls. How each event is detected is described in runEvents.ts and
 * judgmentListEvents.ts; what is kept between polls lives in the workflow's static data ("runs",
 * "judgmentLists") and is replaced only after a poll succeeded, so a failed poll loses no event.
 */

const RUN_EVENTS: TriggerEvent[] = ['evaluationRunFinished', 'evaluationRunStarted'];

export class RelevalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Releval Trigger',
		name: 'relevalTrigger',
		icon: { light: 'file:relevalTrigger.svg', dark: 'file:relevalTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ { ${Object.entries(TRIGGER_EVENT_NAMES)
			.map(([event, name]) => `${event}: "${name}"`)
			.join(', ')} }[$parameter["event"]] }}`,
		description: 'Starts the workflow when Releval evaluation runs start or finish, or judgment lists are uploaded',
		defaults: { name: 'Releval Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'relevalOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'evaluationRunFinished',
				options: [
					{
						name: TRIGGER_EVENT_NAMES.evaluationRunFinished,
						value: 'evaluationRunFinished',
						description: 'An evaluation run ended: completed, failed or cancelled',
					},
					{
						name: TRIGGER_EVENT_NAMES.evaluationRunStarted,
						value: 'evaluationRunStarted',
						description: 'An evaluation run was queued or started running (once per run)',
					},
					{
						name: TRIGGER_EVENT_NAMES.judgmentListUploaded,
						value: 'judgmentListUploaded',
						description: 'A new judgment list appeared',
					},
				],
			},
			{
				displayName:
					'AI judging runs cannot be watched: Releval has no endpoint that lists them. To continue when one ends, use the Releval node\'s AI Judging Run → Start with "Wait for Completion" (Options).',
				name: 'aiJudgingNotice',
				type: 'notice',
				default: '',
			},
			resourceLocator({
				name: 'evaluationId',
				displayName: 'Evaluation',
				searchListMethod: 'searchEvaluations',
				required: false,
				description:
					'The evaluation whose runs to watch. Leave empty to watch every evaluation (the runs of up to 25 evaluations are read per poll, so with many evaluations an event can come a few polls late).',
				displayOptions: { show: { event: RUN_EVENTS } },
			}),
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [...FINISHED_RUN_STATUSES],
				options: [
					{ name: 'Cancelled', value: 'cancelled', description: 'Stopped before it finished' },
					{ name: 'Completed', value: 'completed', description: 'Finished with results and metric values' },
					{ name: 'Failed', value: 'failed', description: 'Ended with an error' },
				],
				description: 'The end statuses that trigger the workflow',
				displayOptions: { show: { event: ['evaluationRunFinished'] } },
			},
		],
	};

	methods = {
		listSearch: { searchEvaluations: searchList('listEvaluations', 'evaluations') },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');

		if (event === 'judgmentListUploaded') {
			if (manual) return [asItems([await latestJudgmentList(this)])];
			const { lists, record } = await pollJudgmentListEvents(this, staticData.judgmentLists as JudgmentListRecord | undefined);
			staticData.judgmentLists = record as unknown as IDataObject;
			return lists.length > 0 ? [asItems(lists)] : null;
		}

		const settings = {
			event,
			evaluationId: String(this.getNodeParameter('evaluationId', '', { extractValue: true }) ?? '').trim(),
			statuses: event === 'evaluationRunFinished' ? (this.getNodeParameter('statuses', []) as string[]) : [],
		};
		if (manual) return [asItems([await latestRunEvent(this, settings)])];
		const { runs, record } = await pollRunEvents(this, settings, staticData.runs as RunRecord | undefined);
		staticData.runs = record as unknown as IDataObject;
		return runs.length > 0 ? [asItems(runs)] : null;
	}
}
