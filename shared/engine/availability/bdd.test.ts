import { describe, expect, it } from 'vitest';
import { Bdd } from './bdd';

describe('Bdd', () => {
  it('is canonical: equal functions are the same node', () => {
    const bdd = new Bdd(3);
    const [x, y, z] = [0, 1, 2].map((v) => bdd.variable(v)) as [number, number, number];
    expect(bdd.and(x, y)).toBe(bdd.and(y, x));
    expect(bdd.or(x, bdd.and(x, y))).toBe(x);
    expect(bdd.and(x, bdd.or(y, z))).toBe(bdd.or(bdd.and(x, y), bdd.and(x, z)));
    expect(bdd.not(bdd.not(bdd.and(x, z)))).toBe(bdd.and(x, z));
    expect(bdd.and(x, bdd.not(x))).toBe(0);
    expect(bdd.atLeast(2, [x, y, z])).toBe(bdd.groupedThreshold(2, [{ vars: [0, 1, 2] }]));
    expect(bdd.ite(0, y, z)).toBe(bdd.or(bdd.and(x, y), bdd.and(bdd.not(x), z)));
  });

  it('computes probabilities and Birnbaum derivatives exactly', () => {
    const bdd = new Bdd(3);
    const [x, y, z] = [0, 1, 2].map((v) => bdd.variable(v)) as [number, number, number];
    const p = [0.1, 0.2, 0.3];
    const twoOfThree = bdd.atLeast(2, [x, y, z]);
    expect(bdd.probability(twoOfThree, p)).toBeCloseTo(
      0.1 * 0.2 + 0.1 * 0.3 + 0.2 * 0.3 - 2 * 0.1 * 0.2 * 0.3,
      15,
    );
    const series = bdd.or(x, bdd.and(y, z));
    const d = bdd.derivatives(series, p);
    expect(d[0]).toBeCloseTo(1 - 0.2 * 0.3, 15);
    expect(d[1]).toBeCloseTo(0.9 * 0.3, 15);
    expect(d[2]).toBeCloseTo(0.9 * 0.2, 15);
    // Several vectors in one call, each as probability gives it; a variable fixed to 0 or 1
    // conditions on it: P(2 of 3 | x) = P(y ∨ z), P(2 of 3 | ¬x) = P(y ∧ z).
    expect([...bdd.probabilities(twoOfThree, [p, [1, 0.2, 0.3], [0, 0.2, 0.3]])]).toEqual([
      bdd.probability(twoOfThree, p),
      0.2 + 0.8 * 0.3,
      0.2 * 0.3,
    ]);
    expect([...bdd.probabilities(1, [p, p])]).toEqual([1, 1]);
    expect(bdd.probability(1, p)).toBe(1);
    expect(bdd.probability(0, p)).toBe(0);
  });

  it('grows its tables past their first size', () => {
    const n = 300;
    const bdd = new Bdd(n);
    const f = bdd.groupedThreshold(150, [{ vars: Array.from({ length: n }, (_, i) => i) }]);
    expect(bdd.nodeCount).toBeGreaterThan(20_000);
    // P(Binomial(300, 0.5) ≥ 150) by a direct recurrence.
    let dist = [1];
    for (let i = 0; i < n; i++) {
      dist = [...dist, 0].map((w, c) => 0.5 * w + 0.5 * (c > 0 ? (dist[c - 1] as number) : 0));
    }
    const expected = dist.slice(150).reduce((a, b) => a + b, 0);
    expect(bdd.probability(f, new Array<number>(n).fill(0.5))).toBeCloseTo(expected, 12);
  });
});

describe('Bdd.groupedThreshold', () => {
  it('equals the threshold over "instance or its zone failed", checked state by state', () => {
    // Zones 0 and 3 with instances 1, 2 and 4, 5; instance 6 in no zone.
    const groups = [{ zone: 0, vars: [1, 2] }, { zone: 3, vars: [4, 5] }, { vars: [6] }];
    const bdd = new Bdd(7);
    for (let k = 0; k <= 6; k++) {
      const f = bdd.groupedThreshold(k, groups);
      const generic = bdd.atLeast(
        k,
        groups.flatMap((g) =>
          g.vars.map((v) =>
            g.zone === undefined ? bdd.variable(v) : bdd.or(bdd.variable(v), bdd.variable(g.zone)),
          ),
        ),
      );
      expect(f).toBe(generic);
    }
  });

  it('stays polynomial over a thousand zones', () => {
    const groups = Array.from({ length: 1000 }, (_, z) => ({ zone: 2 * z, vars: [2 * z + 1] }));
    const bdd = new Bdd(2000);
    const f = bdd.groupedThreshold(501, groups);
    expect(bdd.nodeCount).toBeLessThan(2 * 1000 * 502 + 10);
    // Each instance-or-zone fails with 0.5 + 0.5 · 0.5 = 0.75: P(Binomial(1000, 0.75) ≥ 501).
    let dist = [1];
    for (let i = 0; i < 1000; i++) {
      dist = [...dist, 0].map((w, c) => 0.25 * w + 0.75 * (c > 0 ? (dist[c - 1] as number) : 0));
    }
    const expected = dist.slice(501).reduce((a, b) => a + b, 0);
    expect(bdd.probability(f, new Array<number>(2000).fill(0.5))).toBeCloseTo(expected, 10);
  });
});
