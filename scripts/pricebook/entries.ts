/**
 * The book's entries while they are collected: one price per `provider:location:category:item`
 * key, each checked against the known sources and dated by its source (or its file's last change).
 */
import type { PriceEntry, PriceSource, PriceUnit } from '../../shared/catalog/price-book';
import type { SourceRef } from './catalog-json';

/** Adds one price; throws on an unknown source or a second price for the same key. */
export type PutPrice = (
  key: string,
  usd: number,
  unit: PriceUnit,
  ref: SourceRef,
  extra?: { upTo?: number; memGiB?: number; vcpu?: number; note?: string },
) => void;

/** The entries collected so far. */
export interface EntryBook {
  put: PutPrice;
  /** Whether `key` already has a price. */
  has: (key: string) => boolean;
  /** The entries, sorted by key. */
  sorted: () => Record<string, PriceEntry>;
}

/** An empty entry book whose prices must cite one of `sources`. */
export function createEntryBook(sources: Readonly<Record<string, PriceSource>>): EntryBook {
  const entries: Record<string, PriceEntry> = {};
  const put: PutPrice = (key, usd, unit, ref, extra = {}) => {
    const id = typeof ref === 'string' ? ref : ref.source;
    const source = sources[id];
    if (!source) throw new Error(`catalog: unknown source "${id}" for ${key}`);
    if (entries[key]) throw new Error(`catalog: two prices for ${key}`);
    const asOf = typeof ref === 'object' && ref.fileLastChanged ? ref.fileLastChanged : source.asOf;
    entries[key] = { usd, unit, source: id, asOf, ...extra };
  };
  return {
    put,
    has: (key) => entries[key] !== undefined,
    sorted: () => {
      const sortedEntries: Record<string, PriceEntry> = {};
      for (const key of Object.keys(entries).sort()) {
        sortedEntries[key] = entries[key] as PriceEntry;
      }
      return sortedEntries;
    },
  };
}
