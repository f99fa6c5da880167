/**
 * Routers with instances (docs/model.md "Routers with instances"): a regional router run as a
 * self-managed pair with a floating address. Hand-computed figures, the brute-force oracle on
 * random models, the zone-outage RTO, the Monte Carlo interval, refusals, and every template's
 * figures unchanged when its routers state the defaults (SCRAM: scram.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelNode, NinesDocument } from '../../model/types';
import { parseDocument, parseDocumentText } from '../../schema/parse';
import { smallModelArb } from '../../testing/arbitraries';
import { dep, singleVariant } from '../../testing/builders';
import { expectOracleAgreement } from '../../testing/oracle-agreement';
import { evaluate, evaluateScenario } from '../index';
import { simulate } from '../simulation';

const TEMPLATES = new URL('../../../assets/templates/', import.meta.url).pathname;

function only(doc: NinesDocument) {
  const v = evaluate(doc).variants[0];
  if (!v?.availability) throw new Error(JSON.stringify(v?.issues));
  return { ...v, availability: v.availability };
}

/**
 * A region r (MTBF 10,000 h, MTTR 5 h) with zones z0, z1 (MTBF 1,000 h, MTTR 2 h); the entry is
 * a router `lb` placed in r with `fields` (e.g. a pair: instances 2, MTBF 500 h, MTTR 1 h) in
 * front of a global service that always works.
 */
function lbModel(fields: Partial<Extract<ModelNode, { kind: 'router' }>>): NinesDocument {
  return singleVariant(
    'lb',
    [
      { id: 'r', kind: 'region', mtbfHours: 10000, mttrHours: 5 },
      { id: 'z0', kind: 'zone', parent: 'r', mtbfHours: 1000, mttrHours: 2 },
      { id: 'z1', kind: 'zone', parent: 'r', mtbfHours: 1000, mttrHours: 2 },
      { id: 'lb', kind: 'router', parent: 'r', mtbfHours: 500, mttrHours: 1, ...fields },
      { id: 'app', kind: 'service', availability: 1 },
    ],
    [dep('lb', 'app')],
  );
}

const qRegion = 5 / 10005;
const qZone = 2 / 1002;
const qInstance = 1 / 501;

describe('a regional router of two instances', () => {
  it('is up while one instance and its zone work: U = 1 − A_r (1 − (1 − A_z A_i)²)', () => {
    const v = only(lbModel({ instances: 2, minHealthy: 1 }));
    const side = (1 - qZone) * (1 - qInstance);
    const expected = 1 - (1 - qRegion) * (1 - (1 - side) ** 2);
    expect(Math.abs(v.availability.unavailability.structural / expected - 1)).toBeLessThan(1e-12);
    expect(v.cutSets.map((c) => c.events)).toContainEqual(['lb#0', 'lb#1']);
    expect(v.cutSets.map((c) => c.events)).toContainEqual(['z0', 'z1']);
    // `app` always works: it cannot fail, so it is no single point of failure (cutsets.ts).
    expect(v.singlePointsOfFailure).toEqual(['r']);
  });

  it('needs both when minHealthy is 2, and one instance spans the zones as before', () => {
    const both = only(lbModel({ instances: 2, minHealthy: 2 }));
    const side = (1 - qZone) * (1 - qInstance);
    const expected = 1 - (1 - qRegion) * side ** 2;
    expect(Math.abs(both.availability.unavailability.structural / expected - 1)).toBeLessThan(
      1e-12,
    );
    const one = only(lbModel({}));
    expect(one.availability.unavailability.structural).toBeCloseTo(
      1 - (1 - qRegion) * (1 - qInstance),
      15,
    );
    expect(one.singlePointsOfFailure).toEqual(['lb', 'r']);
  });

  it('moving the floating address off a failed #0 is a transition term of failoverSeconds', () => {
    const v = only(lbModel({ instances: 2, failoverSeconds: 20 }));
    const term = v.transitions.find((t) => t.kind === 'failover');
    expect(term?.nodeIds).toEqual(['lb']);
    expect(term?.seconds).toBe(20);
    // #0 stops when it, its zone z0 or the region fails: the frequency of that series system.
    const perHour =
      (1 / 501) * (1 - qZone) * (1 - qRegion) +
      (1 / 1002) * (1 - qInstance) * (1 - qRegion) +
      (1 / 10005) * (1 - qInstance) * (1 - qZone);
    expect(Math.abs((term?.failuresPerYear as number) / (perHour * 8760) - 1)).toBeLessThan(1e-12);
    const defaulted = only(lbModel({ instances: 2 })).transitions.find(
      (t) => t.kind === 'failover',
    );
    expect(defaulted?.seconds).toBe(3);
  });

  it('a zone outage moves the address: the RTO is the failover, the service survives', () => {
    const doc = lbModel({ instances: 2, failoverSeconds: 20 });
    const zone0 = evaluateScenario(doc, 'v', { id: 'az', name: 'Zone outage', fail: ['z0'] });
    expect(zone0?.status).toBe('full');
    expect(zone0?.rtoSeconds).toBe(20);
    expect(zone0?.rto.parts).toEqual([{ kind: 'promotion', nodeId: 'lb', seconds: 20 }]);
    // The zone of #1 only: the address stays where it is.
    const zone1 = evaluateScenario(doc, 'v', { id: 'az', name: 'Zone outage', fail: ['z1'] });
    expect(zone1?.rtoSeconds).toBe(0);
    const both = evaluateScenario(doc, 'v', { id: 'x', name: 'Both', fail: ['lb#0', 'lb#1'] });
    expect(both?.status).toBe('down');
  });

  it('simulated through time, the 95 % interval holds the exact figure', () => {
    const doc = lbModel({ instances: 2, failoverSeconds: 600 });
    const exact = only(doc).availability.requestWeighted;
    const v = simulate(doc, { years: 3000, seed: 11 }).variants[0];
    const [lo, hi] = v?.ci95 ?? [Number.NaN, Number.NaN];
    expect(lo <= exact && exact <= hi, `[${lo}, ${hi}] against ${exact}`).toBe(true);
  });
});

