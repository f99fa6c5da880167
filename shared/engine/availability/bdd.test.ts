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

describe('Bdd passes', () => {
  // Functions of 6 variables from a fixed pseudo-random sequence, each checked against the
  // probability summed over all 64 states.
  const n = 6;
  let seed = 7;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const exact = (truth: (state: number) => boolean, p: readonly number[]): number => {
    let sum = 0;
    for (let state = 0; state < 1 << n; state++) {
      if (!truth(state)) continue;
      let weight = 1;
      for (let v = 0; v < n; v++)
        weight *= state & (1 << v) ? (p[v] as number) : 1 - (p[v] as number);
      sum += weight;
    }
    return sum;
  };
  const functions = Array.from({ length: 20 }, () => {
    const bdd = new Bdd(n);
    // A random formula, with its truth table alongside.
    let f = bdd.variable(Math.floor(random() * n));
    let table = Array.from({ length: 1 << n }, (_, s) => (s & (1 << bdd.varOf(f))) !== 0);
    for (let step = 0; step < 8; step++) {
      const v = Math.floor(random() * n);
      const x = bdd.variable(v);
      const and = random() < 0.5;
      f = and ? bdd.and(f, x) : bdd.or(f, x);
      table = table.map((t, s) => (and ? t && (s & (1 << v)) !== 0 : t || (s & (1 << v)) !== 0));
    }
    return { bdd, f, table };
  });
  const vector = (): number[] => Array.from({ length: n }, () => random());

  it('gives the exact probability and derivatives of a function and of its negation', () => {
    for (const { bdd, f, table } of functions) {
      const p = vector();
      expect(bdd.probability(f, p)).toBeCloseTo(
        exact((s) => table[s] as boolean, p),
        14,
      );
      const before = bdd.nodeCount;
      const notF = bdd.not(f);
      // The negation is a new node for every node of f (a monotone diagram holds none of them),
      // and asking again builds nothing.
      expect(bdd.nodeCount - before).toBe(bdd.size(f));
      expect(bdd.not(f)).toBe(notF);
      expect(bdd.not(notF)).toBe(f);
      expect(bdd.probability(notF, p)).toBeCloseTo(
        exact((s) => !table[s], p),
        14,
      );
      const d = bdd.derivatives(notF, p);
      for (let v = 0; v < n; v++) {
        const up = exact(
          (s) => !table[s | (1 << v)],
          p.map((x, i) => (i === v ? 1 : x)),
        );
        const down = exact(
          (s) => !table[s & ~(1 << v)],
          p.map((x, i) => (i === v ? 0 : x)),
        );
        expect(d[v]).toBeCloseTo(up - down, 14);
      }
    }
  });

  it('gives each vector of several the probability a pass of its own gives, bit for bit', () => {
    for (const { bdd, f } of functions) {
      for (const g of [f, bdd.not(f)]) {
        // Vectors that differ from the first in one or two variables (the passes after the first
        // recompute only the nodes above those), then vectors that differ in all.
        const base = vector();
        for (const ps of [
          [
            base,
            base.map((x, v) => (v === 2 ? random() : x)),
            base.map((x, v) => (v === 0 || v === 5 ? random() : x)),
            base,
          ],
          [base, vector(), vector()],
        ]) {
          expect([...bdd.probabilities(g, ps)]).toEqual(ps.map((p) => bdd.probability(g, p)));
        }
      }
    }
  });
});
