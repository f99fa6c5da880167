/**
 * The sensitivity analysis in the window: the downtime and cost tornados of the active variant,
 * computed in a Web Worker (`sensitivity.worker.ts`) for designs of every size, with progress; a
 * newer request (the topology or the variant changed) ends the run before it. Cancel ends a run
 * and holds while the topology stays the same: an edit that only moves or renames (an
 * auto-layout landing after the open, say) does not start minutes of work again; Run again, a
 * change of topology or variant, or the panel opened afresh does. Each bar end is a full
 * evaluation: a fraction of a second on the templates, a minute or more on a 301-node design.
 */
import type { Sensitivity } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import type { PlannerStore } from './create-store';
import { isSameTopology } from './results';

/** A request to the sensitivity worker. */
export interface SensitivityRequest {
  readonly seq: number;
  readonly document: NinesDocument;
  readonly variantId: string;
}

/** A message from the sensitivity worker. */
export type SensitivityMessage =
  | {
      readonly type: 'progress';
      readonly seq: number;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'done'; readonly seq: number; readonly result: Sensitivity | null };

/** What the window knows of the sensitivity analysis. */
export interface SensitivityState {
  /** The document and variant of the last finished run, or null before the first. */
  readonly document: NinesDocument | null;
  readonly variantId: string | null;
  /** The last finished run's result (null when that variant could not be evaluated). */
  readonly result: Sensitivity | null;
  /** The run in progress: evaluations done of all it needs (total 0 until the first report). */
  readonly running: { readonly done: number; readonly total: number } | null;
  /** True when the last run was cancelled before it finished. */
  readonly isCancelled: boolean;
}

const IDLE: SensitivityState = {
  document: null,
  variantId: null,
  result: null,
  running: null,
  isCancelled: false,
};

/** What the window needs of the sensitivity worker (a stand-in in unit tests). */
export interface SensitivityWorkerPort {
  postMessage(message: SensitivityRequest): void;
  onmessage: ((event: MessageEvent<SensitivityMessage>) => void) | null;
  terminate(): void;
}

/** One sensitivity worker per window; a newer request or Cancel ends the run in progress. */
export class SensitivityWorker {
  private worker: SensitivityWorkerPort | undefined;
  private seq = 0;
  /** The request last made: running, finished or cancelled. */
  private sent: { document: NinesDocument; variantId: string } | undefined;
  private state: SensitivityState = IDLE;
  private readonly listeners = new Set<(state: SensitivityState) => void>();

  constructor(
    private readonly create: () => SensitivityWorkerPort = () =>
      new Worker(new URL('./sensitivity.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  /**
   * Runs the analysis of `variantId` unless it ran, runs or was cancelled on the same topology.
   */
  request(document: NinesDocument, variantId: string): void {
    const { sent } = this;
    if (sent && sent.variantId === variantId && isSameTopology(sent.document, document)) return;
    this.run(document, variantId);
  }

  /** Runs the cancelled analysis again (Run again). */
  retry(): void {
    if (this.sent && !this.state.running) this.run(this.sent.document, this.sent.variantId);
  }

  /** Ends the run in progress at the person's request; it stays cancelled until `retry`. */
  cancel(): void {
    if (!this.state.running) return;
    this.stop();
    this.update({ ...this.state, running: null, isCancelled: true });
  }

  /** Ends the run in progress because nobody looks (the panel closed): the next `request` runs. */
  end(): void {
    this.sent = undefined;
    if (!this.state.running) return;
    this.stop();
    this.update({ ...this.state, running: null, isCancelled: false });
  }

  subscribe(listener: (state: SensitivityState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private run(document: NinesDocument, variantId: string): void {
    if (this.state.running) this.stop();
    this.sent = { document, variantId };
    this.seq += 1;
    const message: SensitivityRequest = { seq: this.seq, document, variantId };
    this.start().postMessage(message);
    this.update({ ...this.state, running: { done: 0, total: 0 }, isCancelled: false });
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): SensitivityWorkerPort {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.seq !== this.seq || !this.sent || !this.state.running) return;
      if (message.type === 'progress') {
        this.update({ ...this.state, running: { done: message.done, total: message.total } });
        return;
      }
      this.update({
        document: this.sent.document,
        variantId: this.sent.variantId,
        result: message.result,
        running: null,
        isCancelled: false,
      });
    };
    this.worker = worker;
    return worker;
  }

  private update(state: SensitivityState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

const workers = new WeakMap<PlannerStore, SensitivityWorker>();

/** The sensitivity worker of the window of `store`. */
export function sensitivityWorkerOf(store: PlannerStore): SensitivityWorker {
  let worker = workers.get(store);
  if (!worker) {
    worker = new SensitivityWorker();
    workers.set(store, worker);
  }
  return worker;
}
