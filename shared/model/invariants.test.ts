/**
 * The dependency-cycle search on graphs of the size a file can hold: it walks with its own stack,
 * so a chain of 100,000 `depends` edges is checked without overflowing the call stack, and the
 * cycle it reports is the one a depth-first search in file order meets first.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument, formatProblem } from '../schema/parse';
import { cycleText, findCycle } from './invariants';

/** `s0 → s1 → … → s(n-1)`, plus `s(n-1) → s(close)` when `close` is given. */
function chain(n: number, close?: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i + 1 < n; i += 1) out.set(`s${i}`, [`s${i + 1}`]);
  if (close !== undefined) out.set(`s${n - 1}`, [`s${close}`]);
  return out;
}

describe('findCycle', () => {
  it('finds no cycle in a chain of 100,000', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `s${i}`);
    expect(findCycle(ids, chain(100_000))).toBeUndefined();
  });

  it('finds the cycle closed at the end of a chain of 100,000, as a closed list', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `s${i}`);
    const cycle = findCycle(ids, chain(100_000, 99_997)) as string[];
    expect(cycle).toEqual(['s99997', 's99998', 's99999', 's99997']);
  });

  it('reports the first cycle met in file order, past finished branches', () => {
    const out = new Map([
      ['a', ['b', 'c']],
      ['b', ['d']],
      ['c', ['e']],
      ['e', ['c']],
      ['x', ['x']],
    ]);
    expect(findCycle(['a', 'x'], out)).toEqual(['c', 'e', 'c']);
    expect(findCycle(['x', 'a'], out)).toEqual(['x', 'x']);
    expect(findCycle(['b', 'd'], out)).toBeUndefined();
  });
});

describe('a document with a 100,000-service depends chain', () => {
  function document(close: boolean) {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: 'service' }));
    const edges = Array.from({ length: n - 1 }, (_, i) => ({
      from: `s${i}`,
      to: `s${i + 1}`,
      kind: 'depends',
    }));
    if (close) edges.push({ from: `s${n - 1}`, to: 's0', kind: 'depends' });
    return {
      format: 'nines/1',
      name: 'Chain',
      variants: [{ id: 'v', name: 'v', entry: 's0', nodes, edges }],
    };
  }

  it('is valid, and when closed its cycle is reported in one line with its path', () => {
    expect(parseDocument(document(false)).ok).toBe(true);
    const closed = parseDocument(document(true));
    expect(closed.ok ? [] : closed.problems.map(formatProblem)).toEqual([
      'variants[0].edges[0]: dependency cycle: s0 → s1 → s2 → s3 → … (99993 more) … → s99997 → s99998 → s99999 → s0',
    ]);
  }, 120_000);
});

describe('cycleText', () => {
  it('lists a short cycle whole and a long one by its ends', () => {
    expect(cycleText(['a', 'b', 'a'])).toBe('a → b → a');
    const long = [...Array.from({ length: 20 }, (_, i) => `n${i}`), 'n0'];
    expect(cycleText(long)).toBe('n0 → n1 → n2 → n3 → … (13 more) … → n17 → n18 → n19 → n0');
  });
});
