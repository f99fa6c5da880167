import { describe, expect, it } from 'vitest';
import {
  defaultUnitOf,
  lookupPrice,
  mergePriceBooks,
  priceDateRange,
  priceTiers,
  withDocumentPrices,
  type PriceBook,
} from './price-book';

const book: PriceBook = {
  format: 'nines-pricebook/1',
  asOf: '2026-11-26',
  currency: 'USD',
  hoursPerMonth: 730,
  sources: { s: { title: 't', where: 'w', asOf: '2026-01-01', confidence: 'primary' } },
  entries: {
    'aws:global:transfer:inter-az': {
      usd: 0.01,
      unit: 'GB-each-direction',
      source: 's',
      asOf: 'a',
    },
    'aws:us-east-1:transfer:inter-az': { usd: 0.02, unit: 'GB', source: 's', asOf: 'a' },
    'gcp:x:transfer:internet-egress': { usd: 3, unit: 'GiB', source: 's', asOf: 'a', upTo: 10 },
    'gcp:x:transfer:internet-egress:tier2': {
      usd: 2,
      unit: 'GiB',
      source: 's',
      asOf: 'a',
      upTo: 20,
    },
    'gcp:x:transfer:internet-egress:tier3': { usd: 1, unit: 'GiB', source: 's', asOf: 'a' },
    'gcp:x:transfer:internet-egress:tier4': { usd: 0, unit: 'GiB', source: 's', asOf: 'a' },
  },
};

describe('price book lookups', () => {
  it('prefers the location’s price and falls back to the provider’s global one', () => {
    expect(lookupPrice(book, 'aws', 'us-east-1', 'transfer', 'inter-az')?.entry.usd).toBe(0.02);
    expect(lookupPrice(book, 'aws', 'eu-west-1', 'transfer', 'inter-az')?.key).toBe(
      'aws:global:transfer:inter-az',
    );
    expect(lookupPrice(book, 'azure', 'eastus', 'transfer', 'inter-az')).toBeUndefined();
  });

  it('follows tiers until one has no upper bound', () => {
    expect(priceTiers(book, 'gcp:x:transfer:internet-egress').map((t) => t.entry.usd)).toEqual([
      3, 2, 1,
    ]);
    expect(priceTiers(book, 'gcp:y:transfer:internet-egress')).toEqual([]);
  });

  it('applies catalog.prices: known keys keep their unit, new keys take the category’s unit', () => {
    const next = withDocumentPrices(book, {
      'aws:us-east-1:transfer:inter-az': 0.5,
      'custom:dc:compute:vm': 0.07,
      'custom:dc:object-storage:standard': 0.01,
    });
    expect(next.entries['aws:us-east-1:transfer:inter-az']).toMatchObject({
      usd: 0.5,
      unit: 'GB',
      source: 'document',
    });
    expect(next.entries['custom:dc:compute:vm']?.unit).toBe('hour');
    expect(next.entries['custom:dc:object-storage:standard']?.unit).toBe('GB-month');
    expect(withDocumentPrices(book, undefined)).toBe(book);
    expect(book.entries['aws:us-east-1:transfer:inter-az']?.usd).toBe(0.02);
  });

  it('reads units of new keys by category and item', () => {
    expect(defaultUnitOf('custom:dc:transfer:inter-az')).toBe('GB-each-direction');
    expect(defaultUnitOf('custom:dc:transfer:inter-region')).toBe('GB');
    expect(defaultUnitOf('custom:dc:load-balancer:lb')).toBe('hour');
    expect(defaultUnitOf('custom:dc:load-balancer:alb-lcu')).toBe('LCU-hour');
    expect(defaultUnitOf('custom:dc:load-balancer:data-processed')).toBe('GB');
    expect(defaultUnitOf('custom:global:dns:hosted-zone')).toBe('month');
    expect(defaultUnitOf('custom:global:dns:queries-standard')).toBe('million-queries');
    expect(defaultUnitOf('custom:dc:managed-redis:big')).toBe('hour');
  });

  it('merges an import over the base, keeping the base’s date', () => {
    const extra: PriceBook = {
      ...book,
      asOf: '2027-01-01',
      sources: {},
      entries: { 'a:b:c:d': { usd: 1, unit: 'hour', source: 'import', asOf: 'x' } },
    };
    const merged = mergePriceBooks(book, extra);
    expect(merged.asOf).toBe('2026-11-26');
    expect(Object.keys(merged.entries)).toHaveLength(Object.keys(book.entries).length + 1);
  });

  it('gives the range of dated source snapshots, ignoring undated ones', () => {
    const dated: PriceBook = {
      ...book,
      entries: {
        a: { usd: 1, unit: 'hour', source: 's', asOf: '2026-03-01' },
        b: { usd: 1, unit: 'hour', source: 's', asOf: 'unknown (no commit date)' },
        c: { usd: 1, unit: 'hour', source: 's', asOf: '2024-07-01' },
      },
    };
    expect(priceDateRange(dated)).toEqual({ oldest: '2024-07-01', newest: '2026-03-01' });
    expect(priceDateRange(book)).toBeUndefined();
  });
});