describe('against brute-force enumeration', () => {
  it('agrees (1e-12) on random small models with router pairs', () => {
    const hasPair = (doc: NinesDocument): boolean =>
      doc.variants[0]?.nodes.some((n) => n.kind === 'router' && (n.instances ?? 1) > 1) ?? false;
    let checked = 0;
    fc.assert(
      fc.property(smallModelArb(14).filter(hasPair), (doc) => {
        if (expectOracleAgreement(doc)) checked++;
      }),
      { seed: 20261207, numRuns: 120 },
    );
    expect(checked).toBeGreaterThan(60);
  });
});

describe('the format', () => {
  it('refuses instances, minHealthy and failoverSeconds on a global router', () => {
    const doc = singleVariant(
      'dns',
      [
        { id: 'dns', kind: 'router', instances: 2, minHealthy: 1, failoverSeconds: 5 },
        { id: 'app', kind: 'service' },
      ],
      [dep('dns', 'app')],
    );
    const parsed = parseDocument(doc);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual([
      'variants[0].nodes[0].instances',
      'variants[0].nodes[0].minHealthy',
      'variants[0].nodes[0].failoverSeconds',
    ]);
    expect(parsed.ok ? '' : parsed.problems[0]?.message).toContain('global router (DNS)');
  });

  it('refuses minHealthy above instances on a router', () => {
    const parsed = parseDocument(lbModel({ instances: 2, minHealthy: 3 }));
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual([
      'variants[0].nodes[3].minHealthy',
    ]);
  });

  it('leaves every template figure unchanged when its routers state the defaults', () => {
    const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.nines.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const parsed = parseDocumentText(readFileSync(join(TEMPLATES, file), 'utf8'));
      if (!parsed.ok) throw new Error(file);
      const stated: NinesDocument = {
        ...parsed.document,
        variants: parsed.document.variants.map((v) => ({
          ...v,
          nodes: v.nodes.map((n) =>
            n.kind === 'router' && n.parent !== undefined
              ? { ...n, instances: 1, minHealthy: 1 }
              : n,
          ),
        })),
      };
      expect(parseDocument(stated).ok, file).toBe(true);
      expect(JSON.stringify(evaluate(stated)), file).toBe(
        JSON.stringify(evaluate(parsed.document)),
      );
    }
  });
});
