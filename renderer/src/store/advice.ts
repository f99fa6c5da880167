/**
 * The design advisor in the window: the findings of the active variant, computed in a Web Worker
 * only when the topology changes (moving a node does not rerun it), and which finding's nodes
 * the canvas highlights. The advisor evaluates the design once per fix (5–40 ms on the
 * templates, 0.7 s at 94 nodes, 18 s at 301), so it never runs on the window's thread: the
 * results come first, the findings follow.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Finding } from '../../../shared/engine/advisor';
import type { NinesDocument } from '../../../shared/model/types';
import type { NodeMark } from '../canvas/to-flow';
import type { PlannerStore } from './create-store';
import { isSameTopology } from './results';

/** A request to the advice worker. */
export interface AdviceRequest {
  readonly seq: number;
  readonly document: NinesDocument;
  readonly variantId: string;
}

/** The findings of the variant last reviewed and whether a newer review is on its way. */
export interface AdviceState {
  /** The document and variant the findings are about, or null before the first answer. */
  readonly document: NinesDocument | null;
  readonly variantId: string | null;
  readonly findings: readonly Finding[];
  readonly isPending: boolean;
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

/** One advice worker per window; a newer request ends a review still running. */
export class AdviceWorker {
  private worker: Worker | undefined;
  private seq = 0;
  private sent: { document: NinesDocument; variantId: string } | undefined;
  private state: AdviceState = {
    document: null,
    variantId: null,
    findings: [],
    isPending: false,
  };
  private readonly listeners = new Set<(state: AdviceState) => void>();

  request(document: NinesDocument, variantId: string): void {
    const { sent } = this;
    if (sent && sent.variantId === variantId && isSameTopology(sent.document, document)) return;
    // A review of a large design can take seconds: end it rather than queue behind it.
    if (this.state.isPending) {
      this.worker?.terminate();
      this.worker = undefined;
    }
    this.sent = { document, variantId };
    this.seq += 1;
    const message: AdviceRequest = { seq: this.seq, document, variantId };
    this.start().postMessage(message);
    this.update({ ...this.state, isPending: true });
  }

  subscribe(listener: (state: AdviceState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./advice.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ seq: number; findings: Finding[] }>) => {
      if (event.data.seq !== this.seq || !this.sent) return;
      this.update({
        document: this.sent.document,
        variantId: this.sent.variantId,
        findings: event.data.findings,
        isPending: false,
      });
    };
    this.worker = worker;
    return worker;
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
