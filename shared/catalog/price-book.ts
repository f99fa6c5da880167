/**
 * The offline price book: flat, dated prices keyed `provider:location:category:item`, each with
 * its unit, its source and the source's as-of date. The bundled book (assets/pricing/
 * pricebook.json) is generated from the project's price catalog by scripts/build-pricebook.ts;
 * the engine takes a book as a parameter and never reads files.
 *
 * Missing prices are missing: a key that is not in the book has no price, and the cost engine
 * reports what needed it as unpriced instead of guessing.
 */
import * as z from '../schema/zod';
import { MAX_QUANTITY } from '../schema/nines-v1';

/**
 * The unit a price is quoted in, USD per:
 * `hour` (one instance or resource-hour), `month` (one instance or resource-month),
 * `GB` / `GiB` (10^9 / 2^30 bytes transferred or processed), `GB-each-direction` (10^9 bytes
 * billed once leaving and once entering, so a GB moved costs twice the price), `GB-month` /
 * `GiB-month` (stored), `LCU-hour` (load balancer capacity unit-hour), `CU-hour` (application
 * gateway capacity unit-hour), `rule-hour`, `million-queries`.
 */
export const priceUnits = [
  'hour',
  'month',
  'GB',
  'GiB',
  'GB-each-direction',
  'GB-month',
  'GiB-month',
  'LCU-hour',
  'CU-hour',
  'rule-hour',
  'million-queries',
] as const;

/** See {@link priceUnits}. */
export type PriceUnit = (typeof priceUnits)[number];

/** One price of the book. */
export interface PriceEntry {
  /** The list price in USD per `unit`, ≥ 0. */
  readonly usd: number;
  readonly unit: PriceUnit;
  /** Id of the source in {@link PriceBook.sources} (or `document` / `import` for overrides). */
  readonly source: string;
  /** Date of the source's snapshot (`YYYY-MM-DD`), or the source's own words when unknown. */
  readonly asOf: string;
  /**
   * For a tiered price: the monthly quantity (in the unit's quantity, e.g. GB) up to which this
   * price applies, counted from zero; absent means no upper bound. The next tier, if the book
   * has it, is the same key with `:tier2`, `:tier3`… appended.
   */
  readonly upTo?: number;
  /** Memory of one instance, GiB (compute and managed cache types, where the source gives it). */
  readonly memGiB?: number;
  /**
   * Virtual CPUs of one instance (compute types, where the source gives them); GCP's shared-core
   * types have fractions (e2-micro 0.25).
   */
  readonly vcpu?: number;
  /** What the price covers when the key alone does not say (scope, confidence, derivation). */
  readonly note?: string;
}

/** Where a number comes from. */
export interface PriceSource {
  readonly title: string;
  /** Repository `owner/name` and path, or a URL. */
  readonly where: string;
  /** Commit of the repository the figures were read at, when known. */
  readonly commit?: string;
  /** Snapshot date of the source, or its own words when unknown. */
  readonly asOf: string;
  readonly confidence: string;
}

/** A dated, sourced price book. */
export interface PriceBook {
  readonly format: 'nines-pricebook/1';
  /** Date the book was compiled (`YYYY-MM-DD`); each entry carries its source's own date. */
  readonly asOf: string;
  readonly currency: 'USD';
  /** Hours in a billing month: 730 (= 8,760 / 12), the providers' convention. */
  readonly hoursPerMonth: number;
  readonly sources: Readonly<Record<string, PriceSource>>;
  /** Prices by key `provider:location:category:item` (see {@link priceKey}). */
  readonly entries: Readonly<Record<string, PriceEntry>>;
}

/** Location used for prices that do not depend on the region (DNS, some transfer rates). */
export const GLOBAL_LOCATION = 'global';

/** The key of a price: `provider:location:category:item`, e.g. `aws:us-east-1:compute:m7i.large`. */
export function priceKey(
  provider: string,
  location: string,
  category: string,
  item: string,
): string {
  return `${provider}:${location}:${category}:${item}`;
}

