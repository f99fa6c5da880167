/**
 * Variants side by side: availability, nines, cost and scenario misses, and the nines ladder.
 * It reads the evaluation report, so it sits above availability and cost. The door of
 * shared/engine/compare/.
 */
export { availabilityFromReport, compare, scenarioMisses } from './compare';
export type { ComparedVariant, Comparison, NineStep } from './compare';
