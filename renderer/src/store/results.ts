/**
 * The engine's figures for the active variant, computed only when the topology changes: the
 * document without its layout. Moving a node replaces only `variant.layout`, so it reuses the
 * last result.
 */
import type { PriceBook } from '../../../shared/catalog/price-book';
import { evaluate } from '../../../shared/engine';
import type { VariantEvaluation } from '../../../shared/engine';
import type { NinesDocument, Variant } from '../../../shared/model/types';
import { CORE_PRICE_BOOK, currentPriceBook } from './price-book';

/**
 * The core of the bundled price book (the curated catalog), without the bulk parts that
 * `loadPriceParts` (./price-book.ts) adds when a design needs them.
 */
export const PRICE_BOOK: PriceBook = CORE_PRICE_BOOK;

/** True when `a` and `b` differ at most in their variants' layouts. */
export function isSameTopology(a: NinesDocument, b: NinesDocument): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'variants') continue;
    if (a[key as keyof NinesDocument] !== b[key as keyof NinesDocument]) return false;
  }
  if (a.variants.length !== b.variants.length) return false;
  return a.variants.every((v, i) => {
    const w = b.variants[i];
    if (!w) return false;
    const variantKeys = new Set([...Object.keys(v), ...Object.keys(w)]);
    for (const key of variantKeys) {
      if (key === 'layout') continue;
      if (v[key as keyof Variant] !== w[key as keyof Variant]) return false;
    }
    return true;
  });
}

/** A memoised `evaluate`: same topology and variant, same result object. */
export interface ResultsMemo {
  /** `book` (when given) prices this call; else the memo's own book. */
  (document: NinesDocument, variantId: string, book?: PriceBook): VariantEvaluation | undefined;
  /** How many times the engine ran (for tests and measurements). */
  readonly runs: number;
}

/**
 * Creates a memo that remembers the last evaluation, priced with the book each call gives, else
 * `priceBook`, else the app's current book (which grows as price book parts arrive): a new book
 * reruns the engine.
 */
export function createResultsMemo(priceBook?: PriceBook): ResultsMemo {
  let last:
    | {
        document: NinesDocument;
        variantId: string;
        book: PriceBook;
        result: VariantEvaluation | undefined;
      }
    | undefined;
  let runs = 0;
  const memo = (document: NinesDocument, variantId: string, given?: PriceBook) => {
    const book = given ?? priceBook ?? currentPriceBook();
    if (
      last &&
      last.variantId === variantId &&
      last.book === book &&
      isSameTopology(last.document, document)
    ) {
      last = { ...last, document };
      return last.result;
    }
    runs += 1;
    const result = evaluate(document, variantId, { priceBook: book }).variants[0];
    last = { document, variantId, book, result };
    return result;
  };
  Object.defineProperty(memo, 'runs', { get: () => runs });
  return memo as ResultsMemo;
}

/**
 * The ids of the nodes behind engine event names (`app#2` → `app`; links name no node).
 */
export function nodesOfEvents(events: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const event of events) {
    if (event.startsWith('link:')) continue;
    out.add(event.split('#')[0] ?? event);
  }
  return out;
}