/** A price found in a book, with the key it was found under. */
export interface FoundPrice {
  readonly key: string;
  readonly entry: PriceEntry;
}

/**
 * Looks up `category:item` for `provider` in `location`, falling back to the provider's
 * `global` price; undefined when neither exists (the caller reports it as unpriced).
 */
export function lookupPrice(
  book: PriceBook,
  provider: string,
  location: string,
  category: string,
  item: string,
): FoundPrice | undefined {
  for (const loc of location === GLOBAL_LOCATION ? [location] : [location, GLOBAL_LOCATION]) {
    const key = priceKey(provider, loc, category, item);
    const entry = book.entries[key];
    if (entry) return { key, entry };
  }
  return undefined;
}

/**
 * The tiers of a tiered price, first tier first: the entry under `key`, then `key:tier2`,
 * `key:tier3`… while they exist. Empty when `key` is not in the book.
 */
export function priceTiers(book: PriceBook, key: string): FoundPrice[] {
  const tiers: FoundPrice[] = [];
  for (let n = 1; ; n += 1) {
    const k = n === 1 ? key : `${key}:tier${n}`;
    const entry = book.entries[k];
    if (!entry) return tiers;
    tiers.push({ key: k, entry });
    if (entry.upTo === undefined) return tiers;
  }
}

/**
 * The unit a document's `catalog.prices` override is read in when its key is not already in
 * the book (custom providers): by the key's category and item. Compute and managed datastore
 * prices are per instance-hour; transfer per GB; storage per GB-month; load balancers per hour
 * (`*-lcu` items per LCU-hour, `data-processed` per GB); DNS and health checks per month.
 */
export function defaultUnitOf(key: string): PriceUnit {
  const [, , category = '', item = ''] = key.split(':');
  switch (category) {
    case 'transfer':
      return item === 'inter-az' ? 'GB-each-direction' : 'GB';
    case 'object-storage':
    case 'block-storage':
    case 'cache-backup':
      return 'GB-month';
    case 'load-balancer':
      if (item.endsWith('-lcu')) return 'LCU-hour';
      return item === 'data-processed' ? 'GB' : 'hour';
    case 'dns':
    case 'traffic-manager':
      return item.startsWith('queries') ? 'million-queries' : 'month';
    default:
      return 'hour';
  }
}

/**
 * The book with a document's `catalog.prices` applied: a key already in the book keeps its unit
 * and takes the new price; a new key (e.g. `custom:dc1:compute:vm-large` for a private data
 * centre) is read in {@link defaultUnitOf}. Overridden entries have source `document`.
 */
export function withDocumentPrices(
  book: PriceBook,
  prices: Readonly<Record<string, number>> | undefined,
): PriceBook {
  if (!prices || Object.keys(prices).length === 0) return book;
  const entries: Record<string, PriceEntry> = { ...book.entries };
  for (const key of Object.keys(prices).sort()) {
    const usd = prices[key] as number;
    const old = book.entries[key];
    entries[key] = {
      usd,
      unit: old?.unit ?? defaultUnitOf(key),
      source: 'document',
      asOf: 'the project file',
      ...(old?.upTo === undefined ? {} : { upTo: old.upTo }),
      ...(old?.memGiB === undefined ? {} : { memGiB: old.memGiB }),
      ...(old?.vcpu === undefined ? {} : { vcpu: old.vcpu }),
      note: 'catalog.prices override in the project file',
    };
  }
  return { ...book, entries };
}

/** The oldest and newest of two dates (`YYYY-MM-DD`). */
export interface DateRange {
  readonly oldest: string;
  readonly newest: string;
}

/**
 * The oldest and newest dated source snapshots among the entries under `keys` (`YYYY-MM-DD`
 * only; entries whose source gives no date, and keys the book does not have, are not counted),
 * or undefined when none is dated.
 */
