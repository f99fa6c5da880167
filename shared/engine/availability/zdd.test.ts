import { describe, expect, it } from 'vitest';
import { Bdd } from './bdd';
import { SetFamily, minimalCutSetFamily } from './zdd';

/** Every set of the family, ascending variables, sorted as strings. */
function enumerate(family: SetFamily, f: number, w: number[]): string[] {
  return [...family.heaviest(f, w)].map((s) => s.vars.join(' ')).sort();
}

/** Minimal cut sets by brute force: every subset that fails the function and has no failing proper subset. */
function bruteForce(n: number, fails: (down: Set<number>) => boolean, maxOrder: number): string[] {
  const cuts: number[][] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const set = [...Array(n).keys()].filter((i) => mask & (1 << i));
    if (set.length > maxOrder || !fails(new Set(set))) continue;
    if (set.some((drop) => fails(new Set(set.filter((x) => x !== drop))))) continue;
    cuts.push(set);
  }
  return cuts.map((c) => c.join(' ')).sort();
}

describe('minimal cut sets as a set family', () => {
  it('lists the minimal cut sets up to an order', () => {
    const bdd = new Bdd(4);
    const [a, b, c, d] = [0, 1, 2, 3].map((v) => bdd.variable(v)) as [
      number,
      number,
      number,
      number,
    ];
    const f = bdd.or(bdd.and(a, b), bdd.or(c, bdd.and(a, bdd.and(b, d))));
    const w = [0.5, 0.5, 0.5, 0.5];
    const family = new SetFamily();
    expect(enumerate(family, minimalCutSetFamily(bdd, f, 3, family), w)).toEqual(['0 1', '2']);
    expect(enumerate(family, minimalCutSetFamily(bdd, f, 1, family), w)).toEqual(['2']);
    const twoOfThree = minimalCutSetFamily(bdd, bdd.atLeast(2, [a, b, c]), 3, family);
    expect(enumerate(family, twoOfThree, w)).toEqual(['0 1', '0 2', '1 2']);
    expect(family.count(twoOfThree)).toBe(3);
    expect(family.singletons(minimalCutSetFamily(bdd, f, 3, family))).toEqual([2]);
  });

  it('agrees with brute force on random monotone functions', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 60; trial++) {
      const n = 7;
      const bdd = new Bdd(n);
      // A random monotone DNF: 1–4 terms of 1–3 variables.
      const terms = Array.from({ length: 1 + Math.floor(random() * 4) }, () => [
        ...new Set(
          Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * n)),
        ),
      ]);
      const f = bdd.orAll(terms.map((t) => bdd.andAll(t.map((v) => bdd.variable(v)))));
      const fails = (down: Set<number>): boolean => terms.some((t) => t.every((v) => down.has(v)));
      const maxOrder = 1 + (trial % 3);
      const family = new SetFamily();
      const root = minimalCutSetFamily(bdd, f, maxOrder, family);
      const expected = bruteForce(n, fails, maxOrder);
      expect(enumerate(family, root, new Array<number>(n).fill(0.3))).toEqual(expected);
      expect(family.count(root)).toBe(expected.length);
    }
  });

  it('reads the most probable sets first without listing the rest', () => {
    // "At least 3 of 1,000 fail": 166,167,000 minimal cut sets in a few thousand nodes.
    const n = 1000;
    const bdd = new Bdd(n);
    const f = bdd.groupedThreshold(3, [{ vars: Array.from({ length: n }, (_, i) => i) }]);
    const family = new SetFamily();
    const root = minimalCutSetFamily(bdd, f, 3, family);
    expect(family.count(root)).toBe((1000 * 999 * 998) / 6);
    expect(family.size).toBeLessThan(10_000);
    const w = Array.from({ length: n }, (_, i) => (i === 500 || i === 7 ? 0.1 : 0.01));
    const first = family.heaviest(root, w).next().value;
    expect(first?.vars.slice(0, 2)).toEqual([7, 500]);
    expect(first?.bound).toBeCloseTo(0.1 * 0.1 * 0.01, 15);
  });
});
