/**
 * The `nines-diff/1` document: what a change to a design does to every figure (FORMAT.md, last
 * section; docs/diff.md). Numbers are numbers, at full precision; `changed` flags are decided at
 * display precision (docs/conventions.md), so floating noise never reads as a change. The JSON
 * Schema of this shape is checked in as `schemas/nines-diff-1.schema.json`.
 */

/** The format tag of a diff document. */
export const DIFF_FORMAT = 'nines-diff/1';

/** One side of the diff: where the design came from. */
export interface DiffSide {
  /** The name given on the command line (`design.nines.json`, `git:main:design.nines.json`). */
  readonly file: string;
  /** SHA-256 of the file's bytes, lowercase hex; null when not known (the app's open document). */
  readonly sha256: string | null;
  /** Format migration steps applied before comparing (`nines/0 → nines/1`); empty when none. */
  readonly migrated: readonly string[];
}

/**
 * One changed field, compared on effective values: a field left out takes its documented
 * default (shared/model/defaults.ts), so writing a default out is no change. `before`/`after`
 * are the effective values (null when absent and without a default); `explicit` says whether
 * each side wrote the value in the file.
 */
export interface FieldChange {
  /** The field, dotted below its object: `instances`, `trafficShare.use1`, `targets.rtoSeconds`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  /** [written in the base, written in the head]. */
  readonly explicit: readonly [boolean, boolean];
}

/** A node that is on one side only. */
export interface NodeRef {
  readonly id: string;
  readonly kind: string;
}

/** A node on both sides whose effective fields differ. */
export interface NodeChange extends NodeRef {
  readonly fields: readonly FieldChange[];
}

/** A node removed and a node added that are taken to be the same one under a new id. */
export interface NodeRename {
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly fields: readonly FieldChange[];
}

/** An edge, matched by (from, to, kind). */
export interface EdgeRef {
  readonly from: string;
  readonly to: string;
  readonly kind: string;
}

export interface EdgeChange extends EdgeRef {
  readonly fields: readonly FieldChange[];
}

/** A region link, matched by its unordered pair (`a` < `b`). */
export interface LinkRef {
  readonly a: string;
  readonly b: string;
}

export interface LinkChange extends LinkRef {
  readonly fields: readonly FieldChange[];
}

/** What changed in one variant's topology. Layout moves are counted, never listed. */
export interface TopologyDiff {
  /** Variant fields other than the topology: `name`, `entry`, `trafficShare.use1`, … */
  readonly fields: readonly FieldChange[];
  readonly nodes: {
    readonly added: readonly NodeRef[];
    readonly removed: readonly NodeRef[];
    readonly renamed: readonly NodeRename[];
    readonly changed: readonly NodeChange[];
  };
  readonly edges: {
    readonly added: readonly EdgeRef[];
    readonly removed: readonly EdgeRef[];
    readonly changed: readonly EdgeChange[];
  };
  readonly links: {
    readonly added: readonly LinkRef[];
    readonly removed: readonly LinkRef[];
    readonly changed: readonly LinkChange[];
  };
  /** Nodes whose position or size differs (placed, moved, resized or unplaced). */
  readonly layoutChanges: number;
}

/**
 * A figure before → after. `before` is null for a variant only in the head (and `after` for one
 * only in the base) or when a side could not be evaluated; `delta` is `after − before` when both
 * are known. `changed` compares the two at display precision.
 */
export interface NumberPair {
  readonly before: number | null;
  readonly after: number | null;
  readonly delta: number | null;
  readonly changed: boolean;
}

/** A figure whose relative change matters: `deltaPct` is 100 × delta / before (null when before is 0 or unknown). */
export interface PercentPair extends NumberPair {
  readonly deltaPct: number | null;
}

/** An item the cost engine could not price (it is left out of the monthly total). */
export interface UnpricedRef {
  readonly nodeId: string;
  readonly category: string;
  readonly code: string;
}

/**
 * The monthly cost before → after, both from the same price book. A side with unpriced items
 * is a lower bound (`complete` false: shown as `≥ $x`). `direction` claims a change only where
 * the unpriced items allow it: a decrease only when the head has no unpriced item the base
 * lacks (else the drop may be an item that lost its price, or an added node with no price), an
 * increase only when the base has none the head lacks (an item that got a price, or a removed
 * node with none); otherwise `unknown`. Items are matched by node, category and reason code.
 */
export interface CostPair extends PercentPair {
  readonly complete: readonly [boolean | null, boolean | null];
  readonly direction: 'increase' | 'decrease' | 'none' | 'unknown';
  /** Unpriced items of the head that the base does not have. */
  readonly unpricedOnlyInHead: readonly UnpricedRef[];
  /** Unpriced items of the base that the head does not have (priced now, or gone). */
  readonly unpricedOnlyInBase: readonly UnpricedRef[];
}