export function priceDateRangeOf(book: PriceBook, keys: Iterable<string>): DateRange | undefined {
  let oldest: string | undefined;
  let newest: string | undefined;
  for (const key of keys) {
    const date = book.entries[key]?.asOf;
    if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    if (oldest === undefined || date < oldest) oldest = date;
    if (newest === undefined || date > newest) newest = date;
  }
  return oldest === undefined || newest === undefined ? undefined : { oldest, newest };
}

/**
 * The oldest and newest dated source snapshots among the book's entries (see
 * {@link priceDateRangeOf}). Shown beside the book's `asOf`, so that a reader sees how old the
 * prices themselves are.
 */
export function priceDateRange(book: PriceBook): DateRange | undefined {
  return priceDateRangeOf(book, Object.keys(book.entries));
}

/** The book `base` with every entry of `extra` added or replacing the one under the same key. */
export function mergePriceBooks(base: PriceBook, extra: PriceBook): PriceBook {
  return {
    ...base,
    sources: { ...base.sources, ...extra.sources },
    entries: { ...base.entries, ...extra.entries },
  };
}

/**
 * Largest price, quantity (`upTo`) or memory a price book may give: the project file's cap on
 * dollars and quantities ({@link MAX_QUANTITY}, 1e12), so that an imported `usd 1e308` is
 * refused instead of turning a monthly total into Infinity.
 */
export const MAX_PRICE_USD = MAX_QUANTITY;

/** Most entries a price book may hold (the bundled core has about 200, with its parts about 31,800). */
export const MAX_PRICE_ENTRIES = 100_000;

/**
 * Whether `text` is a real calendar date `YYYY-MM-DD` (month 1–12, a day that month has, leap
 * years counted): `2025-13-45` and `2026-02-29` are not.
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const nonNegative = z
  .number()
  .refine((n) => Number.isFinite(n) && n >= 0, 'must be a number ≥ 0')
  .refine((n) => n <= MAX_PRICE_USD, `must be at most ${MAX_PRICE_USD}`);

/**
 * A date or the source's own words; a text written as a date (`YYYY-MM-DD`) must be a real one.
 */
const dateOrWords = (min: number) =>
  z
    .string()
    .min(min)
    .max(200)
    .refine((t) => !/^\d{4}-\d{2}-\d{2}$/.test(t) || isCalendarDate(t), {
      error: 'is not a real date (YYYY-MM-DD)',
    });

/** Runtime schema of a price entry (imports are validated with it). */
export const priceEntrySchema = z.strictObject({
  usd: nonNegative,
  unit: z.enum(priceUnits),
  source: z.string().min(1),
  asOf: dateOrWords(1),
  upTo: nonNegative.optional(),
  memGiB: nonNegative.optional(),
  vcpu: z.number().positive().optional(),
  note: z.string().optional(),
});

/** Runtime schema of a whole price book (`pricebook.json` and JSON imports). */
export const priceBookSchema = z.strictObject({
  format: z.literal('nines-pricebook/1'),
  asOf: dateOrWords(1),
  currency: z.literal('USD'),
  hoursPerMonth: z.number().positive().max(744, { error: 'must be at most 744 (a 31-day month)' }),
  sources: z.record(
    z.string(),
    z.strictObject({
      title: z.string(),
      where: z.string(),
      commit: z.string().optional(),
      asOf: dateOrWords(0),
      confidence: z.string(),
    }),
  ),
  entries: z
    .record(
      z
        .string()
        .regex(/^[^:\s]+:[^:\s]+:[^:\s]+:[^\s]+$/, 'must be provider:location:category:item'),
      priceEntrySchema,
    )
    .refine((entries) => Object.keys(entries).length <= MAX_PRICE_ENTRIES, {
      error: `must hold at most ${MAX_PRICE_ENTRIES} prices`,
    }),
});
