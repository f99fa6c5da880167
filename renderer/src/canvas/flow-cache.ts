import type { Variant } from '../../../shared/model/types';
import { toFlow, type FlowSelection, type FlowView, type RoutedElsewhere } from './to-flow';

/** Remembers the last view built so that the next one can keep unchanged nodes' identity. */
export interface FlowViewCache {
  view: (
    variant: Variant,
    selection: FlowSelection | string | null,
    routed?: RoutedElsewhere,
  ) => FlowView;
}

/** Creates an empty cache; one per canvas. */
export function createFlowViewCache(): FlowViewCache {
  let last: FlowView | undefined;
  return {
    view: (variant, selection, routed) => {
      last = toFlow(variant, selection, last, routed);
      return last;
    },
  };
}
