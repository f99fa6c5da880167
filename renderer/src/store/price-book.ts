/**
 * The app's price book: the core book (assets/pricing/pricebook.json, the curated catalog, about
 * 6 KB gzip) is part of the first load; each provider's bulk part (thousands of VM types,
 * ElastiCache nodes per region, GCP storage per region; 6–37 KB gzip each) is fetched only when
 * a design uses that provider, or when the inspector offers instance types. The book grows as
 * parts arrive; listeners hear each change, so that the figures are recomputed with the fuller
 * book. Shared by the window and the workers (each loads its own copy).
 */
import { priceBookSchema, type PriceBook } from '../../../shared/catalog/price-book';
import {
  partProvidersOf,
  pricePartSchema,
  withPriceParts,
  type PartProvider,
  type PricePart,
} from '../../../shared/catalog/price-parts';
import type { NinesDocument } from '../../../shared/model/types';
import coreBookText from '../../../assets/pricing/pricebook.json?raw';

/** The core book, validated once when the module loads. */
export const CORE_PRICE_BOOK: PriceBook = priceBookSchema.parse(JSON.parse(coreBookText));

/** Each provider's part, as a separate chunk of the build (Vite splits dynamic imports). */
const PART_TEXT: Readonly<Record<PartProvider, () => Promise<{ default: string }>>> = {
  aws: () => import('../../../assets/pricing/pricebook-aws.json?raw'),
  azure: () => import('../../../assets/pricing/pricebook-azure.json?raw'),
  gcp: () => import('../../../assets/pricing/pricebook-gcp.json?raw'),
};

const parts = new Map<PartProvider, PricePart>();
const loading = new Map<PartProvider, Promise<boolean>>();
const listeners = new Set<() => void>();
let current: PriceBook = CORE_PRICE_BOOK;
/** How many parts `current` holds. */
let partsInCurrent = 0;

/** The book with every part loaded so far. */
export function currentPriceBook(): PriceBook {
  return current;
}

/** Calls `listener` whenever a part arrives; returns the unsubscribe function. */
export function subscribePriceBook(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The providers of every region of every variant of `document`. */
export function providersOf(document: NinesDocument | null | undefined): string[] {
  const out = new Set<string>();
  for (const variant of document?.variants ?? []) {
    for (const node of variant.nodes) {
      if (node.kind === 'region' && node.provider !== undefined) out.add(node.provider);
    }
  }
  return [...out];
}

/**
 * Loads the parts of `providers` that are not loaded yet (a provider without a part is
 * ignored) and resolves with the book that holds them. A part that fails to load or to
 * validate is left out: its prices stay unpriced, and the error is reported on the console.
 */
export async function loadPriceParts(providers: Iterable<string | undefined>): Promise<PriceBook> {
  const arrived = await Promise.all(
    partProvidersOf(providers).map((provider) => {
      let pending = loading.get(provider);
      if (!pending) {
        pending = PART_TEXT[provider]()
          .then(({ default: text }) => {
            parts.set(provider, pricePartSchema.parse(JSON.parse(text)));
            return true;
          })
          .catch((error: unknown) => {
            console.error(`price book part ${provider}:`, error);
            return false;
          });
        loading.set(provider, pending);
      }
      return pending;
    }),
  );
  // One new book for the parts that arrived together: the book is rebuilt (about 32,000
  // prices) and indexed again by whoever reads it, once rather than once per part.
  if (arrived.some(Boolean) && partsInCurrent !== parts.size) {
    current = withPriceParts(CORE_PRICE_BOOK, [...parts.values()]);
    partsInCurrent = parts.size;
    for (const listener of listeners) listener();
  }
  return current;
}

/** Whether every part `providers` need is loaded (the current book prices them fully). */
export function hasPriceParts(providers: Iterable<string | undefined>): boolean {
  return partProvidersOf(providers).every((p) => parts.has(p));
}
