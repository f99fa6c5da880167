/**
 * `simulate`: Monte Carlo simulation of each variant through time (DESIGN.md "Availability
 * semantics", last paragraph): failures, repairs, detection, failover and capacity over many
 * simulated years, with the rules of `machine.ts`. Reports the mean request-weighted
 * availability with a 95 % interval, the median and 99th percentile of yearly downtime, data-loss
 * events per year and a histogram of yearly downtime.
 *
 * What it measures. The simulation charges time with the exact engine's rules (see
 * `machine.ts`): a router target's failure costs its detection time × its baseline share,
 * even when another failure overlaps it, because `evaluate`'s U_transition charges exactly that
 * (its w_t is the exact steady-state rate of those failures). Both engines then estimate the same
 * quantity, so the interval must hold the exact figure at any number of years, not only while a
 * second-order difference stays hidden in the noise. The one known difference: for a router with
 * more than `EXACT_MAX_OTHERS` other targets, `evaluate` takes them as independent for the
 * capacity term, the simulation does not.
 *
 * Statistics. Each variant runs as one continuous process that starts in the steady state (every
 * event up with probability A, memoryless residual times) and is cut into years of 8,760 h. A
 * year's request-weighted unavailability is u = (structural + transition + capacity hours) / 8,760.
 * The years are practically independent (the process forgets its state within hours; a year lasts
 * 8,760), so the mean of u over n years has the normal-approximation interval
 * mean ± 1.96 · s / √n, s the sample standard deviation of u (central limit theorem; Law,
 * Simulation Modeling and Analysis, 5th ed., §9.4). Batch means were not used: they guard against
 * correlation between years, which is negligible here, and do not change the distribution of the
 * mean. The yearly values are very skewed (most years see no outage of the whole service), which
 * makes the interval a little short when a run sees few outages: measured coverage of the exact
 * figure is 93–95 % over 100 to 1,000 seeds of 2,000 years on the worked example, the pilot-light
 * and the three-region templates.
 *
 * Pure and deterministic: the same document, options and seed give the same report on every
 * engine (xoshiro128**, `random.ts`; one stream per variant, keyed by the seed and the variant
 * id, so `variantId` does not change a variant's figures). Plain data in and out: it runs in a
 * Web Worker.
 */
import { selectVariants } from '../variants';
import type { NinesDocument, Variant } from '../../model/types';
import { evaluate, MINUTES_PER_YEAR, HOURS_PER_YEAR } from '../availability';
import { resolveGraph, buildStructure, trafficShares } from '../structure';
import { hashString, Random } from './random';
import { changesPerHour } from './durations';
import { Machine } from './machine';
import { formatCount, formatNumber } from '../../text';
import type { EngineIssue } from '../types';

/** Two-sided 95 % quantile of the standard normal distribution. */
const Z_95 = 1.959963984540054;

/**
 * Upper bounds of the yearly-downtime histogram bins, minutes: a year falls in the first bin
 * whose bound it does not exceed (0: no downtime at all; the last bin is open).
 */
export const HISTOGRAM_BOUNDS_MINUTES: readonly number[] = [0, 1, 5, 15, 60, 240, 1440];

/** A cancellation flag: a DOM `AbortSignal` fits, so does `{ aborted: false }` set later. */
export interface AbortFlag {
  readonly aborted: boolean;
}

/** Options of `simulate`. */
export interface SimulateOptions {
  /** Simulated years per variant: a positive integer. */
  readonly years: number;
  /** Seed of the generator: an integer in [0, 2^53). */
  readonly seed: number;
  /** Only this variant; all when absent. */
  readonly variantId?: string;
  /**
   * Called with the fraction done (0 < f ≤ 1) at most 100 times, increasing, the last call with 1
   * unless the run is cancelled.
   */
  readonly onProgress?: (fraction: number) => void;
  /**
   * Checked before each variant and after every progress step (about 1 % of the work): once it
   * reads `aborted`, the run stops and returns what it has, marked `cancelled` (no exception).
   * A synchronous `simulate` sees only changes made by `onProgress` or by shared memory; in a
   * Web Worker use `simulateAsync`, whose pauses let a message set it.
   */
  readonly signal?: AbortFlag;
}

/** One bin of the yearly-downtime histogram. */
export interface DowntimeBin {
  /** Upper bound of the bin, minutes per year; null for the last, open bin. */
  readonly upToMinutes: number | null;
  /** Simulated years whose request-weighted downtime falls in the bin. */
  readonly years: number;
}

