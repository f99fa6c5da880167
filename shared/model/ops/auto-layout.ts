/**
 * Auto-layout: the graph a layered layout engine (ELK) needs, built from a variant, and the
 * engine's answer turned back into the variant's layout. Regions hold their zones, zones and
 * regions hold their components, so the engine keeps every child inside its container.
 */
import type { Position, Variant } from '../types';
import { applyPositions } from './layout';
import { variantOf, withVariant } from './variant-utils';
import type { NinesDocument } from '../types';

/** A node of the layout graph (the subset of ELK's JSON graph that Nines uses). */
export interface LayoutNode {
  readonly id: string;
  readonly width?: number;
  readonly height?: number;
  readonly x?: number;
  readonly y?: number;
  readonly layoutOptions?: Readonly<Record<string, string>>;
  readonly children?: readonly LayoutNode[];
  readonly edges?: readonly {
    readonly id: string;
    readonly sources: readonly string[];
    readonly targets: readonly string[];
  }[];
}

/** Space for a container's title above what it holds, px, by kind. */
const HEADER = { region: 46, zone: 34 } as const;

/**
 * The layout graph of `variant`: containers as compound nodes with room for their title,
 * components as `card`-sized leaves, `depends` edges top to bottom (request flow runs down).
 */
export function layoutGraph(variant: Variant, card: { width: number; height: number }): LayoutNode {
  const kids = new Map<string | undefined, string[]>();
  for (const n of variant.nodes) kids.set(n.parent, [...(kids.get(n.parent) ?? []), n.id]);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const build = (id: string): LayoutNode => {
    const node = byId.get(id);
    if (node?.kind === 'region' || node?.kind === 'zone') {
      return {
        id,
        layoutOptions: {
          'elk.padding': `[top=${HEADER[node.kind]},left=14,bottom=14,right=14]`,
          'elk.direction': node.kind === 'region' ? 'RIGHT' : 'DOWN',
          'elk.algorithm': 'layered',
          'elk.spacing.nodeNode': '14',
        },
        children: (kids.get(id) ?? []).map(build),
        // An empty container keeps room to drop into.
        ...(kids.has(id)
          ? {}
          : { width: card.width + 28, height: HEADER[node.kind] + card.height + 14 }),
      };
    }
    return { id, width: card.width, height: card.height };
  };
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
    },
    children: (kids.get(undefined) ?? []).map(build),
    edges: variant.edges
      .filter((e) => e.kind === 'depends')
      .map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  };
}

/**
 * Writes the positions of a laid-out graph (relative to each parent, as ELK gives them and as
 * the file stores them) into the layout of variant `variantId`; containers get their size.
 */
export function applyLayoutGraph(
  doc: NinesDocument,
  variantId: string,
  laidOut: LayoutNode,
): NinesDocument {
  const variant = variantOf(doc, variantId);
  const containers = new Set(
    variant.nodes.filter((n) => n.kind === 'region' || n.kind === 'zone').map((n) => n.id),
  );
  const positions = new Map<string, Position>();
  const visit = (node: LayoutNode) => {
    for (const child of node.children ?? []) {
      const position: Position = { x: child.x ?? 0, y: child.y ?? 0 };
      if (containers.has(child.id)) {
        if (child.width !== undefined && child.width > 0) position.width = child.width;
        if (child.height !== undefined && child.height > 0) position.height = child.height;
      }
      positions.set(child.id, position);
      visit(child);
    }
  };
  visit(laidOut);
  return withVariant(doc, variantId, (v) => applyPositions(v, positions));
}
