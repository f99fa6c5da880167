import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import type { Variant } from '../../../shared/model/types';
import { viewDuration } from '../platform/motion';
import type { PlannerStore } from '../store/create-store';
import { usePlanner } from '../store/context';
import { useReadableOnOpen } from './readable';

/** How the canvas fits a design in view: a small margin, never zoomed in past 100 %. */
export const FIT_VIEW_OPTIONS = { padding: 0.05, maxZoom: 1 } as const;

/**
 * The canvas's view as the rest of the window sees it: the store reads it (for an undo step
 * that moves it), undo and redo of such a step ask for their view, a variant whose layout does
 * not read opens auto-laid-out and fitted (readable.ts), and a document or variant that opens
 * with something to show is fitted, but not later: a design drawn from an empty canvas must
 * stay where the person drops things. Returns the key of the canvas's current opening (the
 * document's open count and the variant: React Flow starts afresh with each) and whether React
 * Flow fits at its first paint.
 */
export function useCanvasView(
  store: PlannerStore,
  variant: Variant | undefined,
  hasNodes: boolean,
): { readonly flowKey: string; readonly isFitAtOpen: boolean } {
  const { getViewport, setViewport, fitView } = useReactFlow();
  const openCount = usePlanner((s) => s.openCount);
  const viewRequest = usePlanner((s) => s.viewRequest);
  useEffect(() => {
    store.getState().setViewReader(getViewport);
    return () => store.getState().setViewReader(() => undefined);
  }, [store, getViewport]);
  useEffect(() => {
    if (!viewRequest) return;
    void setViewport(viewRequest.view, { duration: viewDuration(200) });
    store.getState().clearViewRequest();
  }, [store, viewRequest, setViewport]);

  const flowKey = `${openCount}:${variant?.id ?? ''}`;
  const fitAfterLayout = useCallback(
    () => void fitView({ ...FIT_VIEW_OPTIONS, duration: viewDuration(200) }),
    [fitView],
  );
  useReadableOnOpen(store, variant, flowKey, getViewport, fitAfterLayout);
  const [fitFor, setFitFor] = useState({ key: flowKey, isFit: hasNodes });
  if (fitFor.key !== flowKey) setFitFor({ key: flowKey, isFit: hasNodes });
  return { flowKey, isFitAtOpen: fitFor.isFit };
}
