import { applyNodeChanges, type Node as FlowNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { keepMeasured } from './keep-measured';

const node = (id: string, x: number, extra: Partial<FlowNode> = {}): FlowNode => ({
  id,
  position: { x, y: 0 },
  width: 100,
  height: 50,
  data: {},
  ...extra,
});

/** What the canvas holds after React Flow measured every node (its `dimensions` changes). */
function measuredCopies(nodes: FlowNode[]): FlowNode[] {
  return applyNodeChanges(
    nodes.map((n) => ({
      type: 'dimensions' as const,
      id: n.id,
      dimensions: { width: 100, height: 50 },
      setAttributes: false,
    })),
    nodes,
  );
}

describe('keepMeasured', () => {
  const a = node('a', 0);
  const b = node('b', 200);
  const previous = [a, b];
  const current = measuredCopies(previous);

  it('hands back the measured copy of a node the view did not change', () => {
    const next = keepMeasured(previous, [a, node('b', 300)], current);
    expect(next[0]).toBe(current[0]);
    expect(next[0]?.measured).toEqual({ width: 100, height: 50 });
  });

  it('keeps the measurement of a node that moved or was selected, with the view’s values', () => {
    const moved = node('b', 300);
    const selected = { ...a, selected: true };
    const next = keepMeasured(previous, [selected, moved], current);
    expect(next[0]).toEqual({ ...selected, measured: { width: 100, height: 50 } });
    expect(next[1]).toEqual({ ...moved, measured: { width: 100, height: 50 } });
  });

  it('leaves a node to be measured again when it is new, resized or moved to another container', () => {
    const resized = node('a', 0, { width: 140 });
    const moved = node('b', 200, { parentId: 'r' });
    const fresh = node('c', 400);
    const next = keepMeasured(previous, [resized, moved, fresh], current);
    expect(next[0]).toBe(resized);
    expect(next[1]).toBe(moved);
    expect(next[2]).toBe(fresh);
  });

  it('puts back the view’s position of a node dragged but not dropped into the model', () => {
    const dragged = current.map((n) => (n.id === 'b' ? { ...n, position: { x: 260, y: 9 } } : n));
    const next = keepMeasured(previous, [a, b], dragged);
    expect(next[1]?.position).toEqual({ x: 200, y: 0 });
    expect(next[1]?.measured).toEqual({ width: 100, height: 50 });
  });

  it('leaves a node being dragged where the drag has taken it', () => {
    const dragging = current.map((n) =>
      n.id === 'b' ? { ...n, position: { x: 260, y: 9 }, dragging: true } : n,
    );
    const next = keepMeasured(previous, [a, { ...b, selected: true }], dragging);
    expect(next[1]).toEqual({
      ...b,
      selected: true,
      position: { x: 260, y: 9 },
      measured: { width: 100, height: 50 },
      dragging: true,
    });
  });
});
