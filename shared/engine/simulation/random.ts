/**
 * A small seeded pseudo-random generator for the Monte Carlo simulation: xoshiro128** 1.1
 * (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021;
 * reference code at https://prng.di.unimi.it/xoshiro128starstar.c), its 128-bit state filled by
 * splitmix32 (the 32-bit variant of Steele, Lea & Flood's SplitMix, OOPSLA 2014, as used to seed
 * the xoshiro family). Same seed, same sequence, on every JavaScript engine: only 32-bit integer
 * arithmetic (`Math.imul`, shifts) is used.
 */

/** 2^-32: turns a 32-bit unsigned integer into a number in [0, 1). */
const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * One step of splitmix32 on `state` (a 32-bit integer): the next state and a well-mixed 32-bit
 * output. Example: `splitmix32(0)` is `{ state: 0x9e3779b9 | 0, value: 2462723854 }`.
 */
export function splitmix32(state: number): { readonly state: number; readonly value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return { state: next, value: (z ^ (z >>> 16)) >>> 0 };
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units: a stable number for a variant id. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** xoshiro128**: a fast generator with a period of 2^128 − 1, seeded deterministically. */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * Seeds the generator from `seeds` (integers; each is reduced to its low 32 bits and its bits
   * above them, so seeds up to 2^53 are all distinct) through splitmix32.
   */
  constructor(...seeds: readonly number[]) {
    let state = 0;
    for (const seed of seeds) {
      const low = seed >>> 0;
      const high = Math.floor(seed / 2 ** 32) >>> 0;
      state = splitmix32(state ^ low).value;
      state = splitmix32(state ^ high).value;
    }
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const step = splitmix32(state);
      state = step.state;
      words.push(step.value);
    }
    [this.s0, this.s1, this.s2, this.s3] = words as [number, number, number, number];
    // The all-zero state is the one state xoshiro never leaves; splitmix32 makes it practically
    // impossible, but it costs nothing to rule out.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform number in [0, 1) on a grid of 2^-32. */
  nextFloat(): number {
    return this.nextUint32() * TWO_TO_MINUS_32;
  }

  /**
   * An exponential variate with mean `mean` (≥ 0) by inversion: −mean · ln(1 − U). With U on a
   * 2^-32 grid the largest draw is 22.2 × the mean; the tail cut off has probability 2^-32.
   */
  nextExponential(mean: number): number {
    return -mean * Math.log(1 - this.nextFloat());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
