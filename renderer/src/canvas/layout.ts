/**
 * Where each node of a variant sits on the canvas: the variant's saved layout where it has one,
 * otherwise a deterministic automatic layout. Positions are relative to the parent container
 * (or the canvas for top-level nodes), as in the file; containers carry a width and a height.
 *
 * The automatic layout: regions side by side; inside a region, its own components in rows by
 * dependency depth, then its zones as columns; inside a zone, its components stacked by depth.
 * Global entry points (a DNS router) sit in a row above the regions, other global components
 * (external services, object stores, backups) in a row below.
 */
import type { ModelNode, Variant } from '../../../shared/model/types';

/** A node's box, px; x and y relative to its parent container. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Size of a component card, px (the card's CSS uses the same numbers). */
export const CARD = { width: 200, height: 72 } as const;

const PAD = 14;
const GAP = 14;
const REGION_HEADER = 46;
const ZONE_HEADER = 34;
const REGION_GAP = 64;
const BAND_GAP = 72;

type Size = { width: number; height: number };

/** Computes the box of every node of `variant`, keyed by node id. */
export function layoutVariant(variant: Variant): Map<string, Box> {
  const saved = variant.layout ?? {};
  const depth = dependencyDepth(variant);
  const byDepth = (a: ModelNode, b: ModelNode) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0);
  const children = new Map<string | undefined, ModelNode[]>();
  for (const node of variant.nodes) {
    children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  }
  const kidsOf = (id: string | undefined) => children.get(id) ?? [];
  const boxes = new Map<string, Box>();

  /** Places `node` at the automatic position unless the saved layout says otherwise. */
  const place = (node: ModelNode, auto: { x: number; y: number }, size: Size): Size => {
    const s = saved[node.id];
    const width = s?.width ?? size.width;
    const height = s?.height ?? size.height;
    boxes.set(node.id, { x: s?.x ?? auto.x, y: s?.y ?? auto.y, width, height });
    return { width, height };
  };

  /** Grows an automatic container size to enclose children placed from the saved layout. */
  const enclose = (size: Size, kids: readonly ModelNode[]): Size => {
    let { width, height } = size;
    for (const kid of kids) {
      const box = boxes.get(kid.id);
      if (!box) continue;
      width = Math.max(width, box.x + box.width + PAD);
      height = Math.max(height, box.y + box.height + PAD);
    }
    return { width, height };
  };

  const zoneContent = (zone: ModelNode): Size => {
    const kids = kidsOf(zone.id).toSorted(byDepth);
    kids.forEach((kid, i) =>
      place(kid, { x: PAD, y: ZONE_HEADER + i * (CARD.height + GAP) }, CARD),
    );
    const rows = Math.max(kids.length, 1);
    return enclose(
      { width: CARD.width + 2 * PAD, height: ZONE_HEADER + rows * (CARD.height + GAP) - GAP + PAD },
      kids,
    );
  };

  const regionContent = (region: ModelNode): Size => {
    const kids = kidsOf(region.id);
    const zones = kids.filter((k) => k.kind === 'zone');
    const own = kids.filter((k) => k.kind !== 'zone');
    let y = REGION_HEADER;
    let width = 0;
    for (const row of rowsByDepth(own, depth)) {
      row.forEach((kid, i) => place(kid, { x: PAD + i * (CARD.width + GAP), y }, CARD));
      width = Math.max(width, row.length * (CARD.width + GAP) - GAP);
      y += CARD.height + GAP;
    }
    if (own.length > 0) y += GAP;
    const zoneSizes = zones.map(zoneContent);
    const zoneHeight = Math.max(0, ...zoneSizes.map((s) => s.height));
    let x = PAD;
    zones.forEach((zone, i) => {
      const size = zoneSizes[i] ?? { width: 0, height: 0 };
      const placed = place(zone, { x, y }, { width: size.width, height: zoneHeight });
      x += placed.width + GAP;
    });
    if (zones.length > 0) {
      width = Math.max(width, x - GAP - PAD);
      y += zoneHeight + GAP;
    }
    return enclose(
      { width: Math.max(width, CARD.width) + 2 * PAD, height: Math.max(y - GAP + PAD, 120) },
      kids,
    );
  };

  const topLevel = kidsOf(undefined);
  const regions = topLevel.filter((n) => n.kind === 'region');
  const globals = topLevel.filter((n) => n.kind !== 'region');
  const dependedOn = new Set(variant.edges.filter((e) => e.kind === 'depends').map((e) => e.to));
  const isEntryPoint = (n: ModelNode) =>
    !dependedOn.has(n.id) && variant.edges.some((e) => e.kind === 'depends' && e.from === n.id);
  const above = globals.filter(isEntryPoint).toSorted(byDepth);
  const below = globals.filter((n) => !isEntryPoint(n)).toSorted(byDepth);

  const regionSizes = regions.map(regionContent);
  const regionsWidth =
    regionSizes.reduce((sum, s) => sum + s.width, 0) + REGION_GAP * Math.max(regions.length - 1, 0);
  const regionsHeight = Math.max(0, ...regionSizes.map((s) => s.height));
  const bandWidth = (count: number) => count * (CARD.width + GAP * 2) - GAP * 2;
  const totalWidth = Math.max(regionsWidth, bandWidth(above.length), bandWidth(below.length));

  const placeBand = (nodes: readonly ModelNode[], y: number) => {
    const left = (totalWidth - bandWidth(nodes.length)) / 2;
    nodes.forEach((n, i) => place(n, { x: left + i * (CARD.width + GAP * 2), y }, CARD));
  };

  placeBand(above, 0);
  const regionsTop = above.length > 0 ? CARD.height + BAND_GAP : 0;
  let x = (totalWidth - regionsWidth) / 2;
  regions.forEach((region, i) => {
    const size = regionSizes[i] ?? { width: 0, height: 0 };
    const placed = place(region, { x, y: regionsTop }, size);
    x += placed.width + REGION_GAP;
  });
  placeBand(below, regionsTop + (regions.length > 0 ? regionsHeight + BAND_GAP : 0));
  return boxes;
}

/** Longest chain of `depends` edges leading to each node (0 for nodes nothing depends on). */
export function dependencyDepth(variant: Variant): Map<string, number> {
  const incoming = new Map<string, string[]>();
  for (const edge of variant.edges) {
    if (edge.kind !== 'depends') continue;
    incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    // A parsed document has no cycles; the guard keeps a broken one from recursing forever.
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = Math.max(-1, ...(incoming.get(id) ?? []).map(visit)) + 1;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const node of variant.nodes) visit(node.id);
  return depth;
}

function rowsByDepth(
  nodes: readonly ModelNode[],
  depth: ReadonlyMap<string, number>,
): ModelNode[][] {
  const rows = new Map<number, ModelNode[]>();
  for (const node of nodes) {
    const d = depth.get(node.id) ?? 0;
    rows.set(d, [...(rows.get(d) ?? []), node]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}
