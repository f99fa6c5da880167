import { useEffect, useState } from 'react';
import { usePlanner, usePlannerStore } from '../../store/context';
import { sensitivityWorkerOf, type SensitivityState } from '../../store/sensitivity';

/**
 * The sensitivity worker's state for this window, requested while the panel is open and ended
 * when it closes; `cancel` holds until `rerun` or a change of topology.
 */
export function useSensitivity(
  isOpen: boolean,
): SensitivityState & { cancel: () => void; rerun: () => void } {
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  const [state, setState] = useState<SensitivityState>({
    document: null,
    variantId: null,
    result: null,
    running: null,
    isCancelled: false,
  });
  useEffect(() => sensitivityWorkerOf(store).subscribe(setState), [store]);
  useEffect(() => {
    if (isOpen && document && variantId) sensitivityWorkerOf(store).request(document, variantId);
  }, [store, isOpen, document, variantId]);
  // Closing the panel (or leaving the window's design view) ends a run nobody will look at.
  useEffect(() => {
    if (!isOpen) return undefined;
    return () => sensitivityWorkerOf(store).end();
  }, [store, isOpen]);
  return {
    ...state,
    cancel: () => sensitivityWorkerOf(store).cancel(),
    rerun: () => sensitivityWorkerOf(store).retry(),
  };
}
