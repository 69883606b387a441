import type { MockReleval } from '../server';
import { registerEvaluationHandlers } from './evaluations';

/** Every resource's handlers (one file per resource). Operations without a handler answer 501. */
export function registerAllHandlers(mock: MockReleval): void {
	registerEvaluationHandlers(mock);
}
