import { useEffect, useMemo, useState } from 'react';
import type { VariantEvaluation } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { usePlanner, usePlannerStore } from '../store/context';
import type { PlannerStore } from '../store/create-store';
import { createResultsMemo, isSameTopology, type ResultsMemo } from '../store/results';
import type { ResultsRequest } from '../store/results.worker';
import { usePriceBook } from './usePriceBook';

/**
 * Variants with more nodes than this are evaluated in a Web Worker. Measured (docs/ui.md): the
 * templates (8–25 nodes) take 1–4 ms, well inside a frame, so they are evaluated at once; a
 * generated 94-node design takes about 11 ms and a 301-node one 45–100 ms, too long for a frame.
 */
export const WORKER_NODE_THRESHOLD = 80;

// One memo per window, shared by the canvas (marks) and the results panel.
const memos = new WeakMap<PlannerStore, ResultsMemo>();
const workers = new WeakMap<PlannerStore, ResultsWorker>();

function memoOf(store: PlannerStore): ResultsMemo {
  let memo = memos.get(store);
  if (!memo) {
    memo = createResultsMemo();
    memos.set(store, memo);
  }
  return memo;
}

/** The results of large designs: the last answer and whether a newer one is on its way. */
interface WorkerState {
  readonly result: VariantEvaluation | undefined;
  readonly isPending: boolean;
}

/** One worker per window; each request replaces the one before, stale answers are dropped. */
class ResultsWorker {
  private readonly worker = new Worker(new URL('../store/results.worker.ts', import.meta.url), {
    type: 'module',
  });
  private seq = 0;
  private sent: { document: NinesDocument; variantId: string } | undefined;
  private state: WorkerState = { result: undefined, isPending: false };
  private readonly listeners = new Set<(state: WorkerState) => void>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<{ seq: number; result: VariantEvaluation }>) => {
      if (event.data.seq !== this.seq) return;
      this.update({ result: event.data.result, isPending: false });
    };
  }

  request(document: NinesDocument, variantId: string): void {
    const { sent } = this;
    if (sent && sent.variantId === variantId && isSameTopology(sent.document, document)) return;
    this.sent = { document, variantId };
    this.seq += 1;
    const message: ResultsRequest = { seq: this.seq, document, variantId };
    this.worker.postMessage(message);
    this.update({ ...this.state, isPending: true });
  }

  subscribe(listener: (state: WorkerState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private update(state: WorkerState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

function workerOf(store: PlannerStore): ResultsWorker {
  let worker = workers.get(store);
  if (!worker) {
    worker = new ResultsWorker();
    workers.set(store, worker);
  }
  return worker;
}

/**
 * The engine's evaluation of the active variant and whether a newer one is being computed.
 * It is recomputed only when the topology changes (moving a node does not rerun it): at once
 * for designs of up to `WORKER_NODE_THRESHOLD` nodes, in a Web Worker for larger ones (the
 * last figures stay shown, marked pending, until the worker answers).
 */
export function useResultsState(): { results: VariantEvaluation | undefined; isPending: boolean } {
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  const size = document?.variants.find((v) => v.id === variantId)?.nodes.length ?? 0;
  const isLarge = size > WORKER_NODE_THRESHOLD;
  const [fromWorker, setFromWorker] = useState<WorkerState>({
    result: undefined,
    isPending: false,
  });
  useEffect(() => {
    if (!isLarge) return undefined;
    return workerOf(store).subscribe(setFromWorker);
  }, [store, isLarge]);
  useEffect(() => {
    if (isLarge && document && variantId) workerOf(store).request(document, variantId);
  }, [store, isLarge, document, variantId]);
  // The memo prices with the app's current book; a price book part arriving reruns it.
  const book = usePriceBook(document);
  const immediate = useMemo(
    () =>
      !isLarge && document && variantId ? memoOf(store)(document, variantId, book) : undefined,
    [store, isLarge, document, variantId, book],
  );
  if (!isLarge) return { results: immediate, isPending: false };
  const isCurrent = fromWorker.result?.id === variantId;
  return {
    results: isCurrent ? fromWorker.result : undefined,
    isPending: fromWorker.isPending || !isCurrent,
  };
}

/** The engine's evaluation of the active variant (see `useResultsState`). */
export function useResults(): VariantEvaluation | undefined {
  return useResultsState().results;
}
