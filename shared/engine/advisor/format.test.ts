import { describe, expect, it } from 'vitest';
import { effectSummary } from './format';
import type { FindingEffect } from './types';

const MINUTES_PER_YEAR = 525_960;

/** An effect between two availabilities, priced or not, with no scenario changed. */
function effect(before: number, after: number, monthlyCostDelta: number | null): FindingEffect {
  return {
    availabilityBefore: before,
    availabilityAfter: after,
    downtimeMinutesBefore: (1 - before) * MINUTES_PER_YEAR,
    downtimeMinutesAfter: (1 - after) * MINUTES_PER_YEAR,
    monthlyCostBefore: monthlyCostDelta === null ? null : 100,
    monthlyCostAfter: monthlyCostDelta === null ? null : 100 + monthlyCostDelta,
    monthlyCostDelta,
    isCostComplete: true,
    scenarios: [],
  };
}

describe('effectSummary', () => {
  it('writes a before → after pair with the 4 decimals of the rule', () => {
    expect(
      effectSummary({ effect: effect(0.99979, 0.99998, 420), availabilityCeiling: null }),
    ).toBe('99.9790\u00a0% → 99.9980\u00a0% (−99.93\u00a0min/yr), +$420/month');
  });

  it('gives the pair more decimals (up to 6) only when 4 would print them the same', () => {
    expect(
      effectSummary({ effect: effect(0.999988, 0.9999884, -35), availabilityCeiling: null }),
    ).toBe('99.99880\u00a0% → 99.99884\u00a0% (−0.21\u00a0min/yr), −$35/month');
    expect(
      effectSummary({ effect: effect(0.999988, 0.99998804, null), availabilityCeiling: null }),
    ).toBe('99.998800\u00a0% → 99.998804\u00a0% (−0.02\u00a0min/yr)');
  });
});
