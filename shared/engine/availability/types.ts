/**
 * Result types of the availability engine: the shape of `nines evaluate --json` (FORMAT.md).
 * Probabilities are plain numbers in [0, 1]; minutes are per year of 365 days (525,600 min).
 */
import type { PriceBook } from '../../catalog/price-book';
import type { CostEstimate } from '../cost';
import type { ScenarioResult } from '../scenarios';
import type { EngineIssue } from '../types';

/** Availability figures of one variant. */
export interface AvailabilityFigures {
  /** Good requests / all requests: 1 − (U_structural + U_transition + U_capacity). */
  readonly requestWeighted: number;
  /** Exact probability that the entry works, over the independent basic events. */
  readonly structural: number;
  /** (1 − requestWeighted) × 525,600, minutes per year. */
  readonly downtimeMinutesPerYear: number;
  /** U_structural × 525,600, minutes per year. */
  readonly structuralMinutesPerYear: number;
  /** U_transition × 525,600 (detection, DNS TTL, promotion), minutes per year. */
  readonly transitionMinutesPerYear: number;
  /** U_capacity × 525,600 (requests refused for lack of capacity), minutes per year. */
  readonly capacityMinutesPerYear: number;
  /** −log10(1 − requestWeighted); null when the unavailability is 0. */
  readonly nines: number | null;
  /**
   * Downtime a year that planned maintenance windows cause (`maintenance` of tiers): the
   * request-weighted downtime with them less the downtime without them, minutes per year.
   */
  readonly plannedMinutesPerYear: number;
  /**
   * The figures with every maintenance window taken as never happening (the availability an SLA
   * that excludes announced maintenance speaks of); equal to the figures above without any.
   */
  readonly withoutPlannedDowntime: {
    readonly requestWeighted: number;
    readonly structural: number;
    readonly downtimeMinutesPerYear: number;
    readonly nines: number | null;
  };
  /**
   * The request-weighted availability `targets.availability` is judged on: with planned downtime
   * (`requestWeighted`), or without it when `targets.excludePlannedDowntime` is true.
   */
  readonly againstTarget: {
    readonly requestWeighted: number;
    readonly excludesPlannedDowntime: boolean;
  };
  /** The unavailabilities themselves, computed directly (not as 1 − A) to keep their digits. */
  readonly unavailability: {
    readonly requestWeighted: number;
    readonly structural: number;
    readonly transition: number;
    readonly capacity: number;
  };
}

/** One minimal cut set: basic events whose joint failure alone brings the service down. */
export interface CutSet {
  /** Event names (FORMAT.md), in variable order. */
  readonly events: readonly string[];
  /** Product of the events' unavailabilities. */
  readonly probability: number;
}

/** Importance of one basic event for the service. */
export interface EventImportance {
  readonly event: string;
  /** Birnbaum: P(up | event up) − P(up | event down), in [0, 1]. */
  readonly birnbaum: number;
  /** Fussell–Vesely: q_e · Birnbaum / U_structural, the share of unavailability the event takes part in. */
  readonly fussellVesely: number;
}

/** One term of U_transition: a router target or a data tier whose failure moves traffic. */
export interface TransitionTerm {
  /** `router` (detection and reroute of a target) or `failover` (data tier promotion). */
  readonly kind: 'router' | 'failover';
  /** The router and its target, or the data tier's members (primary first). */
  readonly nodeIds: readonly string[];
  /** Failure frequency of the sub-system that fails over, per year. */
  readonly failuresPerYear: number;
  /** Time each failure costs, seconds. */
  readonly seconds: number;
  /** Share of the requests affected, in [0, 1]. */
  readonly trafficShare: number;
  /** failuresPerYear × seconds × trafficShare / seconds per year. */
  readonly unavailability: number;
}

/** Evaluation of one variant. `availability` is null when an `error` issue stops evaluation. */
export interface VariantEvaluation {
  readonly id: string;
  readonly availability: AvailabilityFigures | null;
  /**
   * Events that are minimal cut sets by themselves and can fail (unavailability above 0), most
   * probable first: an event that cannot fail (a router at availability 1) is no single point of
   * failure.
   */
  readonly singlePointsOfFailure: readonly string[];
  /** Minimal cut sets up to the requested order, most probable first, at most `maxCutSets`. */
  readonly cutSets: readonly CutSet[];
  /**
   * How many minimal cut sets there are in all (listed in `cutSets` or not) and the largest
   * order counted; null when `availability` is. `total` above `cutSets.length` means the list
   * is truncated; `maxOrder` below the requested order means the sets of the higher orders
   * exceeded the work budget and were neither listed nor counted.
   */
  readonly cutSetCount: { readonly total: number; readonly maxOrder: number } | null;
  /** Every basic event, by Fussell–Vesely then Birnbaum, descending. */
  readonly importance: readonly EventImportance[];
  /** The terms that make up U_transition, largest first. */
  readonly transitions: readonly TransitionTerm[];
  /** Number of basic events in the structure. */
  readonly events: number;
  /** Monthly cost and expected downtime cost; null when no price book was given. */
  readonly cost: CostEstimate | null;
  /** One result per scenario of the document, in document order (`applies` says whether it concerns this variant). */
  readonly scenarios: readonly ScenarioResult[];
  readonly issues: readonly EngineIssue[];
}

/** The whole `nines evaluate --json` document. */
export interface EvaluationReport {
  readonly format: 'nines/1';
  readonly variants: readonly VariantEvaluation[];
  /** Problems that concern no single variant (e.g. an unknown variant id). */
  readonly issues: readonly EngineIssue[];
}

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** Largest order of the minimal cut sets listed (default 3). */
  readonly maxCutSetOrder?: number;
  /** Most cut sets listed, most probable first (default 100). */
  readonly maxCutSets?: number;
  /** Price book for the cost estimate; without it `cost` is null. */
  readonly priceBook?: PriceBook;
  /**
   * Called once per variant evaluated with the number of nodes of its failure diagrams (BDD),
   * the main work of an evaluation: for callers that budget their work (the advisor).
   */
  readonly onDiagramNodes?: (nodes: number) => void;
}
