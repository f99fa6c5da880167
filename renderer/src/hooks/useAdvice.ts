import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import {
  adviceWorkerOf,
  findingFocusOf,
  NO_ADVICE,
  type AdviceState,
  type FindingFocus,
} from '../store/advice';
import { usePlanner, usePlannerStore } from '../store/context';
import { isSameTopology } from '../store/results';

/**
 * The advisor's findings for the active variant and whether a newer review is running. The
 * review is requested after the render that shows the results (an effect), in a Web Worker,
 * and only when the topology changes; the findings of another variant are never returned, and
 * those of an older topology only as pending (shown dimmed, their fixes not offered). A review
 * stopped by the person (`isCancelled`) has no findings until it runs again.
 */
export function useAdvice(): AdviceState {
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  const [state, setState] = useState<AdviceState>(NO_ADVICE);
  useEffect(() => adviceWorkerOf(store).subscribe(setState), [store]);
  useEffect(() => {
    if (document && variantId) adviceWorkerOf(store).request(document, variantId);
  }, [store, document, variantId]);
  if (state.variantId !== variantId) {
    return { ...state, document, variantId, findings: [], isPending: true, isCancelled: false };
  }
  // Until the worker has seen this topology, the findings (and their ops) are of an older one.
  const isCurrent = state.document && document && isSameTopology(state.document, document);
  return isCurrent ? state : { ...state, isPending: true, isCancelled: false };
}

/** A read of the window's finding focus (what the canvas highlights). */
export function useFindingFocus<T>(selector: (focus: FindingFocus) => T): T {
  return useStore(findingFocusOf(usePlannerStore()), selector);
}
