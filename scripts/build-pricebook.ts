/**
 * Builds assets/pricing/pricebook.json from the project's price catalog
 * (data/pricing/catalog.json, committed with its sources; or the path given as the first
 * argument): every price becomes one flat entry `provider:location:category:item` with its
 * unit, source id and the source's as-of date. Nothing is estimated: catalog rows marked missing stay out of the book.
 *
 * Run `npx tsx scripts/build-pricebook.ts` after the catalog changes; a unit test fails when the
 * committed book differs from what this script writes.
 *
 * The catalog is read by scripts/pricebook/: checked JSON accessors (catalog-json.ts), sources
 * (sources.ts), the entries being collected (entries.ts), compute of all providers (compute.ts)
 * and the other prices per provider, one function per category (aws.ts, azure.ts, gcp.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { priceBookSchema, type PriceBook } from '../shared/catalog/price-book';
import {
  addAwsCache,
  addAwsDns,
  addAwsLoadBalancers,
  addAwsStorage,
  addAwsTransfer,
} from './pricebook/aws';
import {
  addAzureLoadBalancingAndDns,
  addAzureObjectStorage,
  addAzureRedis,
  addAzureTransfer,
} from './pricebook/azure';
import { num, obj, str } from './pricebook/catalog-json';
import { addCompute } from './pricebook/compute';
import { addFills, readFillSources } from './pricebook/fills';
import { createEntryBook } from './pricebook/entries';
import { addGcpNetworkAndStorage, addGcpRedis } from './pricebook/gcp';
import { readSources, sortedById } from './pricebook/sources';
import { buildPriceParts, TABLE_FILES, type TableFiles } from './pricebook/tables';
import type { PricePart } from '../shared/catalog/price-parts';

/** The price catalog, committed in data/pricing/ with its sources (data/README.md). */
export const CATALOG_URL = new URL('../data/pricing/catalog.json', import.meta.url);
/** Where the bundled book is written. */
export const PRICEBOOK_URL = new URL('../assets/pricing/pricebook.json', import.meta.url);
/** Where the bulk part of `provider` is written (shared/catalog/price-parts.ts). */
export const partUrl = (provider: string): URL =>
  new URL(`../assets/pricing/pricebook-${provider}.json`, import.meta.url);

/** The bulk tables of data/pricing/, read as text. */
export function readTableFiles(): TableFiles {
  const files: Partial<Record<keyof TableFiles, string>> = {};
  for (const name of TABLE_FILES) {
    files[name] = readFileSync(new URL(`../data/pricing/${name}`, import.meta.url), 'utf8');
  }
  return files as TableFiles;
}

/** Prices the templates need that the catalog lacks, with their sources (fills-sources.md). */
export const FILLS_URL = new URL('../data/pricing/fills.json', import.meta.url);

/**
 * Builds the core price book from the parsed catalog and fills (by default the committed
 * data/pricing/fills.json); throws when either's shape changed or a fill repeats a catalog key.
 */
export function buildPriceBook(
  catalogJson: unknown,
  fillsJson: unknown = JSON.parse(readFileSync(FILLS_URL, 'utf8')),
): PriceBook {
  const catalog = obj(catalogJson, 'root');
  const fills = obj(fillsJson, 'fills');
  const sources = sortedById({ ...readSources(catalog), ...readFillSources(fills) });
  const entries = createEntryBook(sources);

  const providers = obj(catalog.providers, 'providers');
  const aws = obj(providers.aws, 'aws');
  const azure = obj(providers.azure, 'azure');
  const gcp = obj(providers.gcp, 'gcp');

  addCompute({ aws, azure, gcp }, entries);
  addAwsCache(aws, entries);
  addAwsTransfer(aws, entries);
  addAwsLoadBalancers(aws, entries);
  addAwsDns(aws, entries);
  addAwsStorage(aws, entries);
  addAzureRedis(azure, entries);
  addAzureTransfer(azure, entries);
  addAzureLoadBalancingAndDns(azure, entries);
  addAzureObjectStorage(azure, entries);
  addGcpRedis(gcp, entries);
  addGcpNetworkAndStorage(gcp, entries);
  addFills(fills, entries);

  const book: PriceBook = {
    format: 'nines-pricebook/1',
    asOf: str(catalog.asOf, 'asOf'),
    currency: 'USD',
    hoursPerMonth: num(catalog.hoursPerMonth, 'hoursPerMonth'),
    sources,
    entries: entries.sorted(),
  };
  priceBookSchema.parse(book);
  return book;
}

/** The text of pricebook.json: 2-space JSON with a final newline. */
export function serializePriceBook(book: PriceBook): string {
  return `${JSON.stringify(book, null, 2)}\n`;
}

/**
 * The text of a bulk part: compact JSON, one line per table head and per region's prices, so
 * that a refreshed table shows in a diff as the regions whose prices changed.
 */
export function serializePricePart(part: PricePart): string {
  const j = (v: unknown) => JSON.stringify(v);
  const tables = part.tables.map((table) => {
    const { prices, ...head } = table;
    const rows = Object.entries(prices).map(([region, row]) => `${j(region)}:${j(row)}`);
    return `${j(head).slice(0, -1)},\n"prices":{\n${rows.join(',\n')}}}`;
  });
  return (
    `{"format":${j(part.format)},"provider":${j(part.provider)},\n` +
    `"sources":${j(part.sources)},\n"tables":[\n${tables.join(',\n')}]}\n`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const from = process.argv[2] ?? fileURLToPath(CATALOG_URL);
  const book = buildPriceBook(JSON.parse(readFileSync(from, 'utf8')));
  writeFileSync(PRICEBOOK_URL, serializePriceBook(book));
  process.stdout.write(
    `assets/pricing/pricebook.json: ${Object.keys(book.entries).length} prices, as of ${book.asOf}\n`,
  );
  for (const part of buildPriceParts(readTableFiles(), (key) => key in book.entries)) {
    const text = serializePricePart(part);
    writeFileSync(partUrl(part.provider), text);
    const count = part.tables.reduce(
      (n, t) =>
        n +
        Object.values(t.prices)
          .flat()
          .filter((p) => p !== null).length,
      0,
    );
    process.stdout.write(
      `assets/pricing/pricebook-${part.provider}.json: ${count} prices, ${text.length} bytes\n`,
    );
  }
}
