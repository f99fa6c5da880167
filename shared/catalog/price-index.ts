/**
 * Questions asked of a price book as a catalogue rather than by key: which providers and
 * locations it prices, which instance types exist in provider P, location L (with vCPUs,
 * memory and price), and what a project file names that the book does not know. The book of
 * the app holds about 32,000 prices; the index is built once per book and kept (WeakMap).
 */
import { GLOBAL_LOCATION, type PriceBook, type PriceEntry } from './price-book';

/** One entry of the book, its key split (tiers beyond the first are left out). */
export interface BookRow {
  readonly key: string;
  readonly provider: string;
  readonly location: string;
  readonly category: string;
  readonly item: string;
  readonly entry: PriceEntry;
}

/** An instance or managed node type offered at a location, as the book prices it. */
export interface InstanceOffer {
  readonly type: string;
  /** `compute` for a VM, `managed-<engine>` for a managed node (e.g. `managed-redis`). */
  readonly category: string;
  readonly vcpu?: number;
  readonly memGiB?: number;
  /** USD per `unit` (`hour` for nearly every type). */
  readonly usd: number;
  readonly unit: PriceEntry['unit'];
  readonly source: string;
  readonly asOf: string;
  readonly key: string;
}

/** The book's rows, grouped for the questions below. */
export interface BookIndex {
  readonly rows: readonly BookRow[];
  /** Rows by `provider:location`. */
  readonly bySite: ReadonlyMap<string, readonly BookRow[]>;
}

const indexes = new WeakMap<PriceBook, BookIndex>();

/** The index of `book`, built on first use and kept while the book lives. */
export function bookIndex(book: PriceBook): BookIndex {
  const known = indexes.get(book);
  if (known) return known;
  const rows: BookRow[] = [];
  const bySite = new Map<string, BookRow[]>();
  for (const [key, entry] of Object.entries(book.entries)) {
    if (/:tier\d+$/.test(key)) continue;
    const [provider = '', location = '', category = '', ...rest] = key.split(':');
    const row = { key, provider, location, category, item: rest.join(':'), entry };
    rows.push(row);
    const site = `${provider}:${location}`;
    const list = bySite.get(site);
    if (list) list.push(row);
    else bySite.set(site, [row]);
  }
  const index = { rows, bySite };
  indexes.set(book, index);
  return index;
}

/** The rows priced at `provider`, `location` (not the provider's global prices). */
export function rowsAt(book: PriceBook, provider: string, location: string): readonly BookRow[] {
  return bookIndex(book).bySite.get(`${provider}:${location}`) ?? [];
}

/** The providers of the book, sorted. */
export function bookProviders(book: PriceBook): string[] {
  return [...new Set(bookIndex(book).rows.map((r) => r.provider))].sort();
}

/** The locations `provider` has prices in (every provider's when not given), sorted. */
export function bookLocations(book: PriceBook, provider?: string): string[] {
  const sites = [...bookIndex(book).bySite.keys()].map((s) => s.split(':') as [string, string]);
  return [
    ...new Set(
      sites
        .filter(([p, l]) => l !== GLOBAL_LOCATION && (provider === undefined || p === provider))
        .map(([, l]) => l),
    ),
  ].sort();
}

const isInstanceCategory = (category: string) =>
  category === 'compute' || category.startsWith('managed-');

/**
 * The instance types (VMs, `compute`) and managed node types (`managed-<engine>`) the book
 * prices at `provider`, `location`, cheapest first (then by name), with vCPUs, memory, price,
 * source and date. Empty for a location the book does not know.
 */
export function instanceTypesAt(
  book: PriceBook,
  provider: string,
  location: string,
): InstanceOffer[] {
  return rowsAt(book, provider, location)
    .filter((r) => isInstanceCategory(r.category))
    .map((r) => ({
      type: r.item,
      category: r.category,
      ...(r.entry.vcpu === undefined ? {} : { vcpu: r.entry.vcpu }),
      ...(r.entry.memGiB === undefined ? {} : { memGiB: r.entry.memGiB }),
      usd: r.entry.usd,
      unit: r.entry.unit,
      source: r.entry.source,
      asOf: r.entry.asOf,
      key: r.key,
    }))
    .sort((a, b) => a.usd - b.usd || a.type.localeCompare(b.type));
}
