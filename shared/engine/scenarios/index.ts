/**
 * One failure scenario on one variant: what stops, where traffic goes, RTO, RPO and notes,
 * and the timing formulas (detection, restore, replication lag) the plan prints too; and the
 * scenarios built from what they name, with a design's standard drills (drills.ts).
 * The door of shared/engine/scenarios/.
 */
export { runScenario } from './scenario';
export { TIME_PART_LABELS } from './result';
export { refusedHours } from './timeline';
export type {
  Decomposition,
  EdgeTraffic,
  ScenarioContext,
  ScenarioPhase,
  ScenarioResult,
  ScenarioStatus,
  TimePart,
} from './result';
export {
  BYTES_PER_GIB,
  BYTES_PER_MB,
  backupPolicy,
  linkBandwidthMbps,
  persistenceWindowSeconds,
  replicationLagSeconds,
  replicationMbps,
  restoreSeconds,
  routerDetection,
} from './timing';
export {
  SCENARIO_KINDS,
  equivalentScenario,
  newDrills,
  requestOf,
  scenarioFor,
  scenarioName,
  standardDrills,
  withNewDrills,
} from './drills';
export type { ScenarioRequest } from './drills';
