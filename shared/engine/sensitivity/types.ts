/**
 * The sensitivity analysis' public types: what a bar varies, the parameters, the bars of the
 * downtime and cost tornados, the result of one variant and its options.
 */
import type { PriceBook, PriceUnit } from '../../catalog/price-book';

/**
 * What a bar varies: a node, the link between regions `a` and `b` (ids in sorted order, as the
 * engine's event `link:a|b`), or a price book entry by its key
 * (`provider:location:category:item`, a tier ending `:tierN`) and the unit it is quoted in.
 */
export type SensitivitySubject =
  | { readonly kind: 'node'; readonly nodeId: string }
  | { readonly kind: 'link'; readonly a: string; readonly b: string }
  | { readonly kind: 'price'; readonly key: string; readonly unit: PriceUnit };

/** A failure parameter of a node or a link (hours, or an availability in [0, 1]). */
export type FailureParameter = 'mtbfHours' | 'mttrHours' | 'availability';

/**
 * A price parameter: `usd` of a price book entry (subject `price`), or a node's own
 * `hourlyUsd` (USD per instance-hour), `monthlyUsd` or `licenseMonthlyUsd` (USD per month).
 */
export type PriceParameter = 'usd' | 'hourlyUsd' | 'monthlyUsd' | 'licenseMonthlyUsd';

/** One parameter at both ends of its range. */
export interface SensitivityParameter<P extends FailureParameter | PriceParameter> {
  readonly subject: SensitivitySubject;
  readonly parameter: P;
  /** The parameter's value in the evaluated design (hours, an availability, or USD per unit). */
  readonly baseValue: number;
  /** MTBF, MTTR or price × 0.5; for an availability, 1 − (1 − A) / 1.5. */
  readonly lowValue: number;
  /** MTBF, MTTR or price × 1.5; for an availability, 1 − min(1, (1 − A) × 1.5). */
  readonly highValue: number;
}

/** One bar of the downtime tornado. */
export interface SensitivityBar extends SensitivityParameter<FailureParameter> {
  /** Request-weighted downtime with the parameter at `lowValue`, minutes per year. */
  readonly downtimeAtLow: number;
  /** Request-weighted downtime with the parameter at `highValue`, minutes per year. */
  readonly downtimeAtHigh: number;
  /** |downtimeAtHigh − downtimeAtLow|, minutes per year. */
  readonly swing: number;
}

/** One bar of the cost tornado. */
export interface CostSensitivityBar extends SensitivityParameter<
  FailureParameter | PriceParameter
> {
  /** Yearly cost (12 × monthly + expected downtime cost) at `lowValue`, USD per year. */
  readonly yearlyCostAtLow: number;
  /** Yearly cost at `highValue`, USD per year. */
  readonly yearlyCostAtHigh: number;
  /** |yearlyCostAtHigh − yearlyCostAtLow|, USD per year. */
  readonly swing: number;
}

/** The tornados of one variant, each widest swing first. */
export interface Sensitivity {
  readonly variantId: string;
  /** Request-weighted downtime of the design as it is, minutes per year. */
  readonly baseDowntime: number;
  /** The downtime tornado: failure parameters only. */
  readonly bars: readonly SensitivityBar[];
  /**
   * Yearly cost of the design as it is, USD per year (`estimateCost(…).yearlyTotal`: unpriced
   * items are left out); null without a price book.
   */
  readonly baseYearlyCost: number | null;
  /** The cost tornado: failure and price parameters; empty without a price book. */
  readonly costBars: readonly CostSensitivityBar[];
}

/** Inputs of {@link sensitivity}. */
export interface SensitivityOptions {
  /** The price book; without one there is no cost tornado. */
  readonly priceBook?: PriceBook;
  /**
   * Called after each evaluation with how many are done and how many there are in all (known
   * before the first: two per failure parameter and two per price parameter).
   */
  readonly onProgress?: (done: number, total: number) => void;
}
