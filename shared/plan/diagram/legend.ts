/**
 * The key to the diagram's marks, shared by the canvas and the exports: what each kind of line
 * and each mark means, which of them a variant uses, and the exports' legend drawn under the
 * drawing (wrapped to its width).
 */
import type { Edge, ModelNode, Variant } from '../../model/types';
import { textWidth, type GroupShape, type Shape } from '../drawing';
import { replicationKey, type DiagramRoles } from './roles';
import { DIAGRAM_COLOURS } from './theme';
import { zoneMembers } from './zones';

/** A mark the diagram can use, in the legend's order. */
export type LegendKey =
  | 'depends'
  | 'cross-region'
  | 'replication'
  | 'active-active'
  | 'manual-failover'
  | 'backup'
  | 'pips'
  | 'standby'
  | 'spof'
  | 'cut'
  | 'stopped'
  | 'survivor';

/** What each mark means, as the legend says it. */
export const LEGEND_LABELS: Readonly<Record<LegendKey, string>> = {
  depends: 'request dependency',
  'cross-region': 'cross-region call',
  replication: 'replication to a standby',
  'active-active': 'Active-Active replication',
  'manual-failover': 'replication, standby promoted by hand',
  backup: 'backup',
  pips: 'instances in a zone, one square each',
  standby: 'standby: no traffic until it takes over',
  spof: 'single point of failure',
  cut: 'in the most probable cut set',
  stopped: 'stopped by the scenario',
  survivor: 'keeps working in the scenario',
};

/** Marks only the canvas draws (the results' and a scenario's), left out of the exports. */
const CANVAS_ONLY: ReadonlySet<LegendKey> = new Set(['spof', 'cut', 'stopped', 'survivor']);

const ORDER = Object.keys(LEGEND_LABELS) as LegendKey[];

/** The region a node sits in (itself for a region), or undefined for a global node. */
function regionOf(id: string, byId: ReadonlyMap<string, ModelNode>): string | undefined {
  let current = byId.get(id);
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (current.kind === 'region') return current.id;
    current = current.parent ? byId.get(current.parent) : undefined;
  }
  return undefined;
}

/** The kind of line `edge` is drawn as. */
export function edgeLegendKey(
  edge: Edge,
  byId: ReadonlyMap<string, ModelNode>,
  roles: Pick<DiagramRoles, 'replication'>,
): EdgeLegendKey {
  if (edge.kind === 'backs-up') return 'backup';
  if (edge.kind === 'replicates') {
    const role = roles.replication.get(replicationKey(edge));
    if (role?.mode === 'active-active') return 'active-active';
    return role?.isManual ? 'manual-failover' : 'replication';
  }
  const a = regionOf(edge.from, byId);
  const b = regionOf(edge.to, byId);
  return a !== undefined && b !== undefined && a !== b ? 'cross-region' : 'depends';
}

/**
 * The marks a drawing of `variant` uses, in legend order: its kinds of line, zone pips when a
 * zone holds instances, standby when a region or datastore is on standby, and the results'
 * marks the caller adds (`spof`, `cut`, `stopped`, `survivor`: the canvas only).
 */
export function marksInUse(
  variant: Variant,
  roles: DiagramRoles,
  extra: Iterable<LegendKey> = [],
): LegendKey[] {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const used = new Set<LegendKey>(extra);
  for (const edge of variant.edges) {
    if (byId.has(edge.from) && byId.has(edge.to)) used.add(edgeLegendKey(edge, byId, roles));
  }
  if (variant.nodes.some((n) => n.kind === 'zone' && zoneMembers(variant, n).length > 0)) {
    used.add('pips');
  }
  if (roles.standby.size > 0 || [...roles.regions.values()].some((r) => r.isStandby)) {
    used.add('standby');
  }
  return ORDER.filter((key) => used.has(key));
}

/** How an export draws each kind of line: colour, width (points), dash, arrowhead. */
export const EDGE_STYLES = {
  depends: { colour: DIAGRAM_COLOURS.depends, width: 0.8, arrow: true },
  'cross-region': { colour: DIAGRAM_COLOURS.crossRegion, width: 1.3, arrow: true },
  replication: { colour: DIAGRAM_COLOURS.replicates, width: 1, dash: [4, 2.5], arrow: false },
  'active-active': { colour: DIAGRAM_COLOURS.replicates, width: 1, dash: [8, 2], arrow: false },
  'manual-failover': {
    colour: DIAGRAM_COLOURS.replicates,
    width: 1,
    dash: [5, 2, 1.2, 2],
    arrow: false,
  },
  backup: { colour: DIAGRAM_COLOURS.backsUp, width: 0.8, dash: [1.2, 1.8], arrow: true },
} as const satisfies Record<
  string,
  { colour: string; width: number; dash?: readonly number[]; arrow: boolean }
>;

/** A kind of line. */
export type EdgeLegendKey = keyof typeof EDGE_STYLES;

function isEdgeKey(key: LegendKey): key is EdgeLegendKey {
  return key in EDGE_STYLES;
}

/** Height of one line of the exports' legend, points. */
export const LEGEND_LINE = 14;

/**
 * The exports' legend: each mark in `keys` (lines, pips, standby) as a sample and its meaning,
 * left to right from `x`, wrapped to `width`, the first line's middle at `top + LEGEND_LINE / 2`.
 * Returns the group and its height (0 when there is nothing to explain).
 */
export function legendShapes(
  keys: readonly LegendKey[],
  x: number,
  top: number,
  width: number,
  size: number,
): { group: GroupShape; height: number } {
  const c = DIAGRAM_COLOURS;
  const shapes: Shape[] = [];
  let at = x;
  let line = 0;
  for (const key of keys) {
    if (CANVAS_ONLY.has(key)) continue;
    const label = LEGEND_LABELS[key];
    const entryWidth = 26 + textWidth(label, size);
    if (at > x && at + entryWidth > x + width) {
      at = x;
      line += 1;
    }
    const y = top + LEGEND_LINE * line + LEGEND_LINE / 2;
    if (key === 'pips') {
      for (let i = 0; i < 3; i += 1) {
        shapes.push({
          type: 'rect',
          x: at + i * 6.5,
          y: y - 2.5,
          width: 5,
          height: 5,
          radius: 0.6,
          fill: c.accent.service,
        });
      }
    } else if (key === 'standby') {
      shapes.push({
        type: 'rect',
        x: at,
        y: y - 4,
        width: 20,
        height: 8,
        radius: 1.5,
        fill: c.cardFill,
        stroke: c.cardStroke,
        strokeWidth: 0.6,
        dash: STANDBY_DASH,
      });
    } else if (isEdgeKey(key)) {
      const style: { colour: string; width: number; dash?: readonly number[]; arrow: boolean } =
        EDGE_STYLES[key];
      shapes.push({
        type: 'line',
        points: [
          [at, y],
          [at + 22, y],
        ],
        stroke: style.colour,
        strokeWidth: style.width,
        ...(style.dash ? { dash: style.dash } : {}),
        arrow: style.arrow,
      });
    }
    shapes.push({
      type: 'text',
      x: at + 26,
      y: y + size * 0.35,
      text: label,
      size,
      color: c.muted,
      anchor: 'start',
    });
    at += entryWidth + 14;
  }
  return {
    group: { type: 'group', id: 'legend', title: 'Legend', shapes },
    height: shapes.length > 0 ? LEGEND_LINE * (line + 1) + 2 : 0,
  };
}

/** The dash of a standby region's or card's outline in the exports, points. */
export const STANDBY_DASH: readonly number[] = [3, 1.5];
