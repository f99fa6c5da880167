import { describe, expect, it } from 'vitest';
import { moveNodes } from '../../../shared/model/ops/move';
import { updateNodeField } from '../../../shared/model/ops/update-field';
import type { NinesDocument } from '../../../shared/model/types';
import { BUNDLED_TEMPLATES } from '../app/templates';
import { createResultsMemo, isSameTopology, nodesOfEvents } from './results';

const templates = BUNDLED_TEMPLATES.map((t) => {
  if (!t.parsed.ok) throw new Error(t.fileName);
  return [t.fileName, t.parsed.document] as const;
});
const aa2 = templates.find(([f]) => f.startsWith('active-active-2'))?.[1] as NinesDocument;

describe('results memo', () => {
  it('does not run the engine again when a node only moves', () => {
    const memo = createResultsMemo();
    const first = memo(aa2, 'aa2');
    const moved = moveNodes(
      aa2,
      'aa2',
      [{ nodeId: 'dns', parentId: undefined, absolute: { x: 900, y: 0 } }],
      new Map(),
    );
    expect(isSameTopology(aa2, moved)).toBe(true);
    expect(memo(moved, 'aa2')).toBe(first);
    expect(memo.runs).toBe(1);
  });

  it('runs it again when the topology changes, and gives the engine’s figures', () => {
    const memo = createResultsMemo();
    const first = memo(aa2, 'aa2');
    const edited = updateNodeField(aa2, 'aa2', 'app-use1', 'instances', 6);
    if (!edited.ok) throw new Error(edited.message);
    expect(isSameTopology(aa2, edited.document)).toBe(false);
    const second = memo(edited.document, 'aa2');
    expect(memo.runs).toBe(2);
    expect(second).not.toBe(first);
    expect(first?.availability?.requestWeighted).toBeGreaterThan(0.999);
    expect(first?.cost?.priceBookAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names the nodes behind engine events', () => {
    expect([...nodesOfEvents(['dns', 'app#2', 'link:a|b', 'app#0'])]).toEqual(['dns', 'app']);
  });
});
