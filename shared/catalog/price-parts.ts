/**
 * The bulk parts of the price book, one per provider (assets/pricing/pricebook-<provider>.json):
 * the big tables (thousands of VM types in dozens of regions, ElastiCache nodes in 27 regions,
 * GCP storage and egress per region) in a compact, columnar form, so that the app loads a
 * provider's prices only when a design uses that provider. A part expands into ordinary
 * {@link PriceEntry} values, each with its source id and as-of date, and is merged under the
 * core book (assets/pricing/pricebook.json, the curated catalog): a key the core has keeps the
 * core's price. Written by scripts/build-pricebook.ts; docs/cost.md explains the layout.
 */
import * as z from '../schema/zod';
import {
  isCalendarDate,
  MAX_PRICE_USD,
  priceUnits,
  type PriceBook,
  type PriceEntry,
  type PriceSource,
  type PriceUnit,
} from './price-book';

/**
 * One table of a part: every price of one category, unit and source, as a grid of items ×
 * regions. `prices[region][i]` is the USD price of `items[i]` in `region`, or null where the
 * source has no price (the item is not offered there, or the source does not say).
 */
export interface PriceTable {
  /** Price-book category, e.g. `compute`, `managed-redis`, `object-storage`. */
  readonly category: string;
  readonly unit: PriceUnit;
  /** Id of the source in the part's `sources`. */
  readonly source: string;
  /** Date of the source's snapshot (`YYYY-MM-DD`). */
  readonly asOf: string;
  /** What every price of the table covers (product, engine, scope). */
  readonly note?: string;
  /** Item names (instance types, node types, storage classes); `:tierN` for higher tiers. */
  readonly items: readonly string[];
  /** Virtual CPUs of each item (null when the source gives none). */
  readonly vcpu?: readonly (number | null)[];
  /** Memory of each item, GiB (null when the source gives none). */
  readonly memGiB?: readonly (number | null)[];
  /** The monthly quantity each tiered item's price applies up to (null: no upper bound). */
  readonly upTo?: readonly (number | null)[];
  /** USD per unit, by location, aligned with `items`. */
  readonly prices: Readonly<Record<string, readonly (number | null)[]>>;
}

/** The prices of one provider that are too many to load before a design needs them. */
export interface PricePart {
  readonly format: 'nines-pricebook-part/1';
  readonly provider: string;
  readonly sources: Readonly<Record<string, PriceSource>>;
  readonly tables: readonly PriceTable[];
}

/** The providers with a bulk part, in the order they are built. */
export const PART_PROVIDERS = ['aws', 'azure', 'gcp'] as const;

/** A provider with a bulk part. */
export type PartProvider = (typeof PART_PROVIDERS)[number];

const price = z
  .number()
  .refine((n) => Number.isFinite(n) && n >= 0 && n <= MAX_PRICE_USD, 'must be a price ≥ 0');
const column = z.array(price.nullable());

/** Runtime schema of a part (the app checks each part it loads). */
export const pricePartSchema = z.strictObject({
  format: z.literal('nines-pricebook-part/1'),
  provider: z.string().regex(/^[^:\s]+$/),
  sources: z.record(
    z.string(),
    z.strictObject({
      title: z.string(),
      where: z.string(),
      commit: z.string().optional(),
      asOf: z.string(),
      confidence: z.string(),
    }),
  ),
  tables: z.array(
    z
      .strictObject({
        category: z.string().regex(/^[^:\s]+$/),
        unit: z.enum(priceUnits),
        source: z.string().min(1),
        asOf: z.string().refine(isCalendarDate, 'must be a real date (YYYY-MM-DD)'),
        note: z.string().optional(),
        items: z.array(z.string().regex(/^[^\s]+$/)),
        vcpu: column.optional(),
        memGiB: column.optional(),
        upTo: column.optional(),
        prices: z.record(z.string().regex(/^[^:\s]+$/), column),
      })
      .refine(
        (t) =>
          [t.vcpu, t.memGiB, t.upTo, ...Object.values(t.prices)].every(
            (c) => c === undefined || c.length === t.items.length,
          ),
        'every column must have one value per item',
      ),
  ),
});

/**
 * Adds the entries of `part` to `entries`, keyed `provider:location:category:item` like the core
 * book's (a key already there takes the part's entry). Each entry's fields are set one by one in
 * the order usd, unit, source, asOf, upTo, memGiB, vcpu, note, those without a value left out:
 * thousands of entries are made at every start, before V8 has optimised this loop, where a
 * spread of a literal per optional field cost more than the rest of the work.
 */
function addPartEntries(part: PricePart, entries: Record<string, PriceEntry>): void {
  for (const table of part.tables) {
    const { unit, source, asOf, note, items, vcpu, memGiB, upTo } = table;
    for (const [location, row] of Object.entries(table.prices)) {
      const prefix = `${part.provider}:${location}:${table.category}:`;
      for (let i = 0; i < row.length; i += 1) {
        const usd = row[i];
        if (usd === null || usd === undefined) continue;
        const entry: { -readonly [K in keyof PriceEntry]: PriceEntry[K] } = {
          usd,
          unit,
          source,
          asOf,
        };
        const entryUpTo = upTo?.[i] ?? undefined;
        if (entryUpTo !== undefined) entry.upTo = entryUpTo;
        const entryMemGiB = memGiB?.[i] ?? undefined;
        if (entryMemGiB !== undefined) entry.memGiB = entryMemGiB;
        const entryVcpu = vcpu?.[i] ?? undefined;
        if (entryVcpu !== undefined) entry.vcpu = entryVcpu;
        if (note !== undefined) entry.note = note;
        entries[prefix + (items[i] as string)] = entry;
      }
    }
  }
}

/**
 * The core book with the parts' prices added under it: a key the core already has keeps the
 * core's entry (the curated catalog wins), every other key of a part is added with its source.
 */
export function withPriceParts(core: PriceBook, parts: readonly PricePart[]): PriceBook {
  if (parts.length === 0) return core;
  const entries: Record<string, PriceEntry> = {};
  const sources: Record<string, PriceSource> = { ...core.sources };
  for (const part of parts) {
    addPartEntries(part, entries);
    for (const [id, source] of Object.entries(part.sources)) sources[id] ??= source;
  }
  Object.assign(entries, core.entries);
  return { ...core, sources, entries };
}

/** The providers whose part a design needs: the providers of its regions that have a part. */
export function partProvidersOf(providers: Iterable<string | undefined>): PartProvider[] {
  const wanted = new Set(providers);
  return PART_PROVIDERS.filter((p) => wanted.has(p));
}
