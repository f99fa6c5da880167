import type { Variant } from '../../../shared/model/types';
import { toFlow, type FlowView } from './to-flow';

/** Remembers the last view built so that the next one can keep unchanged nodes' identity. */
export interface FlowViewCache {
  view: (variant: Variant, selectedId: string | null) => FlowView;
}

/** Creates an empty cache; one per canvas. */
export function createFlowViewCache(): FlowViewCache {
  let last: FlowView | undefined;
  return {
    view: (variant, selectedId) => {
      last = toFlow(variant, selectedId, last);
      return last;
    },
  };
}
