import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NinesDocument } from '../model/types';
import { capacityModelArb, smallModelArb } from '../testing/arbitraries';
import { resolveGraph } from './graph';
import { Random } from './random';
import { evaluateExprs } from './scenario';
import { Machine } from './simulate-machine';
import { buildStructure } from './structure';
import { trafficShares } from './traffic';

const SEED = 20261126;

/** Runs `years` years and checks, after each, every expression against a fresh evaluation. */
function checkIncremental(doc: NinesDocument, years: number): void {
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  const graph = resolveGraph(variant, []);
  if (!graph) return;
  const structure = buildStructure(graph, []);
  const machine = new Machine(doc, graph, structure, trafficShares(doc, graph), new Random(7));
  for (let year = 0; year < years; year++) {
    machine.runYear();
    const fresh = evaluateExprs(structure, new Set(machine.downEvents()));
    const wrong = fresh.flatMap((value, expr) => (machine.isWorking(expr) === value ? [] : [expr]));
    expect(wrong, `year ${year}: expressions ${wrong.join(', ')} disagree`).toEqual([]);
  }
}

describe('Machine', () => {
  it('keeps every expression equal to a fresh evaluation (random models)', () => {
    fc.assert(
      fc.property(smallModelArb(14), (doc) => checkIncremental(doc, 3)),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('keeps every expression equal to a fresh evaluation (random routed models)', () => {
    fc.assert(
      fc.property(capacityModelArb(14), (doc) => checkIncremental(doc, 3)),
      { seed: SEED, numRuns: 60 },
    );
  });
});
