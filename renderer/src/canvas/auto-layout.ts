/**
 * Auto-layout with ELK's layered algorithm, run in ELK's own Web Worker so that a large design
 * does not hold up the window; the result is one undo step.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import {
  applyLayoutGraph,
  layoutGraph,
  type LayoutNode,
} from '../../../shared/model/ops/auto-layout';
import type { CanvasView, PlannerStore } from '../store/create-store';
import { selectActiveVariant } from '../store/selectors';
import { CARD } from './layout';

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Lays out the active variant and stores the positions as one undo step; `view`, the canvas's
 * view before, is what undo shows again (the caller fits the new layout in view).
 */
export async function autoLayout(store: PlannerStore, view?: CanvasView): Promise<void> {
  const variant = selectActiveVariant(store.getState());
  if (!variant) return;
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  const input = structuredClone(layoutGraph(variant, CARD)) as ElkNode;
  const laidOut: LayoutNode = await elk.layout(input);
  // The document may have changed while the worker ran; apply only to the same variant.
  if (selectActiveVariant(store.getState()) !== variant) return;
  store
    .getState()
    .commit('Auto-layout', (doc) => applyLayoutGraph(doc, variant.id, laidOut, CARD), view);
}
