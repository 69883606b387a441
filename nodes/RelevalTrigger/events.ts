/** The trigger's events, by the names its Event option shows. */
export const TRIGGER_EVENT_NAMES = {
	evaluationRunFinished: 'Evaluation Run Finished',
	evaluationRunStarted: 'Evaluation Run Started',
	judgmentListUploaded: 'Judgment List Uploaded',
} as const;

export type TriggerEvent = keyof typeof TRIGGER_EVENT_NAMES;

/**
 * "Releval Trigger: Evaluation Run Finished": what a poll was doing, in its errors (the Releval node's
 * counterpart is `operationLabel`, "Evaluation → Get Many").
 */
export function triggerEventLabel(event: TriggerEvent): string {
	return `Releval Trigger: ${TRIGGER_EVENT_NAMES[event]}`;
}
