/**
 * The result of one scenario on one variant: the `scenarios[]` of `nines evaluate --json`
 * (FORMAT.md). Semantics: docs/scenarios.md.
 */
import type { NinesDocument } from '../../model/types';
import type { ResolvedGraph, Structure, TrafficShares } from '../structure';
import type { EngineIssue } from '../types';

/** One part of an RTO or RPO decomposition. */
export interface TimePart {
  /** What the time is spent on. */
  readonly kind:
    | 'detection'
    | 'dns-ttl'
    | 'decision'
    | 'promotion'
    | 'warm-up'
    | 'scale-out'
    | 'restore'
    | 'resync'
    | 'repair'
    | 'replication-lag'
    | 'persistence-window'
    | 'backup-interval'
    | 'partition';
  /** The node (or `link:a|b`, or `operations` for the people's time) the part belongs to. */
  readonly nodeId: string;
  /** Seconds; null when unknown or unbounded (no backup, lag that grows without limit). */
  readonly seconds: number | null;
}

/** How a time part is named to a person, in the app and in the plan. */
export const TIME_PART_LABELS: Readonly<Record<TimePart['kind'], string>> = {
  detection: 'detection',
  'dns-ttl': 'DNS TTL',
  decision: 'decision',
  promotion: 'promotion',
  'warm-up': 'warm-up',
  'scale-out': 'scale-out',
  restore: 'restore',
  resync: 're-sync',
  repair: 'repair',
  'replication-lag': 'replication lag',
  'persistence-window': 'persistence window',
  'backup-interval': 'backup interval',
  partition: 'partition',
};

/** A time with the parts it is made of: the parts of the longest chain add up to `seconds`. */
export interface Decomposition {
  /** Seconds; null when unknown or unbounded (`reason` says why). */
  readonly seconds: number | null;
  /** The parts on the critical chain, in the order they happen. */
  readonly parts: readonly TimePart[];
  /** Why `seconds` is null; absent when it is known. */
  readonly reason?: string;
}

/** The requests on one `depends` edge during a scenario and with nothing failed. */
export interface EdgeTraffic {
  readonly from: string;
  readonly to: string;
  /** Share of all requests that travel the edge during the scenario, in [0, 1]. */
  readonly share: number;
  /** Share of all requests that travel it when nothing has failed, in [0, 1]. */
  readonly normalShare: number;
}

/** One phase of a scenario's timeline. */
export interface ScenarioPhase {
  /**
   * `interruption`: from the failure to the first requests served again (counted as if every
   * request failed); `degraded`: part of the requests refused; `full`: every request served.
   */
  readonly kind: 'interruption' | 'degraded' | 'full';
  /** Start, seconds after the failure. */
  readonly fromSeconds: number;
  /** End, seconds after the failure; null for the last phase (or when its end is unknown). */
  readonly toSeconds: number | null;
  /** Share of requests served during the phase, in [0, 1] (0 for the interruption). */
  readonly servedShare: number;
}

/** How much of the service is back once traffic has moved (before any scale-out or repair). */
export type ScenarioStatus = 'full' | 'degraded' | 'down';

/** Result of one scenario on one variant (the `scenarios[]` of `nines evaluate --json`). */
export interface ScenarioResult {
  readonly id: string;
  readonly name: string;
  /**
   * False when the variant lacks something the scenario names (`reason` says what); the scenario
   * is then left out of every verdict, and its figures are null or neutral.
   */
  readonly applies: boolean;
  /** Why the scenario does not apply; absent when it does. */
  readonly reason?: string;
  /** `full`, `degraded` or `down` after the takeover; null when the scenario does not apply. */
  readonly status: ScenarioStatus | null;
  /** Share of the requests served after the takeover, before any scale-out or repair, [0, 1]. */
  readonly servedShare: number;
  /** True unless the status is `down`. */
  readonly survives: boolean;
  /** The same figure as `servedShare`, kept for readers of the first version. */
  readonly capacityShare: number;
  /** Seconds until the first requests are served again; null when unknown. */
  readonly timeToServiceSeconds: number | null;
  /** Seconds until every request is served again; null when never (`fullCapacity.reason`). */
  readonly timeToFullCapacitySeconds: number | null;
  /** Achieved RTO: seconds until the served share reaches `targets.minServedShare`; null when never. */
  readonly rtoSeconds: number | null;
  /** Achieved RPO, seconds; null when unknown or unbounded. */
  readonly rpoSeconds: number | null;
  readonly rto: Decomposition;
  readonly fullCapacity: Decomposition;
  readonly rpo: Decomposition;
  /** True when the RTO is within `targets.rtoSeconds` (true when no target is set). */
  readonly meetsRto: boolean;
  readonly meetsRpo: boolean;
  /** True when the time to full capacity is within `targets.mtdSeconds` (true when not set). */
  readonly meetsMtd: boolean;
  /** The timeline: interruption, degraded phases with their served share, full. */
  readonly phases: readonly ScenarioPhase[];
  /** What the phases cost, USD; null when a phase has no end or no hourly cost is set. */
  readonly downtimeCostUsd: number | null;
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
