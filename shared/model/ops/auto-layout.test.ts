import { readFileSync } from 'node:fs';
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentText } from '../../schema/parse';
import { applyLayoutGraph, layoutGraph, type LayoutNode } from './auto-layout';

const text = readFileSync(
  new URL('../../../assets/templates/active-active-2-regions.nines.json', import.meta.url),
  'utf8',
);

describe('auto-layout', () => {
  it('keeps every child inside its container and the document valid', async () => {
    const parsed = parseDocumentText(text);
    if (!parsed.ok) throw new Error('template does not parse');
    const doc = parsed.document;
    const variant = doc.variants[0];
    if (!variant) throw new Error('no variant');
    const graph = structuredClone(layoutGraph(variant, { width: 200, height: 72 }));
    const laidOut: LayoutNode = await new ELK().layout(graph as ElkNode);
    const next = applyLayoutGraph(doc, variant.id, laidOut);
    const reparsed = parseDocument(structuredClone(next));
    expect(reparsed.ok ? [] : reparsed.problems).toEqual([]);
    const layout = next.variants[0]?.layout ?? {};
    for (const node of variant.nodes) {
      const box = layout[node.id];
      expect(box, node.id).toBeDefined();
      if (!node.parent || !box) continue;
      const parent = layout[node.parent];
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + (box.width ?? 200)).toBeLessThanOrEqual(parent?.width ?? 0);
      expect(box.y + (box.height ?? 72)).toBeLessThanOrEqual(parent?.height ?? 0);
    }
  });
});
