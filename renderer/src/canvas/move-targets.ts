/**
 * Moving a node into another container from the keyboard ("Move to…", `M`): the containers the
 * selected node may go in, by the rule a drag follows (`canPlace`: regions at the top level, zones
 * in a region, components in a zone, a region or outside every region), and where it lands in
 * the one chosen.
 */
import {
  CONTAINER_HEADER,
  CONTAINER_PADDING,
  absolutePosition,
  type Point,
} from '../../../shared/model/ops/layout';
import { canPlace } from '../../../shared/model/ops/placement';
import type { ModelNode, Variant } from '../../../shared/model/types';
import { KIND_META } from './kind-meta';
import { layoutVariant } from './layout';
import { SIBLING_GAP, TOP_LEVEL_GAP, type Rect } from './placement';
import { nameWithPlace } from './spoken';

/** One container the selected node may move into. */
export interface MoveTarget {
  /** The new container; undefined for the top level (outside every region). */
  readonly parentId: string | undefined;
  /** What the menu shows: `into Zone us-east-1a (US East)`, `outside every region`. */
  readonly label: string;
}

/** What the menu says for the top level. */
export const TOP_LEVEL_LABEL = 'outside every region';

/** True when `id` is `ancestor` or lies (at any depth) inside it. */
function isWithin(variant: Variant, id: string | undefined, ancestor: string): boolean {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  for (let at = id; at !== undefined && !seen.has(at); at = byId.get(at)?.parent) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
}

/**
 * The containers node `nodeId` may move into, in the variant's order, then the top level when
 * it may go there: never its own container, itself or anything inside it.
 */
export function moveTargets(variant: Variant, nodeId: string): MoveTarget[] {
  const node = variant.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const into = variant.nodes.flatMap((container): MoveTarget[] => {
    if (container.id === node.parent || isWithin(variant, container.id, node.id)) return [];
    if (container.kind !== 'region' && container.kind !== 'zone') return [];
    if (!canPlace(node.kind, container)) return [];
    const label = `into ${KIND_META[container.kind].label} ${nameWithPlace(variant, container)}`;
    return [{ parentId: container.id, label }];
  });
  const isTopAllowed = node.parent !== undefined && canPlace(node.kind, undefined);
  return isTopAllowed ? [...into, { parentId: undefined, label: TOP_LEVEL_LABEL }] : into;
}

/**
 * Where node `nodeId` lands in `parentId` (its top-left corner, canvas coordinates): at the
 * container's left padding, below what it already holds (or below its title bar when empty), so
 * it covers nothing and the container grows down to hold it; at the top level, below everything
 * there, level with the leftmost. A zone then takes its region's next slot (`moveAndTidy`).
 */
export function moveSpot(variant: Variant, nodeId: string, parentId: string | undefined): Point {
  const boxes = layoutVariant(variant);
  const parent = variant.nodes.find((n) => n.id === parentId);
  const siblings = variant.nodes
    .filter((n) => n.parent === parentId && n.id !== nodeId)
    .map((n) => boxes.get(n.id))
    .filter((b): b is Rect => b !== undefined);
  const bottom = Math.max(...siblings.map((b) => b.y + b.height));
  if (!parent || parentId === undefined) {
    if (siblings.length === 0) return { x: 0, y: 0 };
    return { x: Math.min(...siblings.map((b) => b.x)), y: bottom + TOP_LEVEL_GAP };
  }
  const origin = absolutePosition(variant, boxes, parentId);
  const top = siblings.length === 0 ? CONTAINER_HEADER[shapeOf(parent)] : bottom + SIBLING_GAP;
  return { x: origin.x + CONTAINER_PADDING, y: origin.y + top };
}

function shapeOf(container: ModelNode): 'region' | 'zone' {
  return container.kind === 'region' ? 'region' : 'zone';
}
