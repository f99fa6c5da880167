/**
 * Drawing an edge from the keyboard: the nodes the selected one may be joined to, each with the
 * kind of edge a drag would draw (`edgeKindFor`) and only where `canConnect` allows it, so the
 * list offers exactly the edges the pointer could draw.
 */
import { canConnect, edgeKindFor } from '../../../shared/model/ops/connect';
import type { EdgeKind, Variant } from '../../../shared/model/types';
import { EDGE_VERBS, nameWithPlace } from './spoken';

/** One valid target of an edge from the selected node. */
export interface ConnectTarget {
  readonly to: string;
  readonly kind: EdgeKind;
  /** What the menu shows: the target's name, where it is, and the edge it would draw. */
  readonly label: string;
}

/** The nodes of `variant` an edge from `from` may reach, in the variant's order. */
export function connectTargets(variant: Variant, from: string): ConnectTarget[] {
  return variant.nodes.flatMap((node) => {
    if (node.id === from) return [];
    const kind = edgeKindFor(variant, from, node.id);
    if (!canConnect(variant, from, node.id, kind).ok) return [];
    return [{ to: node.id, kind, label: `${EDGE_VERBS[kind]} ${nameWithPlace(variant, node)}` }];
  });
}

/** The sentence that says an edge was drawn: `Checkout API (US East) depends on Redis (US East)`. */
export function connectedSentence(variant: Variant, from: string, target: ConnectTarget): string {
  const source = variant.nodes.find((n) => n.id === from);
  return `${source ? nameWithPlace(variant, source) : from} ${target.label}`;
}
