/**
 * What a scenario run takes and gives: the evaluated variant it runs on (`ScenarioContext`), its
 * result (`ScenarioResult`, the `scenarios[]` of `nines evaluate --json`), and the state the
 * concept files (recovery-time, data-loss, notes) read while a scenario runs (`ScenarioState`,
 * internal to this folder).
 */
import type { BackupNode, NinesDocument, RegionLink, Scenario } from '../../model/types';
import type { ResolvedGraph, Structure, TrafficShares } from '../structure';
import type { Decomposition } from './decomposition';
import type { EngineIssue } from '../types';

/** The requests on one `depends` edge during a scenario and with nothing failed. */
export interface EdgeTraffic {
  readonly from: string;
  readonly to: string;
  /** Share of all requests that travel the edge during the scenario, in [0, 1]. */
  readonly share: number;
  /** Share of all requests that travel it when nothing has failed, in [0, 1]. */
  readonly normalShare: number;
}

/** Result of one scenario on one variant (the `scenarios[]` of `nines evaluate --json`). */
export interface ScenarioResult {
  readonly id: string;
  readonly name: string;
  /** False when the scenario names nothing in this variant (then every other field is neutral). */
  readonly applies: boolean;
  readonly survives: boolean;
  /** Share of the requests still served once traffic has moved, in [0, 1]. */
  readonly capacityShare: number;
  /** Achieved RTO, seconds; null when unbounded. */
  readonly rtoSeconds: number | null;
  /** Achieved RPO, seconds; null when unbounded. */
  readonly rpoSeconds: number | null;
  readonly rto: Decomposition;
  readonly rpo: Decomposition;
  /** True when the RTO is within `targets.rtoSeconds` (true when no target is set). */
  readonly meetsRto: boolean;
  readonly meetsRpo: boolean;
  /** Extra round trip for rerouted users, milliseconds (0 when nobody is rerouted). */
  readonly latencyChangeMs: number;
  /**
   * Where requests go: every `depends` edge that carries requests during the scenario or when
   * nothing has failed, in the variant's edge order. A shift or a failover shows as shares that
   * moved from one edge to another.
   */
  readonly edgeTraffic: readonly EdgeTraffic[];
  /** Components that stop working, and the zones, regions and links forced down, file order. */
  readonly stops: readonly string[];
  /** Plain-language notes: split-brain risk, unbounded lag, conflict resolution. */
  readonly notes: readonly string[];
  readonly issues: readonly EngineIssue[];
}

/** What runScenario needs of an evaluated variant. */
export interface ScenarioContext {
  readonly doc: NinesDocument;
  readonly graph: ResolvedGraph;
  readonly structure: Structure;
  /** Where requests go when nothing has failed. */
  readonly traffic: TrafficShares;
}

/**
 * One scenario while it runs on one variant: its events forced down and the values of the
 * structure's expressions. Implemented by `ScenarioRun` (scenario.ts); the RTO, RPO and notes
 * functions take it first, as the methods they were took `this`.
 */
export interface ScenarioState {
  readonly context: ScenarioContext;
  readonly scenario: Scenario;
  readonly graph: ResolvedGraph;
  readonly structure: Structure;
  /** Indexes of the basic events forced down. */
  readonly down: ReadonlySet<number>;
  /** The result's notes, in the order they were found (pushed directly, or once by `addNote`). */
  readonly notes: string[];
  isUp(expr: number): boolean;
  nodeWorks(id: string): boolean;
  /** Instances of `tierId` that stop (own event, zone or region down). */
  stoppedInstances(tierId: string): number[];
  /** Adds `note` unless it is already there. */
  addNote(note: string): void;
  linkBetween(a: string, b: string): RegionLink | undefined;
  /** The backup protecting `datastoreId` with the shortest interval, if any. */
  backupOf(datastoreId: string): BackupNode | undefined;
}
