import { describe, expect, it } from 'vitest';
import type { ComparedVariant } from '../../../shared/engine';
import { paretoFrontier } from './ParetoChart';

function variant(id: string, nines: number | null, yearlyUsd: number): ComparedVariant {
  return { id, nines, yearlyInfrastructureUsd: yearlyUsd } as ComparedVariant;
}

describe('paretoFrontier', () => {
  it('keeps the variants no other beats on both cost and nines, cheapest first', () => {
    const frontier = paretoFrontier([
      variant('dear-and-good', 5, 80_000),
      variant('cheap', 3, 20_000),
      variant('dominated', 3, 30_000),
      variant('middle', 4, 40_000),
      variant('worse-and-dearer', 3.9, 50_000),
    ]);
    expect(frontier.map((v) => v.id)).toEqual(['cheap', 'middle', 'dear-and-good']);
  });

  it('drops a variant that costs the same for fewer nines, and variants without nines', () => {
    const frontier = paretoFrontier([
      variant('a', 4, 10_000),
      variant('b', 3, 10_000),
      variant('perfect', null, 5_000),
    ]);
    expect(frontier.map((v) => v.id)).toEqual(['a']);
  });
});
