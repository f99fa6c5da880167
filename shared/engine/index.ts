/**
 * The availability engine: exact structural availability over independent basic events (a BDD),
 * request-weighted availability with transition and capacity terms, minimal cut sets, single
 * points of failure, importance measures, and the Open-PSA MEF export. See docs/availability.md.
 */
export { evaluate, variantStructure, MINUTES_PER_YEAR } from './evaluate';
export { exportMef } from './mef';
export type {
  AvailabilityFigures,
  CutSet,
  EngineIssue,
  EvaluateOptions,
  EvaluationReport,
  EventImportance,
  EventInfo,
  TransitionTerm,
  VariantEvaluation,
} from './types';
