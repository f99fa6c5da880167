import { useEffect, useSyncExternalStore } from 'react';
import type { PriceBook } from '../../../shared/catalog/price-book';
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
