/**
 * The cost engine's public types: what a line pays for, a line, what could not be priced and
 * why, the estimate of one variant and its options.
 */
import type { DateRange, PriceBook } from '../../catalog/price-book';
import type { NodeKind } from '../../model/types';

/**
 * What a cost line pays for. `standby` replaces the category of every line owned by a node in
 * a standby region (a region with no traffic while another region has some), so that the
 * standby capacity of an active-passive design shows as one figure.
 */
export type CostCategory =
  | 'compute'
  | 'datastore'
  | 'memory'
  | 'storage'
  | 'backup'
  | 'loadBalancer'
  | 'routing'
  | 'crossZoneTransfer'
  | 'crossRegionTransfer'
  | 'egress'
  | 'licence'
  | 'standby'
  | 'other';

/** One line of the breakdown. */
export interface CostLine {
  /** The node the cost belongs to: the sender for replication traffic, the region for egress. */
  readonly nodeId: string;
  /** Region id the node sits in; null for a global node. */
  readonly region: string | null;
  /** Kind of the node (the tier). */
  readonly tier: NodeKind;
  readonly category: CostCategory;
  /** USD per month, ≥ 0. */
  readonly monthlyUsd: number;
  /** The quantity × price that gives `monthlyUsd`, for a person to check. */
  readonly detail: string;
  /** Source ids of the prices used (`override` for per-node overrides), comma-separated. */
  readonly source: string;
  /** Price book keys used. */
  readonly priceKeys: readonly string[];
}

/**
 * Why something has no price: `no-price` (the book has no price for it: add one to
 * `catalog.prices` or override the node), `no-quantity` (the model does not say how much is
 * used, e.g. DNS queries), `no-placement` (no region, provider, location or instance type to
 * look a price up by), `cross-provider` (replication between two providers).
 */
export type UnpricedCode = 'no-price' | 'no-quantity' | 'no-placement' | 'cross-provider';

/** Something the estimate could not price; it is left out of the total, never guessed. */
export interface UnpricedItem {
  readonly nodeId: string;
  readonly region: string | null;
  /** Kind of the node (the tier). */
  readonly tier: NodeKind;
  readonly category: CostCategory;
  readonly code: UnpricedCode;
  readonly reason: string;
}

/** The cost of one variant: the `cost` object of `nines evaluate --json` (FORMAT.md). */
export interface CostEstimate {
  readonly variantId: string;
  /** Sum of the breakdown, USD per month. */
  readonly monthly: number;
  readonly currency: 'USD';
  /** Lines in node order, then replication traffic in edge order, then egress by region. */
  readonly breakdown: readonly CostLine[];
  /** Monthly USD per category, per region id (`global` for global nodes) and per node kind. */
  readonly byCategory: Readonly<Partial<Record<CostCategory, number>>>;
  readonly byRegion: Readonly<Record<string, number>>;
  readonly byTier: Readonly<Partial<Record<NodeKind, number>>>;
  /**
   * Downtime hours per year × `targets.downtimeCostPerHour`, USD per year; null when the
   * downtime or the cost per hour is not known.
   */
  readonly expectedDowntimeCostPerYear: number | null;
  /** 12 × monthly + expected downtime cost (0 when unknown), USD per year. */
  readonly yearlyTotal: number;
  /** Compilation date of the price book used. */
  readonly priceBookAsOf: string;
  /**
   * The oldest and newest source dates of the book prices the breakdown uses (overrides and
   * undated sources not counted); null when no dated book price is used.
   */
  readonly pricesAsOf: DateRange | null;
  readonly unpriced: readonly UnpricedItem[];
  /** True when nothing is unpriced, so `monthly` is the whole cost rather than a lower bound. */
  readonly isComplete: boolean;
}

/** Inputs of {@link estimateCost}. */
export interface CostOptions {
  /** The price book (the bundled assets/pricing/pricebook.json, possibly merged with imports). */
  readonly priceBook: PriceBook;
  /** Expected downtime of the variant, minutes per year (from the availability engine). */
  readonly downtimeMinutesPerYear?: number;
}
