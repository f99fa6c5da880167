import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../catalog/price-book';
import type { ModelNode, NinesDocument, Variant } from '../../model/types';
import { compare, nineSteps, ninesOf, type VariantAvailability } from './compare';

const BOOK = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);

/** A variant whose whole cost is `monthlyUsd` (one overridden node). */
function variant(id: string, monthlyUsd: number): Variant {
  const node: ModelNode = { id: `${id}-app`, kind: 'service', monthlyUsd };
  return { id, name: id.toUpperCase(), entry: node.id, nodes: [node], edges: [] };
}

const doc: NinesDocument = {
  format: 'nines/1',
  name: 'options',
  targets: { availability: 0.9999, downtimeCostPerHour: 6000 },
  variants: [
    variant('cheap', 1000),
    variant('mid', 2000),
    variant('best', 4000),
    variant('unknown', 10),
  ],
};

const figures: Record<string, VariantAvailability> = {
  cheap: { availability: 0.999, downtimeMinutesPerYear: 525.6 },
  mid: {
    availability: 0.9999,
    downtimeMinutesPerYear: 52.56,
    misses: ['region outage: RTO 900 s > 300 s'],
  },
  best: { availability: 0.99999, downtimeMinutesPerYear: 5.256 },
};

describe('compare', () => {
  const result = compare(doc, { priceBook: BOOK, availabilityOf: (id) => figures[id] });

  it('ranks those that meet the targets by yearly total, then the rest by misses and total', () => {
    expect(result.variants.map((v) => [v.rank, v.id, v.meetsTargets])).toEqual([
      [1, 'best', true],
      [2, 'unknown', false],
      [3, 'mid', false],
      [4, 'cheap', false],
    ]);
    expect(result.variants.find((v) => v.id === 'cheap')?.misses).toEqual([
      'availability 99.9000\u00a0% is below the target 99.9900\u00a0%',
    ]);
    expect(result.variants.find((v) => v.id === 'mid')?.misses).toEqual([
      'region outage: RTO 900 s > 300 s',
    ]);
    expect(result.variants.find((v) => v.id === 'unknown')?.misses).toEqual([
      'availability not evaluated',
    ]);
    expect(result.priceBookAsOf).toBe(BOOK.asOf);
  });

  it('prices downtime: yearly total = 12 × monthly + downtime hours × cost per hour', () => {
    const cheap = result.variants.find((v) => v.id === 'cheap');
    expect(cheap?.yearlyInfrastructureUsd).toBe(12000);
    expect(cheap?.expectedDowntimeCostPerYear).toBeCloseTo(8.76 * 6000, 9);
    expect(cheap?.yearlyTotal).toBeCloseTo(12000 + 52560, 9);
  });

  it('gives the cost of each extra nine between neighbours in availability', () => {
    expect(result.steps.map((s) => [s.from, s.to])).toEqual([
      ['cheap', 'mid'],
      ['mid', 'best'],
    ]);
    expect(result.steps[0]?.extraNines).toBeCloseTo(1, 9);
    expect(result.steps[0]?.extraYearlyUsd).toBe(12000);
    expect(result.steps[0]?.usdPerNinePerYear).toBeCloseTo(12000, 6);
    expect(result.steps[1]?.usdPerNinePerYear).toBeCloseTo(24000, 6);
  });

  it('counts nines as −log10(1 − A) and has no step for equal availability', () => {
    expect(ninesOf(0.999)).toBeCloseTo(3, 12);
    expect(ninesOf(1)).toBeNull();
    const same = compare(
      { ...doc, variants: [variant('a', 1), variant('b', 2)] },
      {
        priceBook: BOOK,
        availabilityOf: () => ({ availability: 0.99, downtimeMinutesPerYear: 1 }),
      },
    );
    expect(nineSteps(same.variants)).toEqual([
      { from: 'a', to: 'b', extraNines: 0, extraYearlyUsd: 12, usdPerNinePerYear: null },
    ]);
  });
});
