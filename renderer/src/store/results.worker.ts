/**
 * Evaluates large designs off the window's thread: one request in (a document and a variant
 * id), one evaluation out, tagged with the request's number so that stale answers are dropped.
 */
import { evaluate } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { loadPriceParts, providersOf } from './price-book';

/** A request to the results worker. */
export interface ResultsRequest {
  readonly seq: number;
  readonly document: NinesDocument;
  readonly variantId: string;
}

self.onmessage = async (event: MessageEvent<ResultsRequest>) => {
  const { seq, document, variantId } = event.data;
  const priceBook = await loadPriceParts(providersOf(document));
  const result = evaluate(document, variantId, { priceBook }).variants[0];
  self.postMessage({ seq, result });
};
