import type { NodeProps } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { PlanFlowNode } from '../to-flow';
import { drawsTheSame } from './draws-the-same';

const props: NodeProps<PlanFlowNode> = {
  id: 'app',
  type: 'service',
  data: { model: { id: 'app', kind: 'service' } },
  selected: true,
  dragging: false,
  draggable: true,
  selectable: true,
  deletable: true,
  isConnectable: true,
  zIndex: 10,
  positionAbsoluteX: 100,
  positionAbsoluteY: 40,
  width: 160,
  height: 64,
};

describe('drawsTheSame', () => {
  it('ignores where the node is and whether it is being dragged', () => {
    expect(
      drawsTheSame(props, {
        ...props,
        positionAbsoluteX: 130,
        positionAbsoluteY: 55,
        dragging: true,
      }),
    ).toBe(true);
  });

  it('sees a new model, a new selection and a new size', () => {
    expect(drawsTheSame(props, { ...props, data: { model: { id: 'app', kind: 'service' } } })).toBe(
      false,
    );
    expect(drawsTheSame(props, { ...props, selected: false })).toBe(false);
    expect(drawsTheSame(props, { ...props, height: 80 })).toBe(false);
    expect(drawsTheSame(props, { ...props, width: 200 })).toBe(false);
  });
});
