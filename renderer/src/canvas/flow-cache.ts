import type { Variant } from '../../../shared/model/types';
import { toFlow, type FlowSelection, type FlowView } from './to-flow';

/** Remembers the last view built so that the next one can keep unchanged nodes' identity. */
export interface FlowViewCache {
  view: (variant: Variant, selection: FlowSelection | string | null) => FlowView;
}

/** Creates an empty cache; one per canvas. */
export function createFlowViewCache(): FlowViewCache {
  let last: FlowView | undefined;
  return {
    view: (variant, selection) => {
      last = toFlow(variant, selection, last);
      return last;
    },
  };
}
