/**
 * The exports' layout: a design without a saved layout, or whose saved layout breaks the
 * readability rule the canvas opens by (shared/diagram/readable), is drawn on a generated grid
 * that passes the same rule, says so under the drawing, and routes every edge around the cards
 * and titles (issue 21's crossing count, in the SVG export and in the plan's figure).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ASPECT, unreadableBoxes, unreadableLayout } from '../../diagram/readable';
import type { NinesDocument, Position, Variant } from '../../model/types';
import { gridColumns } from '../../model/ops/auto-layout';
import { countDrawing, unroutedCrossing } from '../../testing/drawing-crossings';
import { generatedModel } from '../../testing/generated-model';
import { type Drawing, type Shape, toSvg } from '../drawing';
import { LAYOUT_NOTES, buildTopologyDrawing, diagramLayout, figureOptions } from './index';
import type { Box } from './theme';

function generated(regions: number): Variant {
  const variant = generatedModel(regions).variants[0];
  if (!variant) throw new Error('no variant');
  return variant;
}

/** `boxes` (absolute) as a file's layout: relative to each parent, containers with their size. */
function asLayout(variant: Variant, boxes: ReadonlyMap<string, Box>): Record<string, Position> {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  return Object.fromEntries(
    variant.nodes.map((n) => {
      const b = boxes.get(n.id) as Box;
      const parent = n.parent ? boxes.get(n.parent) : undefined;
      const isContainer = byId.get(n.id)?.kind === 'region' || n.kind === 'zone';
      return [
        n.id,
        {
          x: b.x - (parent?.x ?? 0),
          y: b.y - (parent?.y ?? 0),
          ...(isContainer ? { width: b.width, height: b.height } : {}),
        },
      ];
    }),
  );
}

/** `variant` with its generated layout saved, then region r1 moved onto r0. */
function overlapping(variant: Variant): Variant {
  const layout = asLayout(variant, diagramLayout(variant).boxes);
  return { ...variant, layout: { ...layout, r1: { ...layout.r1, ...pick(layout.r0) } } };
}

const pick = (p: Position | undefined) => ({ x: p?.x ?? 0, y: p?.y ?? 0 });

/**
 * `variant` with its top-level boxes in one row, spread apart to 12 times as wide as the tallest
 * (wider where they do not fit that: a long row of regions).
 */
function oneRow(variant: Variant): Variant {
  const boxes = diagramLayout(variant).boxes;
  const layout = asLayout(variant, boxes);
  const top = variant.nodes.filter((n) => n.parent === undefined);
  const tallest = Math.max(...top.map((n) => boxes.get(n.id)?.height ?? 0));
  const last = boxes.get(top.at(-1)?.id ?? '')?.width ?? 0;
  const widest = Math.max(...top.map((n) => boxes.get(n.id)?.width ?? 0));
  const step = Math.max(widest + 48, (12 * tallest - last) / (top.length - 1));
  top.forEach((n, i) => {
    layout[n.id] = { ...layout[n.id], x: i * step, y: 0 };
  });
  return { ...variant, layout };
}

function texts(shapes: readonly Shape[]): string[] {
  return shapes.flatMap((s) =>
    s.type === 'text' ? [s.text] : s.type === 'group' ? texts(s.shapes) : [],
  );
}

const noteOf = (drawing: Drawing) =>
  drawing.shapes.find((s) => s.type === 'group' && s.id === 'layout-note');

/** Width of the SVG and PNG export, points (renderer/src/panels/DiagramExportMenu.tsx). */
const EXPORT_WIDTH = 1200;

