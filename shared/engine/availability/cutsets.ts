/**
 * Minimal cut sets: the smallest sets of basic events whose joint failure alone brings the
 * service down, read exactly off the failure BDD (Rauzy 1993), ranked by probability.
 */
import type { FailureModel } from './probability';
import type { Structure } from '../structure';
import type { CutSet } from './types';

/**
 * Minimal cut sets of the service with at most `maxOrder` events, most probable first (ties:
 * lower order, then variable order). The probability of a cut set is the product of its
 * events' unavailabilities (the events are independent).
 */
export function minimalCutSets(
  structure: Structure,
  model: FailureModel,
  maxOrder: number,
): CutSet[] {
  const sets = model.bdd.minimalCutSets(model.failure(structure.top), maxOrder);
  // A service that is down in every state (e.g. a router with no target) has the empty set as
  // its only cut set; that says nothing an issue does not say better, so it is left out.
  return sets
    .filter((vars) => vars.length > 0)
    .map((vars) => ({
      vars,
      probability: vars.reduce((p, v) => p * (model.q[v] as number), 1),
    }))
    .sort(
      (a, b) =>
        b.probability - a.probability ||
        a.vars.length - b.vars.length ||
        compareLex(a.vars, b.vars),
    )
    .map(({ vars, probability }) => ({
      events: vars.map((v) => structure.events[v]?.name as string),
      probability,
    }));
}

function compareLex(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
