import type { NodeProps } from '@xyflow/react';
import type { PlanFlowNode } from '../to-flow';

/**
 * Whether a node component would draw the same for `next` as for `previous`: same node, data,
 * selection and size. React Flow hands a node component its absolute position too, which changes
 * on every move of a drag; the cards and containers do not draw it (React Flow places them), so
 * comparing it made the dragged card render again, icon and handles included, on every move.
 */
export function drawsTheSame(
  previous: NodeProps<PlanFlowNode>,
  next: NodeProps<PlanFlowNode>,
): boolean {
  return (
    previous.id === next.id &&
    previous.data === next.data &&
    previous.selected === next.selected &&
    previous.width === next.width &&
    previous.height === next.height
  );
}