describe('exports of a design without a readable saved layout', () => {
  for (const regions of [3, 12, 40]) {
    const bare = generated(regions);
    const cases = [
      { name: 'no layout', variant: bare, why: 'no-layout' },
      { name: 'an overlapping layout', variant: overlapping(bare), why: 'overlap' },
      { name: 'a one-row layout, 12:1 or wider', variant: oneRow(bare), why: 'aspect' },
    ] as const;

    it(`${regions} regions: the file's layout breaks the rule, so the grid is used and reads`, () => {
      const grid = diagramLayout(bare).boxes;
      for (const { name, variant, why } of cases) {
        const layout = diagramLayout(variant);
        expect(layout.generated, name).toBe(why);
        // The same grid whatever the file's layout: it depends on the model only.
        expect(layout.boxes, name).toEqual(grid);
      }
      expect(unreadableBoxes(bare, grid)).toBeUndefined();
      // Regions in the canvas's Auto-layout columns (3 regions: 2; 12: 3; 40: 6), in file order.
      const lefts = new Set(
        bare.nodes.filter((n) => n.kind === 'region').map((n) => grid.get(n.id)?.x),
      );
      expect(lefts.size).toBe(gridColumns(regions));
      expect(grid.get('r1')?.y).toBe(grid.get('r0')?.y);
      expect(grid.get(`r${gridColumns(regions)}`)?.x).toBe(grid.get('r0')?.x);
      const top = bare.nodes.filter((n) => n.parent === undefined).map((n) => grid.get(n.id));
      const width = Math.max(...top.map((b) => (b?.x ?? 0) + (b?.width ?? 0)));
      const height = Math.max(...top.map((b) => (b?.y ?? 0) + (b?.height ?? 0)));
      expect(Math.max(width / height, height / width)).toBeLessThanOrEqual(MAX_ASPECT);
    });

    it(`${regions} regions: the drawing says its layout was generated, and why`, () => {
      for (const { name, variant, why } of cases) {
        const drawing = buildTopologyDrawing(variant, { maxWidth: EXPORT_WIDTH });
        const note = noteOf(drawing);
        expect(note && texts([note]).join(' '), name).toBe(LAYOUT_NOTES[why]);
        // Under everything else: the note's top is below the drawing's other shapes.
        expect(drawing.height).toBeGreaterThan(0);
      }
    });

    it(`${regions} regions: no edge segment crosses a card or a title, in the SVG export or the plan's figure`, () => {
      for (const options of [{ maxWidth: EXPORT_WIDTH }, figureOptions(bare)]) {
        const count = countDrawing(bare, options);
        expect(count.crossings.filter((c) => !unroutedCrossing(c, count))).toEqual([]);
        // Every edge found a route (none drawn straight), pinned.
        expect(count.unrouted).toEqual([]);
      }
    });
  }

  it("every template is drawn as saved: its layout reads by the exports' card size too", () => {
    const folder = new URL('../../../assets/templates/', import.meta.url);
    const files = readdirSync(folder).filter((f) => f.endsWith('.nines.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const doc = JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as NinesDocument;
      for (const variant of doc.variants) {
        expect(diagramLayout(variant).generated, `${file}/${variant.id}`).toBeUndefined();
      }
    }
  });

  it('a saved layout that reads is drawn as saved, without a note', () => {
    const bare = generated(12);
    const saved = { ...bare, layout: asLayout(bare, diagramLayout(bare).boxes) };
    expect(unreadableLayout(saved, diagramLayout(saved).boxes)).toBeUndefined();
    expect(diagramLayout(saved).generated).toBeUndefined();
    // Moving a region of the saved layout moves it in the drawing: the file's layout is used.
    const r0 = saved.layout.r0 as Position;
    const moved = { ...saved, layout: { ...saved.layout, r0: { ...r0, x: r0.x - 100 } } };
    expect(diagramLayout(moved).generated).toBeUndefined();
    expect(diagramLayout(moved).boxes.get('r0')?.x).toBe(r0.x - 100);
    expect(noteOf(buildTopologyDrawing(saved, { maxWidth: EXPORT_WIDTH }))).toBeUndefined();
  });

  it('is deterministic: the same file gives the same SVG bytes', () => {
    const variant = oneRow(generated(12));
    const svg = toSvg(buildTopologyDrawing(variant, figureOptions(variant)));
    const again = structuredClone(variant);
    expect(toSvg(buildTopologyDrawing(again, figureOptions(again)))).toBe(svg);
  });

  it('small and lopsided designs get a grid that reads too', () => {
    const region = { id: 'r', kind: 'region' } as const;
    const zones = (count: number, parent = 'r') =>
      Array.from({ length: count }, (_, i) => ({
        id: `${parent}z${i}`,
        kind: 'zone' as const,
        parent,
      }));
    const designs: Variant['nodes'][] = [
      // Two global cards (stacked: side by side they are 5.7:1).
      [
        { id: 'a', kind: 'external' },
        { id: 'b', kind: 'external' },
      ],
      // A region holding only empty zones (three strips in a row are 5.9:1).
      [region, ...zones(3)],
      // A zone holding 40 components (one column is 14:1).
      [
        region,
        ...zones(1),
        ...Array.from({ length: 40 }, (_, i) => ({
          id: `s${i}`,
          kind: 'service' as const,
          parent: 'rz0',
        })),
      ],
      // Two regions of empty zones, thirty global components.
      [
        region,
        { id: 's', kind: 'region' },
        ...zones(3),
        ...zones(3, 's'),
        ...Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, kind: 'external' as const })),
      ],
    ];
    for (const nodes of designs) {
      const variant: Variant = { id: 'v', name: 'V', entry: nodes[0]?.id ?? '', nodes, edges: [] };
      const { boxes, generated: why } = diagramLayout(variant);
      expect(why).toBe('no-layout');
      expect(boxes.size).toBe(nodes.length);
      expect(unreadableBoxes(variant, boxes), nodes.map((n) => n.id).join()).toBeUndefined();
    }
  });
});
