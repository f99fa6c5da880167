import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../shared/catalog/price-book';
import {
  buildPriceBook,
  CATALOG_URL,
  FILLS_URL,
  PRICEBOOK_URL,
  serializePriceBook,
} from './build-pricebook';

const catalog = JSON.parse(readFileSync(CATALOG_URL, 'utf8')) as {
  asOf: string;
  providers: { aws: { compute: { type: string; region: string; hourly: number }[] } };
};
const book = buildPriceBook(catalog);

describe('assets/pricing/pricebook.json', () => {
  it('is what scripts/build-pricebook.ts writes from data/pricing/catalog.json (run it after the catalog changes)', () => {
    expect(readFileSync(PRICEBOOK_URL, 'utf8')).toBe(serializePriceBook(book));
  });

  it('is a valid price book dated like the catalog', () => {
    expect(priceBookSchema.safeParse(JSON.parse(readFileSync(PRICEBOOK_URL, 'utf8'))).success).toBe(
      true,
    );
    expect(book.asOf).toBe(catalog.asOf);
    expect(book.hoursPerMonth).toBe(730);
  });

  it('keeps every AWS compute price of the catalog with its source and date', () => {
    for (const row of catalog.providers.aws.compute) {
      const entry = book.entries[`aws:${row.region}:compute:${row.type}`];
      expect(entry?.usd).toBe(row.hourly);
      expect(entry?.unit).toBe('hour');
    }
    expect(book.entries['aws:us-east-1:compute:m7i.large']).toMatchObject({
      usd: 0.1008,
      source: 'sky-aws',
      memGiB: 8,
      vcpu: 2,
    });
    expect(book.entries['aws:global:transfer:inter-az']).toMatchObject({
      usd: 0.01,
      unit: 'GB-each-direction',
      source: 'infracost',
      asOf: '2024-09-25',
    });
  });

  it('names a known source for every entry', () => {
    for (const [key, entry] of Object.entries(book.entries)) {
      expect(book.sources[entry.source], key).toBeDefined();
    }
  });

  it('leaves out what the catalog marks missing instead of filling it in', () => {
    for (const key of [
      'aws:eu-west-2:load-balancer:alb',
      'aws:eu-west-1:managed-redis:cache.r7g.large',
      'aws:ap-southeast-1:object-storage:standard',
      'gcp:us-east1:transfer:inter-region',
      'azure:southeastasia:compute:Standard_D2s_v5',
    ]) {
      expect(book.entries[key], key).toBeUndefined();
    }
  });

  it('adds the fills of data/pricing/fills.json with their own sources and dates', () => {
    expect(book.entries['aws:eu-west-1:load-balancer:alb']).toMatchObject({
      usd: 0.0252,
      unit: 'hour',
      source: 'bill-euw1-alb',
      asOf: '2022-03-07',
    });
    expect(book.entries['aws:us-west-2:object-storage:standard']).toMatchObject({
      usd: 0.023,
      unit: 'GB-month',
      source: 'table-usw2',
      asOf: '2024-12-01',
    });
    expect(book.sources['pricelist-euw1-fixture']?.asOf).toBe('2026-09-11');
  });

  it('refuses a fill for a key the catalog already prices', () => {
    const fills = JSON.parse(readFileSync(FILLS_URL, 'utf8')) as { prices: object[] };
    const again = {
      ...fills,
      prices: [
        ...fills.prices,
        {
          key: 'aws:us-east-1:compute:m7i.large',
          usd: 1,
          unit: 'hour',
          source: 'table-usw2',
          note: 'x',
        },
      ],
    };
    expect(() => buildPriceBook(catalog, again)).toThrow(/two prices/);
  });

  it('rejects a catalog whose shape changed', () => {
    expect(() => buildPriceBook({ ...catalog, providers: {} })).toThrow(/catalog/);
  });
});