/** The before → after figures of one variant (FORMAT.md's `nines evaluate --json` names). */
export interface FiguresDiff {
  readonly availability: {
    readonly requestWeighted: NumberPair;
    readonly structural: NumberPair;
  };
  /** Request-weighted downtime, minutes per year, and its terms. */
  readonly downtimeMinutesPerYear: PercentPair;
  readonly downtimeTerms: {
    readonly structural: NumberPair;
    readonly transition: NumberPair;
    readonly capacity: NumberPair;
  };
  /** −log10 of the unavailability; null on a side whose unavailability is 0. */
  readonly nines: NumberPair;
  readonly singlePointsOfFailure: {
    readonly before: readonly string[] | null;
    readonly after: readonly string[] | null;
    readonly added: readonly string[];
    readonly removed: readonly string[];
  };
  readonly monthlyCostUsd: CostPair;
  /** 12 × monthly + expected downtime cost, USD per year (a lower bound when the cost is). */
  readonly yearlyTotalUsd: NumberPair;
  /** Availability target met (each side against its own targets); null when not evaluated. */
  readonly meetsAvailabilityTarget: {
    readonly before: boolean | null;
    readonly after: boolean | null;
  };
  /** Applicable scenarios that go down or miss their RTO, RPO or MTD. */
  readonly scenariosFailing: NumberPair;
}

/** One scenario's outcome on one side. */
export interface ScenarioOutcome {
  readonly applies: boolean;
  readonly status: 'full' | 'degraded' | 'down' | null;
  readonly survives: boolean;
  readonly servedShare: number;
  readonly rtoSeconds: number | null;
  readonly rpoSeconds: number | null;
  readonly meetsRto: boolean;
  readonly meetsRpo: boolean;
  readonly meetsMtd: boolean;
  /** Applies and meets its RTO, RPO and MTD and does not go down. */
  readonly meetsTargets: boolean;
}

/** A scenario's outcome before → after on one variant. */
export interface ScenarioDiff {
  readonly id: string;
  readonly name: string;
  readonly before: ScenarioOutcome | null;
  readonly after: ScenarioOutcome | null;
  readonly changed: boolean;
}

/** Rules of {@link Finding}: each names what got worse (a regression) or better (an improvement). */
export type FindingRule =
  | 'availability-target'
  | 'scenario-survives'
  | 'scenario-rto'
  | 'scenario-rpo'
  | 'scenario-mtd'
  | 'single-point-of-failure'
  | 'downtime'
  | 'cost'
  | 'evaluation';

/** A regression or an improvement of one variant, in one sentence. */
export interface Finding {
  readonly rule: FindingRule;
  /** The scenario or node concerned, when there is one. */
  readonly subject: string | null;
  readonly detail: string;
}

export interface VariantDiff {
  /** The variant's id in the head (in the base for a removed variant). */
  readonly id: string;
  /** The base variant paired with it (differs from `id` under `--variant a:b`). */
  readonly baseId: string | null;
  readonly name: string;
  /**
   * `unchanged`: no field, topology or displayed figure differs (layout moves may); `changed`;
   * `added`/`removed`: on one side only, figures one-sided.
   */
  readonly status: 'unchanged' | 'changed' | 'added' | 'removed';
  readonly topology: TopologyDiff;
  readonly figures: FiguresDiff;
  readonly scenarios: readonly ScenarioDiff[];
  readonly regressions: readonly Finding[];
  readonly improvements: readonly Finding[];
}

/** Changes outside the variants: the document's fields and the scenarios' definitions. */
export interface DocumentChanges {
  /** `name`, `targets.rtoSeconds`, `workload.requestsPerSecond`, `catalog.prices.<key>`, … */
  readonly fields: readonly FieldChange[];
  /** True when a field under `targets` changed: regressions are judged against the head's. */
  readonly targetsChanged: boolean;
  readonly scenarios: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly { readonly id: string; readonly fields: readonly FieldChange[] }[];
  };
}

/** The whole `nines diff --json` document. */
export interface DesignDiff {
  readonly format: typeof DIFF_FORMAT;
  readonly base: DiffSide;
  readonly head: DiffSide;
  /** Compilation date of the price book both sides were priced with. */
  readonly priceBookAsOf: string;
  /** Prices added to the bundled book (`--prices FILE`); null when none. */
  readonly importedPrices: { readonly file: string; readonly count: number } | null;
  readonly document: DocumentChanges;
  readonly variants: readonly VariantDiff[];
  readonly summary: {
    /** Something other than layout differs (a field, a node, a figure). */
    readonly designChanged: boolean;
    readonly variantsChanged: number;
    readonly layoutChanges: number;
    readonly regressions: number;
    readonly improvements: number;
  };
}
