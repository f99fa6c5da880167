/**
 * Issue 21's first "done when": for every template and for generated 3-, 12- and 40-region
 * designs, the edge segments that cross a card or a container's title, counted on the canvas
 * (the routes the canvas draws, on its layout) and in the exported SVG's drawing (the shapes
 * the SVG writer turns into `<path>`s and `<rect>`s, at the export's width and in the plan's
 * figure): zero, except for edges that have no route, which are listed and their count pinned.
 */
import { describe, expect, it } from 'vitest';
import { type Box, findCrossings } from '../../../../shared/diagram/routing';
import type { Variant } from '../../../../shared/model/types';
import { figureOptions } from '../../../../shared/plan/diagram';
import {
  type CrossingCount,
  countDrawing,
  unroutedCrossing,
} from '../../../../shared/testing/drawing-crossings';
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

/** The canvas: the routes toFlow hands the edges, against the cards and the titles. */
function countCanvas(variant: Variant): CrossingCount {
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
      expect(unrouted, `edges without a route: ${which.slice(0, 600)}`).toEqual({
        canvas: 0,
        export: 0,
        figure: 0,
      });
    });
  }
});
