/**
 * The design advisor in the window: the findings of the active variant, computed in a Web Worker
 * only when the topology changes (moving a node does not rerun it), and which finding's nodes
 * the canvas highlights. The advisor evaluates the design once per fix (5–40 ms on the
 * templates, 0.2 s at 94 nodes, 2 s at 301, 5 s at 544), so it never runs on the window's
 * thread: the results come first, the findings follow. A review that runs longer than half a
 * second shows its progress and can be cancelled; a newer topology supersedes it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AdviceTruncation, EngineIssue, Finding } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import type { NodeMark } from '../canvas/to-flow';
import type { AdviceMessage, AdviceRequest } from './advice.worker';
import type { PlannerStore } from './create-store';
import { isSameTopology } from './results';

/** A review that runs longer than this shows its progress and a Cancel button, ms. */
export const PROGRESS_DELAY_MS = 500;

/** The findings of the variant last reviewed and whether a newer review is on its way. */
export interface AdviceState {
  /**
   * The document and variant the findings are about (or the review stopped), or null before
   * the first answer.
   */
  readonly document: NinesDocument | null;
  readonly variantId: string | null;
  readonly findings: readonly Finding[];
  /**
   * Why the variant could not be reviewed (the engine's issues, e.g. `over-limit`: a design past
   * a work limit is refused before any work): the panel shows them in place of findings.
   */
  readonly issues: readonly EngineIssue[];
  /** The fixes the advisor's work budget left unmeasured, or null (docs/advisor.md). */
  readonly truncated: AdviceTruncation | null;
  readonly isPending: boolean;
  /** Share of the running review done, or of the stopped one when it stopped, in [0, 1]. */
  readonly fraction: number;
  /**
   * True once the running review has taken longer than `PROGRESS_DELAY_MS` (or superseded one
   * that had): its progress and Cancel are shown. Quick reviews never show them.
   */
  readonly isSlow: boolean;
  /** True when the person stopped the review of `document`: there are no findings. */
  readonly isCancelled: boolean;
}

/** The state before any review. */
export const NO_ADVICE: AdviceState = {
  document: null,
  variantId: null,
  findings: [],
  issues: [],
  truncated: null,
  isPending: false,
  fraction: 0,
  isSlow: false,
  isCancelled: false,
};

/** What `AdviceWorker` needs of a Web Worker (a fake one in tests). */
/** What a stopped review leaves: no findings, no issues, nothing truncated. */
const UNREVIEWED = { findings: [], issues: [], truncated: null } as const;

export interface AdviceWorkerPort {
  postMessage(message: AdviceRequest): void;
  onmessage: ((event: MessageEvent<AdviceMessage>) => void) | null;
}

/**
 * What the canvas highlights: the nodes of the finding under the pointer or selected
 * (`finding`), or the nodes a previewed fix changes (`fix`).
 */
export interface Highlight {
  readonly nodeIds: ReadonlySet<string>;
  readonly kind: 'finding' | 'fix';
}

/** What the canvas highlights for the findings panel; one per window. */
export interface FindingFocus {
  readonly highlight: Highlight | null;
  readonly setHighlight: (highlight: Highlight | null) => void;
}

/** A finding's stable key within a variant: its code and the nodes it is about. */
export function findingKey(finding: Finding): string {
  return `${finding.code}:${finding.nodeIds.join(',')}`;
}

/** A node a fix edits: its id and each top-level field that changes, `[field, before, after]`. */
export interface NodeChange {
  readonly id: string;
  readonly fields: readonly (readonly [string, unknown, unknown])[];
}

/**
 * What a fix changes in variant `variantId`: the nodes it edits (with their changed fields), the
 * nodes it adds, and the nodes touched by the edges and links it adds, removes or changes
 * (listed with no field). Added nodes are not on the canvas until the fix is applied.
 */
export function changesOfFix(
  document: NinesDocument,
  variantId: string,
  fixed: NinesDocument,
): { changed: NodeChange[]; added: string[] } {
  const before = document.variants.find((v) => v.id === variantId);
  const after = fixed.variants.find((v) => v.id === variantId);
  if (!before || !after) return { changed: [], added: [] };
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const changed = new Map<string, NodeChange>();
  const added: string[] = [];
  for (const node of after.nodes) {
    const was = old.get(node.id);
    if (!was) {
      added.push(node.id);
      continue;
    }
    const keys = new Set([...Object.keys(was), ...Object.keys(node)]);
    const fields = [...keys].flatMap((key) => {
      const a: unknown = was[key as keyof typeof was];
      const b: unknown = node[key as keyof typeof node];
      return JSON.stringify(a) === JSON.stringify(b) ? [] : [[key, a, b] as const];
    });
    if (fields.length > 0) changed.set(node.id, { id: node.id, fields });
  }
  const touch = (id: string) => {
    if (old.has(id) && !changed.has(id)) changed.set(id, { id, fields: [] });
  };
  const edgeKey = (e: { kind: string; from: string; to: string }) => `${e.kind}:${e.from}>${e.to}`;
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  for (const edge of [...before.edges, ...after.edges]) {
    const key = edgeKey(edge);
    if (oldEdges.has(key) && newEdges.has(key)) continue;
    touch(edge.from);
    touch(edge.to);
  }
  for (const link of after.links ?? []) {
    const was = (before.links ?? []).find((l) => l.a === link.a && l.b === link.b);
    if (JSON.stringify(was) === JSON.stringify(link)) continue;
    touch(link.a);
    touch(link.b);
  }
  return { changed: [...changed.values()], added };
}

