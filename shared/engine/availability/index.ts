/**
 * Exact request-weighted availability of one variant: the BDD, the failure model over the
 * basic events, minimal cut sets, importance measures, and the transition and capacity terms;
 * `evaluate` assembles them with the cost and the scenarios into `nines evaluate --json`.
 * The door of shared/engine/availability/.
 */
export { Subtrees, routedShares, routingOf } from './capacity';
export {
  MINUTES_PER_YEAR,
  downtimeMinutesPerYear,
  evaluate,
  evaluateScenario,
  evaluateVariant,
  variantStructure,
} from './evaluate';
export type { PreparedEvaluation } from './evaluate';
export { HOURS_PER_YEAR } from './transitions';
export type {
  AvailabilityFigures,
  CutSet,
  EvaluateOptions,
  EvaluationReport,
  EventImportance,
  TransitionTerm,
  VariantEvaluation,
} from './types';
