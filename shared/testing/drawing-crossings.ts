/**
 * Issue 21's crossing count on an exported drawing (the SVG and PNG export, the plan's figure):
 * the edge segments that pass through a card or a container's title, in points, as the SVG
 * writer draws them, and the edges drawn without a route. Shared by the canvas's crossing test
 * (renderer/src/canvas/edges/crossings.test.ts) and the exports' layout test.
 */
import { expect } from 'vitest';
import { type Point, findCrossings } from '../diagram/routing';
import type { Variant } from '../model/types';
import type { GroupShape, LineShape, RectShape } from '../plan/drawing';
import { type DiagramOptions, arrange, buildTopologyDrawing } from '../plan/diagram';

/** What a count found: crossings as `edge crosses obstacle`, and the edges drawn without a route. */
export interface CrossingCount {
  readonly crossings: string[];
  readonly unrouted: string[];
}

/**
 * A drawing (points) made at `options`: its lines against the cards' outlines (the first rect
 * of each card's group) and the titles' patches (the first rect of each container's group).
 * An edge with no route is drawn straight between its cards' borders (`isRouted` false).
 */
export function countDrawing(variant: Variant, options: DiagramOptions): CrossingCount {
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

/** Whether a crossing belongs to an edge drawn without a route (reported in `unrouted`). */
export function unroutedCrossing(crossing: string, count: CrossingCount): boolean {
  return count.unrouted.some((edge) => crossing.startsWith(`${edge} crosses `));
}
