import { readdirSync, readFileSync } from 'node:fs';
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentText } from '../../schema/parse';
import type { NinesDocument, Position, Variant } from '../types';
import { applyLayoutGraph, gridColumns, layoutGraph, type LayoutNode } from './auto-layout';
import { generatedModel } from '../../testing/generated-model';

const CARD = { width: 200, height: 72 };
const dir = new URL('../../../assets/templates/', import.meta.url);
const templates = readdirSync(dir).map((file) => {
  const parsed = parseDocumentText(readFileSync(new URL(file, dir), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return [file, parsed.document] as const;
});

async function autoLaidOut(doc: NinesDocument, variant: Variant): Promise<Variant> {
  const graph = structuredClone(layoutGraph(variant, CARD));
  const laidOut: LayoutNode = await new ELK().layout(graph as ElkNode);
  const next = applyLayoutGraph(doc, variant.id, laidOut, CARD);
  const reparsed = parseDocument(structuredClone(next));
  expect(reparsed.ok ? [] : reparsed.problems).toEqual([]);
  return next.variants.find((v) => v.id === variant.id) as Variant;
}

const size = (box: Position) => ({ w: box.width ?? CARD.width, h: box.height ?? CARD.height });
const overlaps = (a: Position, b: Position) =>
  a.x < b.x + size(b).w && b.x < a.x + size(a).w && a.y < b.y + size(b).h && b.y < a.y + size(a).h;

describe('auto-layout', () => {
  for (const [file, doc] of templates) {
    it(`${file}: children inside their containers, siblings apart, empty zones at the bottom, regions in two columns`, async () => {
      for (const variant of doc.variants) {
        const { layout = {}, nodes } = await autoLaidOut(doc, variant);
        const box = (id: string) => {
          const b = layout[id];
          if (!b) throw new Error(`${variant.id}: ${id} has no position`);
          return b;
        };
        for (const node of nodes) {
          const b = box(node.id);
          if (!node.parent) continue;
          const parent = box(node.parent);
          expect(b.x, node.id).toBeGreaterThanOrEqual(0);
          expect(b.y, node.id).toBeGreaterThanOrEqual(0);
          expect(b.x + size(b).w, node.id).toBeLessThanOrEqual(parent.width ?? 0);
          expect(b.y + size(b).h, node.id).toBeLessThanOrEqual(parent.height ?? 0);
        }
        const parents = new Set(nodes.map((n) => n.parent));
        for (const a of nodes) {
          for (const b of nodes) {
            if (a.id < b.id && a.parent === b.parent) {
              expect(overlaps(box(a.id), box(b.id)), `${a.id} overlaps ${b.id}`).toBe(false);
            }
          }
          // An empty zone sits below every card of its region.
          if (a.kind === 'zone' && !parents.has(a.id)) {
            for (const card of nodes.filter((n) => n.parent === a.parent && n.kind !== 'zone')) {
              expect(box(a.id).y, `${a.id} below ${card.id}`).toBeGreaterThanOrEqual(
                box(card.id).y + size(box(card.id)).h,
              );
            }
          }
        }
        const regions = nodes.filter((n) => n.kind === 'region' && !n.parent);
        const columns = new Set(regions.map((r) => box(r.id).x));
        expect(columns.size).toBe(Math.min(2, regions.length));
      }
    });
  }

  it('grids a large design in about √n columns, so that it is not one long row or column', async () => {
    expect([3, 6, 7, 12, 40].map(gridColumns)).toEqual([2, 2, 3, 3, 6]);
    for (const regions of [12, 40]) {
      const doc = generatedModel(regions);
      const variant = doc.variants[0] as Variant;
      const { layout = {}, nodes } = await autoLaidOut(doc, variant);
      const top = nodes.filter((n) => !n.parent).map((n) => layout[n.id] as Position);
      const columns = new Set(nodes.filter((n) => n.kind === 'region').map((n) => layout[n.id]?.x));
      expect(columns.size).toBe(gridColumns(regions));
      const width = Math.max(...top.map((b) => b.x + size(b).w)) - Math.min(...top.map((b) => b.x));
      const height =
        Math.max(...top.map((b) => b.y + size(b).h)) - Math.min(...top.map((b) => b.y));
      expect(width / height).toBeGreaterThan(1 / 4);
      expect(width / height).toBeLessThan(4);
    }
  }, 120_000);
});
