import { describe, expect, it } from 'vitest';
import { hashString, Random, splitmix32 } from './random';

// Expected values from the C reference code (xoshiro128starstar.c, and splitmix32 with the
// MurmurHash3 finaliser constants) compiled with gcc, seeded the way `Random` documents.
describe('random', () => {
  it('splitmix32 matches the reference', () => {
    const first = splitmix32(0);
    expect(first.value).toBe(2462723854);
    expect(splitmix32(first.state).value).toBe(1020716019);
  });

  it('xoshiro128** seeded through splitmix32 matches the reference', () => {
    const draw = (r: Random): number[] => Array.from({ length: 4 }, () => r.nextUint32());
    expect(draw(new Random(1))).toEqual([1823784700, 509087362, 3424426819, 744326071]);
    expect(draw(new Random(42, 3735928559))).toEqual([
      1578525180, 2235880241, 1695877697, 3826194026,
    ]);
    // Bits above 2^32 count: 2^53 − 1 is not 2^32 − 1.
    expect(draw(new Random(2 ** 53 - 1))).toEqual([2908482158, 990194497, 3451683488, 1359571252]);
  });

  it('draws uniforms in [0, 1) and exponentials with the asked mean', () => {
    const r = new Random(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.nextFloat();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard error of the mean of n uniforms: 1 / √(12 n) = 6.5e-4; 5 standard errors.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(3.3e-3);
    let total = 0;
    for (let i = 0; i < n; i++) total += r.nextExponential(4);
    // Standard error: 4 / √n = 8.9e-3.
    expect(Math.abs(total / n - 4)).toBeLessThan(0.045);
  });

  it('hashes strings with FNV-1a', () => {
    // Published FNV-1a 32-bit test vectors: "" and "a".
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
