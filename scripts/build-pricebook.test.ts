import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../shared/catalog/price-book';
import { buildPriceBook, CATALOG_URL, PRICEBOOK_URL, serializePriceBook } from './build-pricebook';

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
      'aws:eu-west-1:load-balancer:alb',
      'aws:eu-west-1:managed-redis:cache.r7g.large',
      'aws:eu-west-1:object-storage:standard',
      'gcp:us-east1:transfer:inter-region',
      'azure:southeastasia:compute:Standard_D2s_v5',
    ]) {
      expect(book.entries[key], key).toBeUndefined();
    }
  });

  it('rejects a catalog whose shape changed', () => {
    expect(() => buildPriceBook({ ...catalog, providers: {} })).toThrow(/catalog/);
  });
});
