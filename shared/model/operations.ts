/**
 * The time people take in a recovery (the document's `operations`, defaults applied): every
 * consumer (scenarios, the transition term, the simulation, the advisor) reads it here.
 */
import { OPERATIONS_DEFAULTS } from './defaults';
import type { NinesDocument } from './types';

/** `operations.decisionSeconds` and `operations.detectionSeconds` of `doc`, defaults applied. */
export function operationsTime(doc: NinesDocument): {
  decisionSeconds: number;
  detectionSeconds: number;
} {
  return {
    decisionSeconds:
      doc.operations?.decisionSeconds ?? (OPERATIONS_DEFAULTS.decisionSeconds?.value as number),
    detectionSeconds:
      doc.operations?.detectionSeconds ?? (OPERATIONS_DEFAULTS.detectionSeconds?.value as number),
  };
}