/** The simulated figures of one variant; every figure is null when no year was simulated. */
export interface SimulatedVariant {
  readonly id: string;
  /** Years simulated (fewer than asked when cancelled, 0 when the variant cannot be built). */
  readonly years: number;
  /** Mean request-weighted availability over the simulated years, in [0, 1]. */
  readonly mean: number | null;
  /** 95 % interval of the mean (normal approximation); [0, 1] with fewer than 2 years. */
  readonly ci95: readonly [number, number] | null;
  /** Request-weighted downtime per year, minutes: mean, median (p50) and 99th percentile. */
  readonly downtimeMinutesPerYear: {
    readonly mean: number;
    readonly p50: number;
    readonly p99: number;
  } | null;
  /** Failures that lost data, per year (rules in `machine.ts`). */
  readonly dataLossEventsPerYear: number | null;
  /** Mean share of time the service worked (the structural availability alone). */
  readonly structuralMean: number | null;
  /** Mean unavailability per part, as in `evaluate`'s `availability.unavailability`. */
  readonly unavailability: {
    readonly structural: number;
    readonly transition: number;
    readonly capacity: number;
  } | null;
  /** Yearly request-weighted downtime in the fixed bins of `HISTOGRAM_BOUNDS_MINUTES`. */
  readonly histogram: readonly DowntimeBin[];
  /** The exact request-weighted availability of `evaluate`, for comparison; null if none. */
  readonly exact: number | null;
  readonly issues: readonly EngineIssue[];
}

/** The result of `simulate` (the shape of `nines simulate --json`). */
export interface SimulationReport {
  readonly seed: number;
  /** Years asked per variant. */
  readonly yearsPerVariant: number;
  /** True when `signal` stopped the run: variants carry the years done. */
  readonly cancelled: boolean;
  readonly variants: readonly SimulatedVariant[];
  /** Problems that concern no single variant (an unknown variant id). */
  readonly issues: readonly EngineIssue[];
}

/**
 * Simulates every variant of `doc` (or `options.variantId`) for `options.years` years, in one
 * synchronous run. Throws a RangeError for years that are not a positive integer or a seed that
 * is not a non-negative integer (programmer errors: the CLI checks its arguments first); problems
 * in the model are `issues`.
 */
export function simulate(doc: NinesDocument, options: SimulateOptions): SimulationReport {
  const run = simulation(doc, options);
  for (;;) {
    const next = run.next();
    if (next.done === true) return next.value;
  }
}

/**
 * `simulate` that awaits `pause()` after each progress step (about 1 % of the work), so that a
 * Web Worker can handle its messages, e.g. one that sets the `signal`, while it runs: pass
 * `() => new Promise((resolve) => setTimeout(resolve))`. Same report as `simulate` for the same
 * options.
 */
export async function simulateAsync(
  doc: NinesDocument,
  options: SimulateOptions,
  pause: () => Promise<void>,
): Promise<SimulationReport> {
  const run = simulation(doc, options);
  for (;;) {
    const next = run.next();
    if (next.done === true) return next.value;
    await pause();
  }
}

