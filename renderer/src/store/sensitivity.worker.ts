/**
 * Runs the sensitivity analysis off the window's thread: one request in (a document and a
 * variant id), progress messages while it runs (each bar end is a full evaluation, so a 301-node
 * design takes minutes), then the two tornados out, tagged with the request's number. A newer
 * request or Cancel ends the worker (`SensitivityWorker` in sensitivity.ts) rather than waiting.
 */
import { sensitivity } from '../../../shared/engine';
import { loadPriceParts, providersOf } from './price-book';
import type { SensitivityMessage, SensitivityRequest } from './sensitivity';

self.onmessage = async (event: MessageEvent<SensitivityRequest>) => {
  const { seq, document, variantId } = event.data;
  const priceBook = await loadPriceParts(providersOf(document));
  const post = (message: SensitivityMessage) => self.postMessage(message);
  let percent = -1;
  const result = sensitivity(document, variantId, {
    priceBook,
    onProgress: (done, total) => {
      // About a hundred messages a run, whatever its size.
      const now = Math.floor((done / total) * 100);
      if (now === percent) return;
      percent = now;
      post({ type: 'progress', seq, done, total });
    },
  });
  post({ type: 'done', seq, result });
};
