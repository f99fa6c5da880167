/**
 * Issue 21's first "done when": for every template and for generated 3-, 12- and 40-region
 * designs, the edge segments that cross a card or a container's title, counted on the canvas
 * (the routes the canvas draws, on its layout) and in the exported SVG's drawing (the shapes
 * the SVG writer turns into `<path>`s and `<rect>`s, at the export's width and in the plan's
 * figure): zero, except for edges that have no route, which are listed and their count pinned.
 */
import { describe, expect, it } from 'vitest';
import { type Box, type Point, findCrossings } from '../../../../shared/diagram/routing';
import type { Variant } from '../../../../shared/model/types';
import type { GroupShape, LineShape, RectShape } from '../../../../shared/plan/drawing';
import {
  type DiagramOptions,
  arrange,
  buildTopologyDrawing,
  figureOptions,
} from '../../../../shared/plan/diagram';
import { generatedModel } from '../../../../shared/testing/generated-model';
import { BUNDLED_TEMPLATES } from '../../app/templates';
import { layoutVariant } from '../layout';
import { absoluteBox } from '../placement';
import { toFlow } from '../to-flow';
import { titleBox } from './routes';

/** Every variant of every template, and the generated designs, by a readable name. */
function designs(): { name: string; variant: Variant }[] {
  const out: { name: string; variant: Variant }[] = [];
  for (const { fileName, parsed } of BUNDLED_TEMPLATES) {
    if (!parsed.ok) throw new Error(`${fileName} does not parse`);
    for (const variant of parsed.document.variants) {
      out.push({ name: `${fileName}/${variant.id}`, variant });
    }
  }
  for (const regions of [3, 12, 40]) {
    const variant = generatedModel(regions).variants[0];
    if (variant) out.push({ name: `generated ${regions} regions`, variant });
  }
  return out;
}

/** What a count found: crossings as `edge crosses obstacle`, and the edges drawn without a route. */
interface Count {
  readonly crossings: string[];
  readonly unrouted: string[];
}

/** The canvas: the routes toFlow hands the edges, against the cards and the titles. */
function countCanvas(variant: Variant): Count {
  const view = toFlow(variant, null);
  const boxes = layoutVariant(variant);
  const obstacles: { name: string; box: Box }[] = view.nodes.map((n) => {
    const box = absoluteBox(variant, boxes, n.id);
    const isContainer = n.type === 'region' || n.type === 'zone';
    return {
      name: isContainer ? `title of ${n.id}` : n.id,
      box: isContainer ? titleBox(n.data.model, box) : box,
    };
  });
  const routed = view.edges.filter((e) => e.data?.route);
  const crossings = findCrossings(
    routed.map((e) => e.data?.route ?? []),
    obstacles.map((o) => o.box),
  ).map((c) => `${routed[c.edge]?.id} crosses ${obstacles[c.obstacle]?.name}`);
  return { crossings, unrouted: view.edges.filter((e) => !e.data?.route).map((e) => e.id) };
}

/**
 * A drawing (points) made at `options`: its lines against the cards' outlines (the first rect
 * of each card's group) and the titles' patches (the first rect of each container's group).
 * An edge with no route is drawn straight between its cards' borders (`isRouted` false).
 */
function countDrawing(variant: Variant, options: DiagramOptions): Count {
  const arrangement = arrange(variant, options);
  const drawing = buildTopologyDrawing(variant, options, arrangement);
  const kinds = new Map(variant.nodes.map((n) => [n.id, n.kind]));
  const obstacles: { name: string; box: RectShape }[] = [];
  for (const shape of drawing.shapes) {
    if (shape.type !== 'group' || !shape.id.startsWith('node-')) continue;
    const id = shape.id.slice('node-'.length);
    const first = (shape as GroupShape).shapes[0];
    if (first?.type !== 'rect') continue;
    const kind = kinds.get(id);
    obstacles.push({
      name: kind === 'region' || kind === 'zone' ? `title of ${id}` : id,
      box: first,
    });
  }
  const lines = drawing.shapes.filter(
    (s): s is LineShape => s.type === 'line' && s.points.length >= 2,
  );
  const edges = variant.edges.map((e) => `${e.kind}:${e.from}>${e.to}`);
  const crossings = findCrossings(
    lines.map((l) => l.points as readonly Point[]),
    obstacles.map((o) => o.box),
  ).map((c) => `${edges[c.edge]} crosses ${obstacles[c.obstacle]?.name}`);
  expect(lines).toHaveLength(arrangement.geometry.length);
  const unrouted = arrangement.geometry.flatMap((g, i) => (g.isRouted ? [] : [edges[i] ?? '']));
  return { crossings, unrouted };
}

/** Width of the SVG and PNG export, points (DiagramExportMenu.tsx). */
const EXPORT_WIDTH = 1200;

describe('edge segments crossing a card or a container title', () => {
  const all = designs();

  it('covers every template and the generated 3-, 12- and 40-region designs', () => {
    expect(BUNDLED_TEMPLATES.length).toBeGreaterThanOrEqual(6);
    expect(all.length).toBeGreaterThanOrEqual(13);
  });

  for (const { name, variant } of all) {
    it(`${name}: none on the canvas, none in the exported drawing or the plan's figure`, () => {
      const canvas = countCanvas(variant);
      const exported = countDrawing(variant, { maxWidth: EXPORT_WIDTH });
      const figure = countDrawing(variant, figureOptions(variant));
      expect(canvas.crossings, 'canvas').toEqual([]);
      expect(
        exported.crossings.filter((c) => !unroutedCrossing(c, exported)),
        'export',
      ).toEqual([]);
      expect(
        figure.crossings.filter((c) => !unroutedCrossing(c, figure)),
        'figure',
      ).toEqual([]);
      const unrouted = {
        canvas: canvas.unrouted.length,
        export: exported.unrouted.length,
        figure: figure.unrouted.length,
      };
      const which = JSON.stringify({
        canvas: canvas.unrouted,
        export: exported.unrouted,
        figure: figure.unrouted,
      });
      expect(unrouted, `edges without a route: ${which.slice(0, 600)}`).toEqual(
        UNROUTED[name] ?? { canvas: 0, export: 0, figure: 0 },
      );
    });
  }
});

/** Whether a crossing belongs to an edge drawn without a route (reported in `unrouted`). */
function unroutedCrossing(crossing: string, count: Count): boolean {
  return count.unrouted.some((edge) => crossing.startsWith(`${edge} crosses `));
}

/**
 * The designs with edges that have no route, and how many, where. None on the canvas. In the
 * drawings, a container's title has a least type size (6.7 pt), so once the drawing is scaled
 * far enough down (a 12-region design on a landscape page: r10's and r11's titles; a 40-region
 * design at 1,200 points, scale 0.037), the title's patch is larger than the container's header
 * and lies over the cards under it: an edge from such a card has no way out that misses the
 * title. Those edges are drawn straight (and cross what lies between); the titles' size at small
 * scales is the drawing's to fix.
 */
const UNROUTED: Record<string, { canvas: number; export: number; figure: number }> = {
  // depends:dns>lb-r10, lb-r10>web-r10, dns>lb-r11, lb-r11>web-r11.
  'generated 12 regions': { canvas: 0, export: 0, figure: 4 },
  'generated 40 regions': { canvas: 0, export: 219, figure: 239 },
};