/** The run as a generator that yields after each progress report, before checking `signal`. */
function* simulation(
  doc: NinesDocument,
  options: SimulateOptions,
): Generator<void, SimulationReport, void> {
  const { years, seed, variantId, onProgress, signal } = options;
  if (!Number.isSafeInteger(years) || years < 1) {
    throw new RangeError(`years must be a positive integer, got ${years}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  }
  const { variants, issues } = selectVariants(doc, variantId);

  const total = years * variants.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const progress = { done: 0, nextReport: Math.min(step, total), cancelled: false };
  /** Counts `count` years; true when a progress step was reached (then the run yields). */
  const advance = (count: number): boolean => {
    progress.done += count;
    if (progress.done < progress.nextReport) return false;
    progress.nextReport = Math.min(progress.done - (progress.done % step) + step, total);
    onProgress?.(progress.done / total);
    return true;
  };
  /** After a progress step: true (and cancelled) when the signal asks to stop before the end. */
  const stop = (): boolean => {
    if (signal?.aborted === true && progress.done < total) progress.cancelled = true;
    return progress.cancelled;
  };

  const results: SimulatedVariant[] = [];
  for (const variant of variants) {
    if (signal?.aborted === true) progress.cancelled = true;
    if (progress.cancelled) {
      results.push(emptyResult(variant.id, [], null));
      continue;
    }
    const result = yield* simulateVariant(doc, variant, years, seed, () => advance(1), stop);
    results.push(result);
    // A variant that cannot be built uses no years: count them so progress still ends at 1.
    if (result.years === 0 && advance(years)) {
      yield;
      stop();
    }
  }
  return { seed, yearsPerVariant: years, cancelled: progress.cancelled, variants: results, issues };
}

/**
 * Most failures and repairs, expected, in one simulated year of a variant: the run reports
 * progress and honours a cancel between years, so a year must stay short (about 0.6 s at the
 * 1.6 million changes a second of a 2-core machine). An MTBF of seconds is refused before the run.
 */
export const MAX_CHANGES_PER_YEAR = 1_000_000;

/**
 * Most failures and repairs, expected, in one variant's whole run: about two minutes of work on
 * a 2-core machine (the largest run the app offers, a million years of the bundled templates,
 * draws about 160 million).
 */
export const MAX_SIMULATED_CHANGES = 200_000_000;

function* simulateVariant(
  doc: NinesDocument,
  variant: Variant,
  years: number,
  seed: number,
  advance: () => boolean,
  stop: () => boolean,
): Generator<void, SimulatedVariant, void> {
  const issues: EngineIssue[] = [];
  const graph = resolveGraph(variant, issues);
  if (!graph) return emptyResult(variant.id, issues, null);
  const structure = buildStructure(graph, issues);
  const perYear = HOURS_PER_YEAR * changesPerHour(structure.events);
  const over =
    perYear > MAX_CHANGES_PER_YEAR
      ? `each simulated year of variant "${variant.id}" would draw about ${formatNumber(perYear, 0)} failures and repairs, more than the ${formatNumber(MAX_CHANGES_PER_YEAR)} Nines simulates in a year: check the MTBF and MTTR figures`
      : years * perYear > MAX_SIMULATED_CHANGES
        ? `${formatCount(years, 'simulated year')} of variant "${variant.id}" would draw about ${formatNumber(years * perYear, 0)} failures and repairs, more than the ${formatNumber(MAX_SIMULATED_CHANGES)} Nines simulates in one run: simulate fewer years`
        : undefined;
  if (over !== undefined) {
    issues.push({ code: 'over-limit', severity: 'error', nodeIds: [], message: over });
    return emptyResult(variant.id, issues, null);
  }
  const exact = evaluate(doc, variant.id).variants[0]?.availability?.requestWeighted ?? null;
  const machine = new Machine(
    doc,
    graph,
    structure,
    trafficShares(doc, graph),
    new Random(seed, hashString(variant.id)),
  );

  const yearly = new Float64Array(years);
  let structural = 0;
  let transition = 0;
  let capacity = 0;
  let dataLoss = 0;
  let n = 0;
  while (n < years) {
    const tally = machine.runYear();
    structural += tally.structuralHours;
    transition += tally.transitionHours;
    capacity += tally.capacityHours;
    dataLoss += tally.dataLossEvents;
    yearly[n++] =
      (tally.structuralHours + tally.transitionHours + tally.capacityHours) / HOURS_PER_YEAR;
    if (advance()) {
      yield;
      if (stop()) break;
    }
  }
  const u = yearly.subarray(0, n);
  let sum = 0;
  for (const x of u) sum += x;
  const meanU = sum / n;
  let squares = 0;
  for (const x of u) squares += (x - meanU) ** 2;
  const halfWidth = n > 1 ? Z_95 * Math.sqrt(squares / (n - 1) / n) : Number.POSITIVE_INFINITY;
  const minutes = Float64Array.from(u, (x) => x * MINUTES_PER_YEAR).sort();
  const hours = n * HOURS_PER_YEAR;
  return {
    id: variant.id,
    years: n,
    mean: 1 - meanU,
    ci95: [Math.max(0, 1 - meanU - halfWidth), Math.min(1, 1 - meanU + halfWidth)],
    downtimeMinutesPerYear: {
      mean: meanU * MINUTES_PER_YEAR,
      p50: quantile(minutes, 0.5),
      p99: quantile(minutes, 0.99),
    },
    dataLossEventsPerYear: dataLoss / n,
    structuralMean: 1 - structural / hours,
    unavailability: {
      structural: structural / hours,
      transition: transition / hours,
      capacity: capacity / hours,
    },
    histogram: histogram(minutes),
    exact,
    issues,
  };
}

function emptyResult(
  id: string,
  issues: readonly EngineIssue[],
  exact: number | null,
): SimulatedVariant {
  return {
    id,
    years: 0,
    mean: null,
    ci95: null,
    downtimeMinutesPerYear: null,
    dataLossEventsPerYear: null,
    structuralMean: null,
    unavailability: null,
    histogram: [],
    exact,
    issues,
  };
}

/** The nearest-rank p-quantile of `sorted` (ascending, not empty): the ⌈p·n⌉-th smallest value. */
function quantile(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

function histogram(sortedMinutes: Float64Array): DowntimeBin[] {
  const counts = new Array<number>(HISTOGRAM_BOUNDS_MINUTES.length + 1).fill(0);
  for (const m of sortedMinutes) {
    let bin = HISTOGRAM_BOUNDS_MINUTES.findIndex((bound) => m <= bound);
    if (bin < 0) bin = HISTOGRAM_BOUNDS_MINUTES.length;
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts.map((years, i) => ({ upToMinutes: HISTOGRAM_BOUNDS_MINUTES[i] ?? null, years }));
}
