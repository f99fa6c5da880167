import { useEffect, useSyncExternalStore } from 'react';
import type { PriceBook } from '../../../shared/catalog/price-book';
import { bookIndex } from '../../../shared/catalog/price-index';
import { PART_PROVIDERS } from '../../../shared/catalog/price-parts';
import type { NinesDocument } from '../../../shared/model/types';
import {
  currentPriceBook,
  loadPriceParts,
  providersOf,
  subscribePriceBook,
} from '../store/price-book';

/**
 * The app's price book, loading the bulk parts of the providers `document` uses (and of
 * `alsoProviders`, e.g. every provider while the inspector offers instance types); the
 * component renders again when a part arrives.
 */
export function usePriceBook(
  document: NinesDocument | null | undefined,
  alsoProviders: readonly string[] = [],
): PriceBook {
  const book = useSyncExternalStore(subscribePriceBook, currentPriceBook);
  const wanted = [...new Set([...providersOf(document), ...alsoProviders])].sort().join(',');
  useEffect(() => {
    if (wanted !== '') void loadPriceParts(wanted.split(','));
  }, [wanted]);
  return book;
}

/** How long the preload may wait for an idle moment before it runs anyway, ms. */
const PRELOAD_TIMEOUT_MS = 5_000;

/** Runs `task` when the window is next idle (at the latest after the timeout); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: PRELOAD_TIMEOUT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(task, 0);
  return () => window.clearTimeout(timer);
}

/**
 * While `active`, loads every provider's price part and indexes the book when the window is
 * idle. The inspector's pickers offer every provider's instance types; without this, the first
 * selection of a node parsed and indexed about 32,000 prices on the spot, the longest frame of
 * the 301-node design's drag in `bench/frames.ts`'s profile (the index alone about 90 ms).
 * `thenWhenIdle` (a module constant, or the preload starts over) runs on the indexed book at the
 * next idle moment: what else the first selection would otherwise compute.
 */
export function usePreloadedPriceParts(
  active: boolean,
  thenWhenIdle?: (book: PriceBook) => void,
): void {
  useEffect(() => {
    if (!active) return;
    let cancelNext: (() => void) | undefined;
    let live = true;
    const cancelLoad = whenIdle(() => {
      void loadPriceParts(PART_PROVIDERS).then((book) => {
        if (!live) return;
        cancelNext = whenIdle(() => {
          bookIndex(book);
          if (live && thenWhenIdle) cancelNext = whenIdle(() => thenWhenIdle(book));
        });
      });
    });
    return () => {
      live = false;
      cancelLoad();
      cancelNext?.();
    };
  }, [active, thenWhenIdle]);
}
