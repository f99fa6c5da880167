/**
 * Common causes (docs/availability.md "Common causes"): a variant's `commonCause` events and a
 * tier's beta factor, by hand-computed figures; the brute-force oracle checks them on random
 * models (evaluate.test.ts), SCRAM on exported trees (scram.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ModelNode, NinesDocument } from '../../model/types';
import { parseDocument } from '../../schema/parse';
import { dep, singleVariant } from '../../testing/builders';
import { bruteForce } from '../../testing/oracle';
import { evaluate, evaluateScenario } from '../index';
import { simulate } from '../simulation';

function only(doc: NinesDocument) {
  const v = evaluate(doc).variants[0];
  if (!v?.availability) throw new Error(JSON.stringify(v?.issues));
  return { ...v, availability: v.availability };
}

/** A tier of two instances, one needed, MTBF 1,000 h and MTTR 10 h, with beta factor `beta`. */
function pair(beta: number): NinesDocument {
  return singleVariant('app', [
    {
      id: 'app',
      kind: 'service',
      instances: 2,
      minHealthy: 1,
      mtbfHours: 1000,
      mttrHours: 10,
      betaFactor: beta,
    },
  ]);
}

/** Three Active-Active regions behind a DNS router, with a global deploy event over all three. */
function threeRegions(withCause: boolean): NinesDocument {
  const regions = ['r1', 'r2', 'r3'];
  const doc = singleVariant(
    'dns',
    [
      { id: 'dns', kind: 'router', availability: 0.99999, dnsTtlSeconds: 30 },
      ...regions.flatMap((r): ModelNode[] => [
        { id: r, kind: 'region' },
        { id: `app-${r}`, kind: 'service', parent: r, instances: 2, minHealthy: 1 },
      ]),
    ],
    regions.map((r) => dep('dns', `app-${r}`)),
  );
  if (withCause) {
    (doc.variants[0] as NinesDocument['variants'][number]).commonCause = [
      { id: 'deploy', name: 'Global deploy', mtbfHours: 2190, mttrHours: 1, affects: regions },
    ];
  }
  return doc;
}

describe('the beta factor', () => {
  it('splits the rate: λ_ind = (1 − β)λ per instance, λ_ccf = βλ for the tier, same MTTR', () => {
    const beta = 0.1;
    const qInd = 10 / (1000 / (1 - beta) + 10);
    const qCcf = 10 / (1000 / beta + 10);
    const v = only(pair(beta));
    expect(v.availability.unavailability.structural).toBeCloseTo(
      qCcf + (1 - qCcf) * qInd * qInd,
      15,
    );
    // docs/availability.md's example: 1.078e-3, against 9.80e-5 without the beta factor.
    expect(v.availability.unavailability.structural).toBeCloseTo(1.0784829664663e-3, 15);
    expect(v.singlePointsOfFailure).toEqual(['app#ccf']);
    expect(v.cutSets.map((c) => c.events)).toEqual([['app#ccf'], ['app#0', 'app#1']]);
  });

  it('β = 0 is the independent tier; β = 1 makes the pair as available as one instance', () => {
    const q = 10 / 1010;
    expect(only(pair(0)).availability.unavailability.structural).toBeCloseTo(q * q, 15);
    expect(only(pair(1)).availability.unavailability.structural).toBeCloseTo(q, 15);
  });

  it('changes nothing on a tier of one instance', () => {
    const one = singleVariant('db', [
      { id: 'db', kind: 'datastore', mtbfHours: 100, mttrHours: 1, betaFactor: 0.5 },
    ]);
    expect(only(one).availability.unavailability.structural).toBeCloseTo(1 / 101, 15);
    expect(only(one).cutSets.map((c) => c.events)).toEqual([['db']]);
  });
});

