import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema, type PriceBook, type PriceEntry } from './price-book';
import { PART_PROVIDERS, pricePartSchema, withPriceParts, type PricePart } from './price-parts';

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../assets/pricing/${name}.json`, import.meta.url), 'utf8'),
  ) as unknown;
const CORE = priceBookSchema.parse(read('pricebook')) as PriceBook;
const PARTS = PART_PROVIDERS.map((p) => pricePartSchema.parse(read(`pricebook-${p}`)) as PricePart);

/** The expansion as first written (one object literal per entry, spreads for the optional fields). */
function expandedAsFirstWritten(part: PricePart): Record<string, PriceEntry> {
  const entries: Record<string, PriceEntry> = {};
  for (const table of part.tables) {
    for (const [location, row] of Object.entries(table.prices)) {
      row.forEach((usd, i) => {
        if (usd === null) return;
        const vcpu = table.vcpu?.[i] ?? undefined;
        const memGiB = table.memGiB?.[i] ?? undefined;
        const upTo = table.upTo?.[i] ?? undefined;
        entries[`${part.provider}:${location}:${table.category}:${table.items[i] as string}`] = {
          usd,
          unit: table.unit,
          source: table.source,
          asOf: table.asOf,
          ...(upTo === undefined ? {} : { upTo }),
          ...(memGiB === undefined ? {} : { memGiB }),
          ...(vcpu === undefined ? {} : { vcpu }),
          ...(table.note === undefined ? {} : { note: table.note }),
        };
      });
    }
  }
  return entries;
}

describe('withPriceParts', () => {
  it.each([[PARTS], [PARTS.slice(0, 1)], [[...PARTS].reverse()]])(
    'gives the entries of the expansion as first written: keys, fields and their order',
    (parts) => {
      const entries: Record<string, PriceEntry> = {};
      for (const part of parts) Object.assign(entries, expandedAsFirstWritten(part));
      Object.assign(entries, CORE.entries);
      const book = withPriceParts(CORE, parts);
      expect(Object.keys(book.entries).length).toBeGreaterThan(Object.keys(CORE.entries).length);
      expect(JSON.stringify(book.entries)).toBe(JSON.stringify(entries));
    },
  );
});
