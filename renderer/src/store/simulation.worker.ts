/**
 * Runs the Monte Carlo simulation off the window's thread: `simulateAsync` pauses after each
 * progress step (about 1 % of the work), so a `cancel` message is handled while it runs and stops
 * it at the next step.
 */
import { simulateAsync } from '../../../shared/engine';
import type { SimulationReport } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';

/** A message to the simulation worker. */
export type SimulationRequest =
  | {
      readonly type: 'run';
      readonly runId: number;
      readonly document: NinesDocument;
      readonly variantId: string;
      readonly years: number;
      readonly seed: number;
    }
  | { readonly type: 'cancel'; readonly runId: number };

/** A message from the simulation worker. */
export type SimulationMessage =
  | { readonly type: 'progress'; readonly runId: number; readonly fraction: number }
  | { readonly type: 'done'; readonly runId: number; readonly report: SimulationReport };

const running = new Map<number, { aborted: boolean }>();
const pause = () => new Promise<void>((resolve) => setTimeout(resolve));

self.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    const signal = running.get(request.runId);
    if (signal) signal.aborted = true;
    return;
  }
  const { runId, document, variantId, years, seed } = request;
  const signal = { aborted: false };
  running.set(runId, signal);
  const post = (message: SimulationMessage) => self.postMessage(message);
  void simulateAsync(
    document,
    {
      years,
      seed,
      variantId,
      signal,
      onProgress: (fraction) => post({ type: 'progress', runId, fraction }),
    },
    pause,
  )
    .then((report) => post({ type: 'done', runId, report }))
    .finally(() => running.delete(runId));
};
