import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema, type PriceBook } from '../../catalog/price-book';
import type { ModelNode, NinesDocument } from '../../model/types';
import { dep, singleVariant, workedExample } from '../../testing/builders';
import { estimateCost } from '../cost';
import { evaluate } from '../availability';
import { priceLabel, sensitivity, sensitivityKey, type SensitivitySubject } from './sensitivity';

const MINUTES_PER_YEAR = 525_600;
const BOOK: PriceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);
/** Downtime of one alternating renewal event, minutes per year: MTTR / (MTBF + MTTR) × year. */
const down = (mtbf: number, mttr: number) => (mttr / (mtbf + mttr)) * MINUTES_PER_YEAR;
const nodeIdOf = (b: { subject: SensitivitySubject }) =>
  b.subject.kind === 'node' ? b.subject.nodeId : undefined;

describe('sensitivity', () => {
  it('scales MTBF and MTTR of a lone service by 0.5 and 1.5 (hand-computed downtime)', () => {
    const app: ModelNode = { id: 'app', kind: 'service', mtbfHours: 1000, mttrHours: 1 };
    const result = sensitivity(singleVariant('app', [app]), 'v');
    if (!result) throw new Error('not evaluated');
    expect(result.baseDowntime).toBeCloseTo(down(1000, 1), 9);
    const [first, second] = result.bars;
    // MTBF: 500 h doubles the failures, 1,500 h cuts them by a third; MTTR swings less.
    expect(first).toMatchObject({
      subject: { kind: 'node', nodeId: 'app' },
      parameter: 'mtbfHours',
      lowValue: 500,
    });
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
    const bad = result.bars.find((b) => nodeIdOf(b) === 'bad');
    expect(bad?.highValue).toBe(0);
    expect(bad?.downtimeAtHigh).toBeCloseTo(MINUTES_PER_YEAR, 6);
    const ext = result.bars.find((b) => nodeIdOf(b) === 'ext');
    expect(ext?.lowValue).toBeCloseTo(1 - 0.001 / 1.5, 12);
    expect(ext?.highValue).toBeCloseTo(1 - 0.0015, 12);
    // Series of independent parts: A = product of the availabilities.
    expect(ext?.downtimeAtHigh).toBeCloseTo((1 - 0.9985 * 0.2 * 0.99) * MINUTES_PER_YEAR, 6);
    expect(result.bars.some((b) => nodeIdOf(b) === 'perfect')).toBe(false);
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

  it('varies the MTBF and MTTR of a region link a cross-region call needs (closed form)', () => {
    // Everything is perfect but the r1–r2 link, so the downtime is the link's unavailability.
    const nodes: ModelNode[] = [
      { id: 'r1', kind: 'region', availability: 1 },
      { id: 'r2', kind: 'region', availability: 1 },
      { id: 'r3', kind: 'region', availability: 1 },
      { id: 'app', kind: 'service', parent: 'r1', availability: 1 },
      { id: 'db', kind: 'datastore', parent: 'r2', availability: 1 },
    ];
    const edges = [dep('app', 'db')];
    // No link listed: the documented defaults, MTBF 4,380 h and MTTR 1 h.
    const byDefault = sensitivity(singleVariant('app', nodes, edges), 'v');
    expect(byDefault?.baseDowntime).toBeCloseTo(down(4380, 1), 9);
    expect(byDefault?.bars.map((b) => sensitivityKey(b))).toEqual([
      'link:r1|r2:mtbfHours',
      'link:r1|r2:mttrHours',
    ]);
    const [mtbf, mttr] = byDefault?.bars ?? [];
    expect(mtbf).toMatchObject({ subject: { kind: 'link', a: 'r1', b: 'r2' }, baseValue: 4380 });
    expect(mtbf?.downtimeAtLow).toBeCloseTo(down(2190, 1), 9);
    expect(mtbf?.downtimeAtHigh).toBeCloseTo(down(6570, 1), 9);
    expect(mttr?.downtimeAtLow).toBeCloseTo(down(4380, 0.5), 9);
    expect(mttr?.downtimeAtHigh).toBeCloseTo(down(4380, 1.5), 9);

    // A listed link (either order) keeps its own MTTR; a link no dependency needs has no bar.
    const doc = singleVariant('app', nodes, edges, {
      links: [
        { a: 'r2', b: 'r1', mttrHours: 2 },
        { a: 'r1', b: 'r3', mtbfHours: 10 },
      ],
    });
    const before = JSON.stringify(doc);
    const listed = sensitivity(doc, 'v');
    expect(listed?.baseDowntime).toBeCloseTo(down(4380, 2), 9);
    const linkMttr = listed?.bars.find((b) => b.parameter === 'mttrHours');
    expect(linkMttr).toMatchObject({ baseValue: 2, lowValue: 1, highValue: 3 });
    expect(linkMttr?.downtimeAtLow).toBeCloseTo(down(4380, 1), 9);
    expect(linkMttr?.downtimeAtHigh).toBeCloseTo(down(4380, 3), 9);
    expect(listed?.bars).toHaveLength(2);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('varies a link given by its availability like a node: unavailability ×/÷ 1.5', () => {
    const nodes: ModelNode[] = [
      { id: 'r1', kind: 'region', availability: 1 },
      { id: 'r2', kind: 'region', availability: 1 },
      { id: 'app', kind: 'service', parent: 'r1', availability: 1 },
      { id: 'db', kind: 'datastore', parent: 'r2', availability: 1 },
    ];
    const doc = singleVariant('app', nodes, [dep('app', 'db')], {
      links: [{ a: 'r1', b: 'r2', availability: 0.999 }],
    });
    const [bar, ...rest] = sensitivity(doc, 'v')?.bars ?? [];
    expect(rest).toHaveLength(0);
    expect(bar).toMatchObject({ subject: { kind: 'link' }, parameter: 'availability' });
    expect(bar?.downtimeAtLow).toBeCloseTo((0.001 / 1.5) * MINUTES_PER_YEAR, 9);
    expect(bar?.downtimeAtHigh).toBeCloseTo(0.0015 * MINUTES_PER_YEAR, 9);
  });

  describe('the cost tornado', () => {
    /** One m7i.large in us-east-1 ($0.1008/h) with a $50 licence, behind a $200/month service. */
    function priced(extra: Partial<NinesDocument> = {}): NinesDocument {
      const nodes: ModelNode[] = [
        { id: 'r1', kind: 'region', provider: 'aws', location: 'us-east-1', availability: 1 },
        {
          id: 'app',
          kind: 'service',
          parent: 'r1',
          instanceType: 'm7i.large',
          instances: 1,
          mtbfHours: 1000,
          mttrHours: 1,
          licenseMonthlyUsd: 50,
        },
        { id: 'ext', kind: 'external', availability: 1, monthlyUsd: 200 },
      ];
      return {
        ...singleVariant('app', nodes, [dep('app', 'ext')]),
        targets: { downtimeCostPerHour: 10_000 },
        ...extra,
      };
    }
    const COMPUTE = 'aws:us-east-1:compute:m7i.large';

    it('spans base ± 50 % of each price line × 12 and moves the downtime cost by failures', () => {
      const doc = priced();
      const result = sensitivity(doc, 'v', { priceBook: BOOK });
      if (!result) throw new Error('not evaluated');
      const monthly = 0.1008 * 730 + 50 + 200;
      const yearly = (minutes: number) => 12 * monthly + (minutes / 60) * 10_000;
      expect(result.baseYearlyCost).toBeCloseTo(yearly(down(1000, 1)), 6);
      expect(result.costBars.map((b) => sensitivityKey(b))).toEqual([
        'node:app:mtbfHours',
        'node:app:mttrHours',
        'node:ext:monthlyUsd',
        `price:${COMPUTE}:usd`,
        'node:app:licenseMonthlyUsd',
      ]);
      const base = result.baseYearlyCost ?? NaN;
      const [mtbf, mttr, ext, compute, licence] = result.costBars;
      expect(mtbf?.yearlyCostAtLow).toBeCloseTo(yearly(down(500, 1)), 6);
      expect(mtbf?.yearlyCostAtHigh).toBeCloseTo(yearly(down(1500, 1)), 6);
      expect(mttr?.yearlyCostAtHigh).toBeCloseTo(yearly(down(1000, 1.5)), 6);
      // The same figure from the cost engine itself.
      expect(mttr?.yearlyCostAtLow).toBeCloseTo(
        estimateCost(doc, 'v', { priceBook: BOOK, downtimeMinutesPerYear: down(1000, 0.5) })
          .yearlyTotal,
        6,
      );
      expect(ext).toMatchObject({ baseValue: 200, lowValue: 100, highValue: 300 });
      expect(ext?.yearlyCostAtLow).toBeCloseTo(base - 0.5 * 12 * 200, 6);
      expect(ext?.yearlyCostAtHigh).toBeCloseTo(base + 0.5 * 12 * 200, 6);
      expect(compute).toMatchObject({
        subject: { kind: 'price', key: COMPUTE, unit: 'hour' },
        parameter: 'usd',
        baseValue: 0.1008,
      });
      expect(compute?.yearlyCostAtLow).toBeCloseTo(base - 0.5 * 12 * 0.1008 * 730, 6);
      expect(compute?.yearlyCostAtHigh).toBeCloseTo(base + 0.5 * 12 * 0.1008 * 730, 6);
      expect(licence?.swing).toBeCloseTo(12 * 50, 9);
      // A price does not move the availability: the downtime tornado has failure bars only.
      expect(result.bars.map((b) => sensitivityKey(b))).toEqual([
        'node:app:mtbfHours',
        'node:app:mttrHours',
      ]);
    });

    it("varies a document's price override from its value, with the discount still taken", () => {
      const doc = priced({
        targets: {},
        catalog: { prices: { [COMPUTE]: 0.2 }, discounts: { aws: 0.1 } },
      });
      const result = sensitivity(doc, 'v', { priceBook: BOOK });
      const compute = result?.costBars.find((b) => b.parameter === 'usd');
      expect(compute).toMatchObject({ baseValue: 0.2, lowValue: 0.1 });
      expect(compute?.swing).toBeCloseTo(12 * 0.2 * 0.9 * 730, 9);
      // Without a cost per hour of downtime, no failure parameter moves the yearly cost.
      expect(result?.costBars.every((b) => b.subject.kind !== 'link')).toBe(true);
      expect(result?.costBars.some((b) => b.parameter === 'mtbfHours')).toBe(false);
      expect(result?.costBars.map((b) => b.swing)).toEqual(
        [...(result?.costBars ?? [])].map((b) => b.swing).sort((a, b) => b - a),
      );
    });

    it('is absent without a price book', () => {
      const result = sensitivity(priced(), 'v');
      expect(result?.baseYearlyCost).toBeNull();
      expect(result?.costBars).toEqual([]);
    });
  });

  it('reports progress: two evaluations per parameter, the total known from the first call', () => {
    const calls: [number, number][] = [];
    const result = sensitivity(workedExample(), 'v', {
      priceBook: BOOK,
      onProgress: (done, total) => calls.push([done, total]),
    });
    const total = calls[0]?.[1] ?? 0;
    // Every parameter counts, also one whose bar ends up with no swing.
    expect(total).toBeGreaterThanOrEqual(2 * (result?.bars.length ?? Infinity));
    expect(calls).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });

  it('names prices by what they price', () => {
    expect(priceLabel('aws:us-east-1:compute:m7i.large', 'hour')).toBe(
      'm7i.large us-east-1 hourly price',
    );
    expect(priceLabel('aws:us-east-1:transfer:inter-region:eu-west-1', 'GB')).toBe(
      'inter-region → eu-west-1 us-east-1 price per GB',
    );
    expect(priceLabel('aws:global:dns:hosted-zone', 'month')).toBe('hosted-zone aws monthly price');
    expect(priceLabel('aws:us-east-1:transfer:internet-egress:tier2', 'GB')).toBe(
      'internet-egress us-east-1 price per GB (tier 2)',
    );
  });

  it('is null for a variant that cannot be evaluated', () => {
    expect(sensitivity(singleVariant('missing', []), 'v')).toBeNull();
  });
});
