/**
 * The shape of a variant's Boolean structure: the expression DAG over the basic events, where
 * each tier's instances sit, the routers and the failover groups. `buildStructure`
 * (structure.ts) makes it; every analysis reads it.
 */
import type { EventInfo } from '../types';

/** One node of the expression DAG; `args` are expression ids smaller than the node's own. */
export type Expr =
  | { readonly op: 'const'; readonly value: boolean }
  | { readonly op: 'event'; readonly event: number }
  | { readonly op: 'and' | 'or'; readonly args: readonly number[] }
  | { readonly op: 'atLeast'; readonly k: number; readonly args: readonly number[] };

/** Where one instance of a tier sits: its own event and the zone event it shares, if any. */
export interface InstancePlacement {
  readonly event: number;
  readonly zoneEvent?: number;
}

/** A router and the sub-systems it moves traffic between. */
export interface RouterInfo {
  readonly routerId: string;
  /** healthCheckSeconds × failureThreshold + dnsTtlSeconds, seconds. */
  readonly detectionSeconds: number;
  /** Each target with the expression "the target works, as seen from the router". */
  readonly targets: readonly { readonly nodeId: string; readonly expr: number }[];
}

/**
 * A data tier that fails over when its primary fails: a single tier with automatic failover, or a
 * replication group (automatic or manual); or a router of two or more instances whose floating
 * address moves off its instance #0.
 */
export interface FailoverInfo {
  /** The tier (or the group's members, primary first). */
  readonly nodeIds: readonly string[];
  /** Expression "the primary works". */
  readonly primaryExpr: number;
  /** Time to promote a standby (the primary's `failoverSeconds`), seconds. */
  readonly failoverSeconds: number;
  /**
   * Time lost per failure of the primary, the d of the transition term w_p · d · s_p, seconds:
   * `failoverSeconds` for an automatic failover; for a manual one (a person promotes the
   * standby) `failoverSeconds` + the first standby's `warmupSeconds`, as the scenario's takeover
   * chain counts it. The people's decision is added by `failoverTransitionSeconds`.
   */
  readonly transitionSeconds: number;
  /** True when a person promotes the standby: the people's decision time comes first. */
  readonly manual: boolean;
}

/** The Boolean structure of one variant over its basic events. */
export interface Structure {
  /**
   * Basic events in variable order: global events, then per region its region, its links, each
   * zone followed by the instances in it, and the instances in no zone.
   */
  readonly events: readonly EventInfo[];
  /** Expression DAG; ids 0 and 1 are the constants false and true. */
  readonly exprs: readonly Expr[];
  /** Expression "the service works" (the entry works). */
  readonly top: number;
  /** Expression "the node works" (itself and its dependencies) of every node in the structure. */
  readonly nodeExprs: ReadonlyMap<string, number>;
  /** A readable name for the expressions that stand for a node (MEF gate names). */
  readonly gateNames: ReadonlyMap<number, string>;
  readonly routers: readonly RouterInfo[];
  readonly failovers: readonly FailoverInfo[];
  /**
   * For every tier in the structure: its region event, its instances' placement and its planned
   * maintenance event (`rolling`: a window takes one working instance out, not the whole tier).
   */
  readonly tiers: ReadonlyMap<
    string,
    {
      readonly regionEvent?: number;
      readonly instances: readonly InstancePlacement[];
      readonly maintenance?: { readonly event: number; readonly rolling: boolean };
    }
  >;
}
