import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../model/types';
import { parseDocumentText } from '../../schema/parse';
import { capacityModelArb, smallModelArb } from '../../testing/arbitraries';
import { workedExample } from '../../testing/builders';
import { evaluateExprs, resolveGraph, buildStructure, trafficShares } from '../structure';
import { Random } from './random';
import { runScenario } from '../scenarios';
import { evaluate } from '../availability';
import { Machine } from './machine';

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

/**
 * The model with every figure but the entry's given as MTBF and MTTR (same availability, MTTR
 * 0.5 h), so that failures have a frequency and cost transition time.
 */
function withRates(doc: NinesDocument): NinesDocument {
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  const rates = <T extends { availability?: number; mtbfHours?: number; mttrHours?: number }>(
    x: T,
  ): T => {
    const a = x.availability;
    if (a === undefined || a >= 1) return x;
    const copy = { ...x, mtbfHours: (0.5 * a) / (1 - a), mttrHours: 0.5 };
    delete copy.availability;
    return copy;
  };
  return {
    ...doc,
    variants: [
      {
        ...variant,
        nodes: variant.nodes.map((n) => (n.id === variant.entry ? n : rates(n))),
        links: (variant.links ?? []).map(rates),
      },
    ],
  };
}

/**
 * The steady-state expectation of the machine's rules, by enumeration of every state (Gray code
 * order, one flip per state): the time the top is down, the transition hours charged per hour
 * (each up event i fails at rate 1 / MTBF_i) and the share refused for lack of capacity.
 */
function expectedRates(doc: NinesDocument): {
  structural: number;
  transition: number;
  capacity: number;
} {
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  const graph = resolveGraph(variant, []);
  if (!graph) throw new Error('no graph');
  const structure = buildStructure(graph, []);
  const machine = new Machine(
    doc,
    graph,
    structure,
    trafficShares(doc, graph),
    new Random(1),
    new Set(),
  );
  const events = structure.events;
  const n = events.length;
  const down = new Uint8Array(n);
  const sums = { structural: 0, transition: 0, capacity: 0 };
  for (let state = 0; state < 2 ** n; state++) {
    if (state > 0) {
      // Gray code: state i differs from state i − 1 in the lowest set bit of i.
      const e = Math.log2(state & -state);
      down[e] = down[e] ? 0 : 1;
      machine.flip(e);
    }
    let p = 1;
    events.forEach((event, i) => (p *= down[i] ? event.unavailability : 1 - event.unavailability));
    if (p === 0) continue;
    if (!machine.isWorking(structure.top)) sums.structural += p;
    sums.capacity += p * machine.refusedShare();
    events.forEach((event, i) => {
      if (down[i] || event.failuresPerHour === 0) return;
      const lost = machine.flip(i).transitionHours;
      machine.flip(i);
      sums.transition += p * (event.failuresPerHour / (1 - event.unavailability)) * lost;
    });
  }
  return sums;
}

describe("Machine rules have the exact engine's expectation", () => {
  const check = (doc: NinesDocument): void => {
    const exact = evaluate(doc).variants[0]?.availability?.unavailability;
    if (!exact) return;
    const sums = expectedRates(doc);
    expect(Math.abs(sums.structural - exact.structural)).toBeLessThan(1e-12);
    expect(Math.abs(sums.transition - exact.transition)).toBeLessThan(1e-12);
    expect(Math.abs(sums.capacity - exact.capacity)).toBeLessThan(1e-12);
  };

  it('on random models', () => {
    fc.assert(fc.property(smallModelArb(10).map(withRates), check), { seed: SEED, numRuns: 60 });
  });

  it('on random routed models with capacity', () => {
    fc.assert(fc.property(capacityModelArb(10).map(withRates), check), { seed: SEED, numRuns: 60 });
  });

  it('on the worked example', () => check(workedExample()));
});

describe('Machine data-loss events', () => {
  const dir = new URL('../../../assets/templates/', import.meta.url).pathname;
  const variants = new Map<string, NinesDocument>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.nines.json'))) {
    const parsed = parseDocumentText(readFileSync(`${dir}${file}`, 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    for (const v of parsed.document.variants)
      variants.set(v.id, { ...parsed.document, variants: [v] });
  }

  it.each([...variants])(
    '%s: a single failure loses data exactly when runScenario reports an RPO above 0',
    (_, doc) => {
      const variant = doc.variants[0] as NinesDocument['variants'][number];
      const graph = resolveGraph(variant, []);
      if (!graph) throw new Error('no graph');
      const structure = buildStructure(graph, []);
      const traffic = trafficShares(doc, graph);
      const mismatches: string[] = [];
      let losses = 0;
      structure.events.forEach((event, e) => {
        const machine = new Machine(doc, graph, structure, traffic, new Random(1), new Set());
        const loses = machine.flip(e).dataLossEvents > 0;
        const link = /^link:(.+)\|(.+)$/.exec(event.name);
        const cause = /^cause:(.+)$/.exec(event.name);
        const scenario = link
          ? { id: 's', name: event.name, partition: [[link[1], link[2]] as [string, string]] }
          : cause
            ? { id: 's', name: event.name, commonCause: [cause[1] as string] }
            : { id: 's', name: event.name, fail: [event.name] };
        const rpo = runScenario({ doc, graph, structure, traffic }, scenario).rpoSeconds;
        if (loses !== (rpo === null || rpo > 0)) mismatches.push(`${event.name} (RPO ${rpo})`);
        if (loses) losses++;
      });
      expect(mismatches).toEqual([]);
      // Every template has a datastore whose primary can fail with asynchronous replication.
      expect(losses).toBeGreaterThan(0);
    },
  );
});
