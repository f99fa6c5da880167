import { useMemo } from 'react';
import type { VariantEvaluation } from '../../../shared/engine';
import { usePlanner, usePlannerStore } from '../store/context';
import type { PlannerStore } from '../store/create-store';
import { createResultsMemo, type ResultsMemo } from '../store/results';

// One memo per window, shared by the canvas (highlights) and the results panel.
const memos = new WeakMap<PlannerStore, ResultsMemo>();

function memoOf(store: PlannerStore): ResultsMemo {
  let memo = memos.get(store);
  if (!memo) {
    memo = createResultsMemo();
    memos.set(store, memo);
  }
  return memo;
}

/**
 * The engine's evaluation of the active variant, recomputed only when the topology changes
 * (moving a node does not rerun it); undefined with no document open.
 */
export function useResults(): VariantEvaluation | undefined {
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  return useMemo(
    () => (document && variantId ? memoOf(store)(document, variantId) : undefined),
    [store, document, variantId],
  );
}
