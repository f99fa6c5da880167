import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NinesDocument } from '../model/types';
import { parseDocumentText } from '../schema/parse';
import { capacityModelArb, smallModelArb } from '../testing/arbitraries';
import { resolveGraph } from './graph';
import { Random } from './random';
import { evaluateExprs, runScenario } from './scenario';
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

describe('Machine data-loss events', () => {
  const dir = new URL('../../assets/templates/', import.meta.url).pathname;
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
        const loses = machine.flip(e) > 0;
        const link = /^link:(.+)\|(.+)$/.exec(event.name);
        const scenario = link
          ? { id: 's', name: event.name, partition: [[link[1], link[2]] as [string, string]] }
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