describe('common-cause events', () => {
  it('makes a global deploy the single point of failure of three Active-Active regions', () => {
    const before = only(threeRegions(false));
    const after = only(threeRegions(true));
    const q = 1 / 2191;
    // Independent of everything else, the cause adds q × (1 − U_before) to the unavailability.
    expect(after.availability.unavailability.structural).toBeCloseTo(
      before.availability.unavailability.structural +
        q * (1 - before.availability.unavailability.structural),
      15,
    );
    expect(after.singlePointsOfFailure).toContain('cause:deploy');
    expect(after.cutSets[0]?.events).toEqual(['cause:deploy']);
    expect(after.importance[0]?.event).toBe('cause:deploy');
    expect(after.availability.unavailability.structural).toBeGreaterThan(
      40 * before.availability.unavailability.structural,
    );
  });

  it('agrees with brute-force enumeration on a cause over a region and one over a component', () => {
    const doc = threeRegions(false);
    (doc.variants[0] as NinesDocument['variants'][number]).commonCause = [
      { id: 'cp', name: 'Control plane', mtbfHours: 500, mttrHours: 2, affects: ['r1'] },
      { id: 'cert', name: 'Certificate', mtbfHours: 800, mttrHours: 3, affects: ['app-r2', 'dns'] },
    ];
    expect(parseDocument(doc).ok).toBe(true);
    const oracle = bruteForce(doc, 0, 3, 20);
    const v = only(doc);
    expect(Math.abs(v.availability.unavailability.structural - oracle.unavailability)).toBeLessThan(
      1e-15,
    );
    expect(v.singlePointsOfFailure).toEqual(['cause:cert', 'dns']);
  });

  it('is refused on a zone, a backup, an unknown node, or with an id that is a node event', () => {
    const doc = threeRegions(false);
    const variant = doc.variants[0] as NinesDocument['variants'][number];
    variant.nodes.push(
      { id: 'z1', kind: 'zone', parent: 'r1' },
      { id: 'bk', kind: 'backup' },
      { id: 'cause:x', kind: 'external' },
    );
    variant.commonCause = [
      { id: 'x', name: 'X', mtbfHours: 1, mttrHours: 1, affects: ['z1', 'bk', 'nope'] },
    ];
    const parsed = parseDocument(doc);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual([
      'variants[0].commonCause[0].id',
      'variants[0].commonCause[0].affects[0]',
      'variants[0].commonCause[0].affects[1]',
      'variants[0].commonCause[0].affects[2]',
    ]);
  });

  it('a common-cause scenario stops what the cause affects until its MTTR has passed', () => {
    const doc: NinesDocument = {
      ...threeRegions(true),
      scenarios: [{ id: 'push', name: 'Bad global push', commonCause: ['deploy'] }],
    };
    const result = evaluateScenario(doc, 'v', { id: 'push', name: 'x', commonCause: ['deploy'] });
    expect(result?.status).toBe('down');
    expect(result?.rtoSeconds).toBe(3600);
    expect(result?.rto.parts).toEqual([{ kind: 'repair', nodeId: 'cause:deploy', seconds: 3600 }]);
    const other = evaluateScenario(threeRegions(false), 'v', {
      id: 'push',
      name: 'x',
      commonCause: ['deploy'],
    });
    expect(other?.applies).toBe(false);
    expect(other?.reason).toContain('deploy');
  });

  it('simulated through time, the 95 % interval holds the exact figure', () => {
    const doc = threeRegions(true);
    const variant = doc.variants[0] as NinesDocument['variants'][number];
    variant.nodes = variant.nodes.map((n) =>
      n.kind === 'service' ? { ...n, betaFactor: 0.2, mtbfHours: 200, mttrHours: 2 } : n,
    );
    const exact = only(doc).availability.requestWeighted;
    const v = simulate(doc, { years: 4000, seed: 7 }).variants[0];
    const [lo, hi] = v?.ci95 ?? [Number.NaN, Number.NaN];
    expect(lo <= exact && exact <= hi, `[${lo}, ${hi}] against ${exact}`).toBe(true);
  });
});