/**
 * One advice worker per window. A newer topology supersedes a review still running (the worker
 * stops it at its next step); `cancel` stops it at the person's request and `retry` runs it
 * again.
 */
export class AdviceWorker {
  private worker: AdviceWorkerPort | undefined;
  private seq = 0;
  private sent: { document: NinesDocument; variantId: string } | undefined;
  private state: AdviceState = NO_ADVICE;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(state: AdviceState) => void>();

  constructor(
    private readonly create: () => AdviceWorkerPort = () =>
      new Worker(new URL('./advice.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  /** Reviews `variantId` of `document` unless its topology is the one last sent. */
  request(document: NinesDocument, variantId: string): void {
    const { sent } = this;
    if (sent && sent.variantId === variantId && isSameTopology(sent.document, document)) return;
    this.review(document, variantId);
  }

  /** Stops the running review: the findings panel says so and offers to run it again. */
  cancel(): void {
    if (!this.state.isPending || !this.sent) return;
    const message: AdviceRequest = { type: 'cancel', seq: this.seq };
    this.worker?.postMessage(message);
    this.settle({ ...this.sent, ...UNREVIEWED, isCancelled: true, fraction: this.state.fraction });
  }

  /** Runs the review last sent again (after `cancel`). */
  retry(): void {
    if (this.sent && !this.state.isPending) this.review(this.sent.document, this.sent.variantId);
  }

  subscribe(listener: (state: AdviceState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private review(document: NinesDocument, variantId: string): void {
    this.sent = { document, variantId };
    this.seq += 1;
    const message: AdviceRequest = { type: 'review', seq: this.seq, document, variantId };
    this.start().postMessage(message);
    // A review superseding a slow one keeps the progress bar: no flicker while editing.
    const isSlow = this.state.isPending && this.state.isSlow;
    if (!isSlow) {
      clearTimeout(this.slowTimer);
      const seq = this.seq;
      this.slowTimer = setTimeout(() => {
        if (seq === this.seq && this.state.isPending) this.update({ ...this.state, isSlow: true });
      }, PROGRESS_DELAY_MS);
    }
    this.update({ ...this.state, isPending: true, isCancelled: false, fraction: 0, isSlow });
  }

  private start(): AdviceWorkerPort {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.seq !== this.seq || !this.sent || !this.state.isPending) return;
      if (message.type === 'progress') {
        this.update({ ...this.state, fraction: message.fraction });
      } else if (message.type === 'done') {
        const { findings, issues, truncated } = message;
        this.settle({ ...this.sent, findings, issues, truncated, isCancelled: false, fraction: 1 });
      } else {
        this.settle({ ...this.sent, ...UNREVIEWED, isCancelled: true, fraction: message.fraction });
      }
    };
    this.worker = worker;
    return worker;
  }

  private settle(
    answer: Pick<
      AdviceState,
      'document' | 'variantId' | 'findings' | 'issues' | 'truncated' | 'isCancelled' | 'fraction'
    >,
  ): void {
    clearTimeout(this.slowTimer);
    this.update({ ...answer, isPending: false, isSlow: false });
  }

  private update(state: AdviceState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

const workers = new WeakMap<PlannerStore, AdviceWorker>();
const focuses = new WeakMap<PlannerStore, StoreApi<FindingFocus>>();

/** The advice worker of the window of `store`. */
export function adviceWorkerOf(store: PlannerStore): AdviceWorker {
  let worker = workers.get(store);
  if (!worker) {
    worker = new AdviceWorker();
    workers.set(store, worker);
  }
  return worker;
}

/** The finding focus of the window of `store`: what the canvas highlights. */
export function findingFocusOf(store: PlannerStore): StoreApi<FindingFocus> {
  let focus = focuses.get(store);
  if (!focus) {
    focus = createStore<FindingFocus>()((set) => ({
      highlight: null,
      setHighlight: (highlight) => set({ highlight }),
    }));
    focuses.set(store, focus);
  }
  return focus;
}

/** The canvas marks with the highlight on top (it wins over `spof`, `cut` and scenario marks). */
export function withHighlight(
  marks: ReadonlyMap<string, NodeMark>,
  highlight: Highlight | null,
): ReadonlyMap<string, NodeMark> {
  if (!highlight) return marks;
  const out = new Map(marks);
  for (const id of highlight.nodeIds) out.set(id, highlight.kind);
  return out;
}
