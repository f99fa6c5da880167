/**
 * The comparison of design variants: ranked by yearly total (infrastructure + expected downtime
 * cost) among those that meet the targets, then the rest with what they miss, and what each
 * extra nine costs between neighbours in availability. Availability comes in as data, so this
 * module depends on the cost engine only.
 */
import { formatAvailability } from '../../text';
import type { PriceBook } from '../../catalog/price-book';
import type { NinesDocument } from '../../model/types';
import { estimateCost, type CostEstimate } from '../cost';
import type { ScenarioResult } from '../scenarios';
import type { EvaluationReport } from '../availability';

/** What the availability engine says about one variant. */
export interface VariantAvailability {
  /** Request-weighted availability, in [0, 1]. */
  readonly availability: number;
  /**
   * The availability the target is judged on (without planned downtime when
   * `targets.excludePlannedDowntime`); `availability` when absent.
   */
  readonly availabilityForTarget?: number;
  /** Expected downtime, minutes per year. */
  readonly downtimeMinutesPerYear: number;
  /** Targets missed besides availability (e.g. a scenario's RTO or RPO), one sentence each. */
  readonly misses?: readonly string[];
}

/** Inputs of {@link compare}. */
export interface CompareOptions {
  readonly priceBook: PriceBook;
  /** The availability of a variant, or undefined when it could not be evaluated. */
  readonly availabilityOf: (variantId: string) => VariantAvailability | undefined;
}

/** One variant in the comparison. */
export interface ComparedVariant {
  readonly id: string;
  readonly name: string;
  /** 1-based position in the ranking. */
  readonly rank: number;
  /** Request-weighted availability in [0, 1]; null when not evaluated. */
  readonly availability: number | null;
  /** −log10(1 − availability); null when not evaluated or when the unavailability is 0. */
  readonly nines: number | null;
  readonly downtimeMinutesPerYear: number | null;
  /** USD per month (a lower bound when `isComplete` is false). */
  readonly monthlyUsd: number;
  /** 12 × monthlyUsd. */
  readonly yearlyInfrastructureUsd: number;
  readonly expectedDowntimeCostPerYear: number | null;
  /** yearlyInfrastructureUsd + expected downtime cost, USD per year. */
  readonly yearlyTotal: number;
  readonly meetsTargets: boolean;
  /** What the variant misses, one sentence each; empty when it meets the targets. */
  readonly misses: readonly string[];
  /** False when something is unpriced (see `cost.unpriced`). */
  readonly isComplete: boolean;
  readonly cost: CostEstimate;
}

/** The step between two neighbours in availability: what the extra nines cost. */
export interface NineStep {
  readonly from: string;
  readonly to: string;
  /** nines(to) − nines(from), ≥ 0. */
  readonly extraNines: number;
  /** 12 × (monthly(to) − monthly(from)), USD per year (may be negative). */
  readonly extraYearlyUsd: number;
  /** extraYearlyUsd / extraNines, USD per year per nine; null when extraNines is 0. */
  readonly usdPerNinePerYear: number | null;
}

/** The result of {@link compare}: the `nines compare --json` document. */
export interface Comparison {
  readonly priceBookAsOf: string;
  readonly currency: 'USD';
  /** Ranked: variants that meet the targets by yearly total, then the rest. */
  readonly variants: readonly ComparedVariant[];
  /** Neighbours in ascending availability (evaluated variants only). */
  readonly steps: readonly NineStep[];
}

/**
 * Compares every variant of `doc`. A variant meets the targets when its availability is at
 * least `targets.availability` (when set) and the availability engine reports no other miss.
 * The ranking puts variants that meet the targets first, by yearly total ascending; then the
 * others by the number of misses, then yearly total; ties keep file order.
 *
 * Example: variants at 99.95 % ($30,000 a year) and 99.995 % ($66,000 a year) are one nine
 * apart, so the step costs $36,000 a year per nine.
 */
