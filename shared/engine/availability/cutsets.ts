/**
 * Minimal cut sets: the smallest sets of basic events whose joint failure alone brings the
 * service down, read exactly off the failure BDD (Rauzy 1993) as a zero-suppressed family,
 * counted in full and listed most probable first up to a limit.
 */
import type { FailureModel } from './probability';
import type { Structure } from '../structure';
import type { CutSet } from './types';
import { CutSetBudgetExceeded, SetFamily, minimalCutSetFamily } from './zdd';

/**
 * Most sets of one probability read to order them by (order, variables) when more than the
 * limit share it: past it, which of the tied sets are listed is fixed but not lexicographic.
 */
const MAX_TIED_SETS_READ = 20_000;

/** The minimal cut sets of a service, as {@link minimalCutSets} lists them. */
export interface CutSetListing {
  /** The `limit` most probable sets, most probable first (ties: lower order, then variable order). */
  readonly sets: readonly CutSet[];
  /**
   * Every event that is a cut set on its own and can fail (unavailability above 0): the single
   * points of failure, most probable first. An event that cannot fail (a resolver-side choice
   * between two DNS providers, availability 1) stops nothing in any state: it is no single point
   * of failure, though it stays a (never happening) cut set in `sets` and `total`.
   */
  readonly singles: readonly string[];
  /** How many minimal cut sets there are up to `order`, listed or not. */
  readonly total: number;
  /** The largest order counted: `maxOrder`, or less when the work budget did not allow it. */
  readonly order: number;
}

/**
 * Minimal cut sets of the service with at most `maxOrder` events: the `limit` most probable,
 * every single point of failure, and the count of all of them. The probability of a cut set
 * is the product of its events' unavailabilities (the events are independent). When the sets
 * of `maxOrder` would exceed the diagram's work budget the order is lowered until they fit,
 * and `order` says which was counted.
 */
export function minimalCutSets(
  structure: Structure,
  model: FailureModel,
  maxOrder: number,
  limit: number,
): CutSetListing {
  const root = model.failure(structure.top);
  for (let order = maxOrder; ; order--) {
    try {
      const family = new SetFamily();
      const sets = minimalCutSetFamily(model.bdd, root, order, family);
      return { ...list(family, sets, structure, model, limit), order };
    } catch (error) {
      if (!(error instanceof CutSetBudgetExceeded) || order <= 1) throw error;
    }
  }
}

function list(
  family: SetFamily,
  root: number,
  structure: Structure,
  model: FailureModel,
  limit: number,
): Omit<CutSetListing, 'order'> {
  // A service that is down in every state (e.g. a router with no target) has the empty set as
  // its only cut set; that says nothing an issue does not say better, so it is left out.
  if (family.hasEmpty(root)) return { sets: [], singles: [], total: 0 };
  const name = (v: number): string => structure.events[v]?.name as string;
  const read: { vars: number[]; probability: number }[] = [];
  let cut = -1;
  for (const { vars } of family.heaviest(root, model.q)) {
    const probability = vars.reduce((p, v) => p * (model.q[v] as number), 1);
    // Sets come in descending probability up to rounding: past the limit, read on while they
    // tie with the last one kept, so the tie order below is that of every tied set.
    if (read.length >= limit) {
      if (cut < 0) cut = sortCutSets(read)[limit - 1]?.probability ?? 0;
      if (probability < cut * (1 - 1e-9) || read.length >= limit + MAX_TIED_SETS_READ) break;
    }
    read.push({ vars, probability });
  }
  return {
    sets: sortCutSets(read)
      .slice(0, limit)
      .map(({ vars, probability }) => ({ events: vars.map(name), probability })),
    singles: family
      .singletons(root)
      .filter((v) => (model.q[v] as number) > 0)
      .sort((a, b) => (model.q[b] as number) - (model.q[a] as number) || a - b)
      .map(name),
    total: family.count(root),
  };
}

function sortCutSets<T extends { vars: readonly number[]; probability: number }>(sets: T[]): T[] {
  return sets.sort(
    (a, b) =>
      b.probability - a.probability || a.vars.length - b.vars.length || compareLex(a.vars, b.vars),
  );
}

function compareLex(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
