import { describe, expect, it } from 'vitest';
import { fixed, grouped, plainDigits } from './digits';

/** Intl's text, the reference plainDigits must equal. */
const formatters = new Map<string, Intl.NumberFormat>();
function intl(value: number, min: number, max: number): string {
  const key = `${min}|${max}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: true,
    });
    formatters.set(key, found);
  }
  return found.format(value);
}

const OPTIONS: readonly [number, number][] = [
  [0, 0],
  [0, 1],
  [0, 2],
  [0, 3],
  [0, 4],
  [0, 6],
  [0, 10],
  [1, 1],
  [2, 2],
  [3, 3],
  [4, 4],
  [6, 6],
];

/** Numbers of every size and sign, and exact decimal midpoints, from a fixed seed. */
function* numbers(count: number): Generator<number> {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let k = 0; k < count; k += 1) {
    yield (random() - 0.3) * 10 ** (Math.floor(random() * 30) - 12);
    const places = Math.floor(random() * 6);
    const midpoint = Math.floor(random() * 1e6) / 10 ** places + 5 / 10 ** (places + 1);
    yield midpoint;
    yield -midpoint;
    yield Math.round(random() * 1e7) / 1000;
    yield Math.floor(random() * 1e6) / 100 + 0.005;
    yield 1 - random() * 1e-4;
  }
  yield* [0, -0, 0.5, 1.5, 2.5, -2.5, 1.005, 0.045, 99.99995, 999.5, 9999.5, 99999.95, 2 ** 53];
  yield* [0.1 + 0.2, 1e-6, 5e-7, 1e20, 1e21, 525600, 17520.5, 8.325, 1.255, 0.285, 4.35];
}

describe('plainDigits', () => {
  it('writes what Intl.NumberFormat en-US writes, or leaves the number to it', () => {
    let compared = 0;
    let left = 0;
    const mismatches: string[] = [];
    for (const value of numbers(15_000)) {
      for (const [min, max] of OPTIONS) {
        const text = plainDigits(value, min, max);
        if (text === undefined) {
          left += 1;
          continue;
        }
        compared += 1;
        const expected = intl(value, min, max);
        if (text !== expected) mismatches.push(`${value} (${min}, ${max}): ${text} ≠ ${expected}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(1_000_000);
    // Only the exponent forms (below 1e-6, from 1e21) are left to Intl.
    expect(left).toBeLessThan(compared / 10);
  });

  it('leaves to Intl an exponent form and options it does not take', () => {
    expect(plainDigits(1e21, 0, 0)).toBeUndefined();
    expect(plainDigits(1e-7, 0, 10)).toBeUndefined();
    expect(plainDigits(1.5, 2, 1)).toBeUndefined();
    expect(plainDigits(1.5, 0, 1.5)).toBeUndefined();
    expect(plainDigits(1.5, 0, 21)).toBeUndefined();
    expect(grouped(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(() => fixed(1.5, -1)).toThrow(RangeError);
  });

  it('rounds half away from zero and writes the plan’s minus sign', () => {
    expect([grouped(2.5), grouped(-2.5), grouped(-0.2), fixed(1.005, 2), grouped(17520)]).toEqual([
      '3',
      '\u22123',
      '0',
      '1.01',
      '17,520',
    ]);
  });
});
