/**
 * Runs the design advisor off the window's thread. `adviseAsync` pauses after every step (one
 * evaluation of the design or one scenario run), so the worker hears a newer request, or a
 * `cancel`, while a review runs: a newer review stops every older one at its next step (never
 * queued behind it), and a cancelled one answers `cancelled`. Each answer carries its request's
 * number, so that stale answers are dropped. The advisor re-evaluates the design once per fix:
 * 5–40 ms on the templates, about 0.2 s at 94 nodes, 2 s at 301 and 5 s at 544.
 */
import { adviseAsync } from '../../../shared/engine';
import type { AdviceTruncation, EngineIssue, Finding } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { loadPriceParts, providersOf } from './price-book';

/** A message to the advice worker. */
export type AdviceRequest =
  | {
      readonly type: 'review';
      readonly seq: number;
      readonly document: NinesDocument;
      readonly variantId: string;
    }
  | { readonly type: 'cancel'; readonly seq: number };

/** A message from the advice worker. */
export type AdviceMessage =
  | { readonly type: 'progress'; readonly seq: number; readonly fraction: number }
  | {
      readonly type: 'done';
      readonly seq: number;
      readonly findings: readonly Finding[];
      /** Why the variant was not reviewed (e.g. `over-limit`); empty when it was. */
      readonly issues: readonly EngineIssue[];
      /** The fixes the work budget left unmeasured, or null. */
      readonly truncated: AdviceTruncation | null;
    }
  | { readonly type: 'cancelled'; readonly seq: number; readonly fraction: number };

const running = new Map<number, { aborted: boolean }>();

// A pause is one message through a channel, not a `setTimeout`: nested timeouts are clamped to
// 4 ms, which would add a second to a review of a few hundred steps. Messages from the window
// queue in the same order, so a `cancel` is handled at the next pause.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const pause = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

self.onmessage = (event: MessageEvent<AdviceRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    const signal = running.get(request.seq);
    if (signal) signal.aborted = true;
    return;
  }
  for (const signal of running.values()) signal.aborted = true;
  const { seq, document, variantId } = request;
  const signal = { aborted: false };
  running.set(seq, signal);
  const post = (message: AdviceMessage) => self.postMessage(message);
  void loadPriceParts(providersOf(document))
    .then((priceBook) =>
      adviseAsync(
        document,
        variantId,
        {
          priceBook,
          signal,
          onProgress: (fraction) => post({ type: 'progress', seq, fraction }),
        },
        pause,
      ),
    )
    .then((outcome) =>
      post(
        outcome.cancelled
          ? { type: 'cancelled', seq, fraction: outcome.fraction }
          : {
              type: 'done',
              seq,
              findings: outcome.report.variants[0]?.findings ?? [],
              issues: [...outcome.report.issues, ...(outcome.report.variants[0]?.issues ?? [])],
              truncated: outcome.report.variants[0]?.truncated ?? null,
            },
      ),
    )
    .finally(() => running.delete(seq));
};
