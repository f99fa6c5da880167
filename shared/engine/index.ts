/**
 * The engine's public entry: exact structural availability over independent basic events (a
 * BDD), request-weighted availability with transition and capacity terms, minimal cut sets,
 * single points of failure, importance measures, the Open-PSA MEF export, failure scenarios
 * (RTO, RPO), cost, the comparison of variants, the Monte Carlo simulation and the sensitivity of
 * downtime and yearly cost to each failure and price parameter.
 * See docs/availability.md and docs/cost.md.
 */
export { evaluate, evaluateScenario, variantStructure, MINUTES_PER_YEAR } from './evaluate';
export { exportMef } from './mef';
export { runScenario, evaluateExprs, TIME_PART_LABELS } from './scenario';
export type { ScenarioResult, Decomposition, EdgeTraffic, TimePart } from './scenario';
export { estimateCost } from './cost';
export type { CostEstimate, CostLine, CostCategory, UnpricedItem } from './cost';
export { compare } from './compare';
export type { Comparison, ComparedVariant, NineStep } from './compare';
export { simulate, simulateAsync } from './simulate';
export { sensitivity, sensitivityKey, priceLabel } from './sensitivity';
export type {
  CostSensitivityBar,
  FailureParameter,
  PriceParameter,
  Sensitivity,
  SensitivityBar,
  SensitivityOptions,
  SensitivityParameter,
  SensitivitySubject,
} from './sensitivity';
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
