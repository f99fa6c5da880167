/**
 * Chaos-experiment export: each failure scenario of a Nines model as an experiment a fault
 * service runs (AWS FIS, Azure Chaos Studio, Chaos Mesh, LitmusChaos), with the model's
 * prediction beside it as `hypothesis.json`; scenarios that are not faults become runbook steps.
 * The door of shared/chaos/: code outside imports only this file.
 */
export { chaosTargetFor, exportChaos } from './export';
export { predictionText } from './hypothesis';
export type { ChaosState, StateResource } from './state';
export { CHAOS_TARGET_NAMES, CHAOS_TARGETS, NODE_LABEL, NODE_TAG } from './types';
export type { ChaosExport, ChaosFile, ChaosOptions, ChaosTarget, ExportedScenario } from './types';
export { FIS_ACTION_IDS, FIS_MAX_ACTIONS, FIS_TARGET_QUOTAS } from './fis-template';
export { MAX_DURATION_SECONDS, MIN_DURATION_SECONDS } from './duration';
export { ROLE_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER } from './guard-rails';
export { checkRun, parseChaosResults, RESULTS_FORMAT } from './check-run';
export type { ChaosResults, CheckedFigure, CheckedRun } from './check-run';