export function compare(doc: NinesDocument, options: CompareOptions): Comparison {
  const target = doc.targets?.availability;
  const rows = doc.variants.map((variant, order) => {
    const figures = options.availabilityOf(variant.id);
    const cost = estimateCost(doc, variant.id, {
      priceBook: options.priceBook,
      ...(figures ? { downtimeMinutesPerYear: figures.downtimeMinutesPerYear } : {}),
    });
    const misses: string[] = [];
    if (!figures) {
      misses.push('availability not evaluated');
    } else {
      const judged = figures.availabilityForTarget ?? figures.availability;
      if (target !== undefined && judged < target) {
        misses.push(
          `availability ${formatAvailability(judged)}${judged === figures.availability ? '' : ' without planned downtime'} is below the target ${formatAvailability(target)}`,
        );
      }
      misses.push(...(figures.misses ?? []));
    }
    return { variant, order, figures, cost, misses };
  });

  rows.sort((a, b) => {
    const am = a.misses.length === 0;
    const bm = b.misses.length === 0;
    if (am !== bm) return am ? -1 : 1;
    if (!am && a.misses.length !== b.misses.length) return a.misses.length - b.misses.length;
    return a.cost.yearlyTotal - b.cost.yearlyTotal || a.order - b.order;
  });

  const variants: ComparedVariant[] = rows.map((row, i) => ({
    id: row.variant.id,
    name: row.variant.name,
    rank: i + 1,
    availability: row.figures?.availability ?? null,
    nines: row.figures ? ninesOf(row.figures.availability) : null,
    downtimeMinutesPerYear: row.figures?.downtimeMinutesPerYear ?? null,
    monthlyUsd: row.cost.monthly,
    yearlyInfrastructureUsd: 12 * row.cost.monthly,
    expectedDowntimeCostPerYear: row.cost.expectedDowntimeCostPerYear,
    yearlyTotal: row.cost.yearlyTotal,
    meetsTargets: row.misses.length === 0,
    misses: row.misses,
    isComplete: row.cost.isComplete,
    cost: row.cost,
  }));

  return {
    priceBookAsOf: options.priceBook.asOf,
    currency: 'USD',
    variants,
    steps: nineSteps(variants),
  };
}

/** −log10(1 − availability), the number of nines; null when the unavailability is 0. */
export function ninesOf(availability: number): number | null {
  const u = 1 - availability;
  return u > 0 ? -Math.log10(u) : null;
}

/**
 * What each extra nine costs: the variants with a finite number of nines in ascending order
 * (ties by yearly infrastructure cost), and for each neighbouring pair the extra yearly
 * infrastructure cost divided by the extra nines.
 */
export function nineSteps(variants: readonly ComparedVariant[]): NineStep[] {
  const ordered = variants
    .filter((v): v is ComparedVariant & { nines: number } => v.nines !== null)
    .sort((a, b) => a.nines - b.nines || a.yearlyInfrastructureUsd - b.yearlyInfrastructureUsd);
  const steps: NineStep[] = [];
  for (let i = 1; i < ordered.length; i += 1) {
    const lo = ordered[i - 1] as (typeof ordered)[number];
    const hi = ordered[i] as (typeof ordered)[number];
    const extraNines = hi.nines - lo.nines;
    const extraYearlyUsd = hi.yearlyInfrastructureUsd - lo.yearlyInfrastructureUsd;
    steps.push({
      from: lo.id,
      to: hi.id,
      extraNines,
      extraYearlyUsd,
      usdPerNinePerYear: extraNines > 0 ? extraYearlyUsd / extraNines : null,
    });
  }
  return steps;
}

/**
 * The targets a scenario misses: `RTO` (the served share reaches `targets.minServedShare` too
 * late, or never), `RPO`, and `MTD` (every request served again only after it); empty when it
 * passes or does not apply.
 */
export function scenarioMisses(scenario: ScenarioResult): string[] {
  if (!scenario.applies) return [];
  return [
    ...(scenario.meetsRto ? [] : ['RTO']),
    ...(scenario.meetsRpo ? [] : ['RPO']),
    ...(scenario.meetsMtd ? [] : ['MTD']),
  ];
}

/**
 * `availabilityOf` for {@link compare} from an evaluation of `doc`: each variant's
 * request-weighted availability and downtime, and as misses every applicable scenario that
 * misses its RTO, RPO or MTD (`Region outage: RTO, MTD`).
 */
export function availabilityFromReport(
  doc: NinesDocument,
  report: EvaluationReport,
): (variantId: string) => VariantAvailability | undefined {
  const byId = new Map(report.variants.map((v) => [v.id, v]));
  return (id) => {
    const v = byId.get(id);
    if (!v?.availability) return undefined;
    return {
      availability: v.availability.requestWeighted,
      availabilityForTarget: v.availability.againstTarget.requestWeighted,
      downtimeMinutesPerYear: v.availability.downtimeMinutesPerYear,
      misses: v.scenarios
        .filter((s) => s.applies)
        .flatMap((s) => {
          const missed = scenarioMisses(s);
          return missed.length === 0 ? [] : [`${s.name}: ${missed.join(', ')}`];
        }),
    };
  };
}
