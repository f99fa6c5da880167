/**
 * The engine's public entry: exact structural availability over independent basic events (a
 * BDD), request-weighted availability with transition and capacity terms, minimal cut sets,
 * single points of failure, importance measures, the Open-PSA MEF export, failure scenarios
 * (RTO, RPO) and the standard drills of a design, cost, the comparison of variants, the Monte Carlo simulation, the sensitivity of
 * downtime and yearly cost to each failure and price parameter, and the advisor.
 *
 * Code outside shared/engine/ imports the engine from here only; inside, each capability folder
 * is reached through its own index.ts (docs/architecture.md). Exports only, no code.
 * See docs/availability.md and docs/cost.md.
 */
export type { EngineIssue, EventInfo } from './types';
export { evaluateExprs, resolveGraph } from './structure';
export type { FailoverGroup, ResolvedGraph } from './structure';
export { evaluate, evaluateScenario, variantStructure, MINUTES_PER_YEAR } from './availability';
export type {
  AvailabilityFigures,
  CutSet,
  EvaluateOptions,
  EvaluationReport,
  EventImportance,
  TransitionTerm,
  VariantEvaluation,
} from './availability';
export {
  runScenario,
  refusedHours,
  TIME_PART_LABELS,
  backupPolicy,
  linkBandwidthMbps,
  persistenceWindowSeconds,
  replicationLagSeconds,
  replicationMbps,
  restoreSeconds,
  routerDetection,
  SCENARIO_KINDS,
  equivalentScenario,
  newDrills,
  requestOf,
  scenarioFor,
  scenarioName,
  standardDrills,
  withNewDrills,
} from './scenarios';
export type {
  ScenarioResult,
  ScenarioRequest,
  Decomposition,
  EdgeTraffic,
  ScenarioPhase,
  TimePart,
} from './scenarios';
export { estimateCost } from './cost';
export type { CostEstimate, CostLine, CostCategory, UnpricedItem } from './cost';
export { compare, availabilityFromReport, scenarioMisses } from './compare';
export type { Comparison, ComparedVariant, NineStep } from './compare';
export { simulate, simulateAsync } from './simulation';
export type { DowntimeBin, SimulatedVariant, SimulationReport } from './simulation';
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
export { exportMef } from './interop';
export {
  advise,
  adviseAsync,
  betaFactorRemedy,
  COMMON_CAUSE_REMEDIES,
  effectSummary,
  eventDowntimeMinutes,
  maintenanceCost,
  PRINCIPLES,
} from './advisor';
export type {
  AdviceReport,
  AdviceTruncation,
  Finding,
  FindingEffect,
  VariantAdvice,
} from './advisor';
export { selectVariants, unknownVariant } from './variants';
