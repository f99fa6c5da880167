import { describe, expect, it } from 'vitest';
import type { ModelNode } from '../model/types';
import { dep, singleVariant, workedExample } from '../testing/builders';
import { evaluate } from './evaluate';
import { sensitivity } from './sensitivity';

const MINUTES_PER_YEAR = 525_600;

describe('sensitivity', () => {
  it('scales MTBF and MTTR of a lone service by 0.5 and 1.5 (hand-computed downtime)', () => {
    const app: ModelNode = { id: 'app', kind: 'service', mtbfHours: 1000, mttrHours: 1 };
    const result = sensitivity(singleVariant('app', [app]), 'v');
    if (!result) throw new Error('not evaluated');
    const down = (mtbf: number, mttr: number) => (mttr / (mtbf + mttr)) * MINUTES_PER_YEAR;
    expect(result.baseDowntime).toBeCloseTo(down(1000, 1), 9);
    const [first, second] = result.bars;
    // MTBF: 500 h doubles the failures, 1,500 h cuts them by a third; MTTR swings less.
    expect(first).toMatchObject({ nodeId: 'app', parameter: 'mtbfHours', lowValue: 500 });
    expect(first?.downtimeAtLow).toBeCloseTo(down(500, 1), 9);
    expect(first?.downtimeAtHigh).toBeCloseTo(down(1500, 1), 9);
    expect(second).toMatchObject({ parameter: 'mttrHours', lowValue: 0.5, highValue: 1.5 });
    expect(second?.downtimeAtLow).toBeCloseTo(down(1000, 0.5), 9);
    expect(second?.downtimeAtHigh).toBeCloseTo(down(1000, 1.5), 9);
    expect(first?.swing).toBeGreaterThan(second?.swing ?? Infinity);
  });

  it('scales an unavailability by 1.5 both ways and clamps it to [0, 1]', () => {
    const nodes: ModelNode[] = [
      { id: 'ext', kind: 'external', availability: 0.999 },
      { id: 'bad', kind: 'external', availability: 0.2 },
      { id: 'perfect', kind: 'external', availability: 1 },
      { id: 'app', kind: 'service', availability: 0.99 },
    ];
    const doc = singleVariant('app', nodes, [
      dep('app', 'ext'),
      dep('app', 'bad'),
      dep('app', 'perfect'),
    ]);
    const result = sensitivity(doc, 'v');
    if (!result) throw new Error('not evaluated');
    const bad = result.bars.find((b) => b.nodeId === 'bad');
    expect(bad?.highValue).toBe(0);
    expect(bad?.downtimeAtHigh).toBeCloseTo(MINUTES_PER_YEAR, 6);
    const ext = result.bars.find((b) => b.nodeId === 'ext');
    expect(ext?.lowValue).toBeCloseTo(1 - 0.001 / 1.5, 12);
    expect(ext?.highValue).toBeCloseTo(1 - 0.0015, 12);
    // Series of independent parts: A = product of the availabilities.
    expect(ext?.downtimeAtHigh).toBeCloseTo((1 - 0.9985 * 0.2 * 0.99) * MINUTES_PER_YEAR, 6);
    expect(result.bars.some((b) => b.nodeId === 'perfect')).toBe(false);
    expect(result.bars.map((b) => b.swing)).toEqual(
      [...result.bars.map((b) => b.swing)].sort((a, b) => b - a),
    );
  });

  it('brackets the downtime of the worked example and leaves the document unchanged', () => {
    const doc = workedExample();
    const before = JSON.stringify(doc);
    const variantId = doc.variants[0]?.id ?? '';
    const result = sensitivity(doc, variantId);
    if (!result) throw new Error('not evaluated');
    expect(result.baseDowntime).toBe(
      evaluate(doc, variantId).variants[0]?.availability?.downtimeMinutesPerYear,
    );
    expect(result.bars.length).toBeGreaterThan(0);
    for (const b of result.bars) {
      const lo = Math.min(b.downtimeAtLow, b.downtimeAtHigh);
      const hi = Math.max(b.downtimeAtLow, b.downtimeAtHigh);
      expect(lo).toBeLessThanOrEqual(result.baseDowntime + 1e-9);
      expect(hi).toBeGreaterThanOrEqual(result.baseDowntime - 1e-9);
    }
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('is null for a variant that cannot be evaluated', () => {
    expect(sensitivity(singleVariant('missing', []), 'v')).toBeNull();
  });
});
