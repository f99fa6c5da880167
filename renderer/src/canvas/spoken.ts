/**
 * Names said to assistive technology: a node with its kind, place, size and scenario state, an
 * edge from its source to its target. Numbers through `shared/text`.
 */
import { tierSize } from '../../../shared/model/nodes';
import type { EdgeKind, ModelNode, Variant } from '../../../shared/model/types';
import { formatCount } from '../../../shared/text';
import { displayName } from './describe';
import { KIND_META } from './kind-meta';

/** How an edge of each kind reads between its two ends: `A depends on B`. */
export const EDGE_VERBS: Readonly<Record<EdgeKind, string>> = {
  depends: 'depends on',
  replicates: 'replicates to',
  'backs-up': 'backs up',
};

/** Each variant's nodes by id, built once per variant (toFlow names every node and edge). */
const nodesById = new WeakMap<Variant, ReadonlyMap<string, ModelNode>>();

function nodeOf(variant: Variant, id: string): ModelNode | undefined {
  let byId = nodesById.get(variant);
  if (!byId) {
    byId = new Map(variant.nodes.map((n) => [n.id, n]));
    nodesById.set(variant, byId);
  }
  return byId.get(id);
}

/** `Checkout API (US East)`: the name, and its container's name when it has one. */
export function nameWithPlace(variant: Variant, node: ModelNode): string {
  const parent = node.parent ? nodeOf(variant, node.parent) : undefined;
  return parent ? `${displayName(node)} (${displayName(parent)})` : displayName(node);
}

/** A node's state in scenario mode, as its canvas class says it (`stopped`, `survivor`). */
const MARK_WORDS: Readonly<Record<string, string>> = {
  stopped: 'stopped in this scenario',
  survivor: 'keeps working in this scenario',
};

/** What `spokenNode` said, by variant, node and mark: variants and nodes are never mutated. */
const spokenNodes = new WeakMap<Variant, WeakMap<ModelNode, Map<string | undefined, string>>>();

/**
 * `Service Checkout API (US East (N. Virginia)), 15 instances, 5 needed, stopped in this
 * scenario`: kind, name and place, a tier's size, and its state in scenario mode.
 */
export function spokenNode(variant: Variant, node: ModelNode, mark?: string): string {
  // toFlow names every node on each new view (a selection, a mark): once per variant and node.
  let byNode = spokenNodes.get(variant);
  if (!byNode) {
    byNode = new WeakMap();
    spokenNodes.set(variant, byNode);
  }
  let byMark = byNode.get(node);
  if (!byMark) {
    byMark = new Map();
    byNode.set(node, byMark);
  }
  let said = byMark.get(mark);
  if (said === undefined) {
    said = sayNode(variant, node, mark);
    byMark.set(mark, said);
  }
  return said;
}

/** What `spokenNode` says, said afresh. */
function sayNode(variant: Variant, node: ModelNode, mark: string | undefined): string {
  const parts = [`${KIND_META[node.kind].label} ${nameWithPlace(variant, node)}`];
  if (node.kind === 'service' || node.kind === 'datastore' || node.kind === 'queue') {
    const { instances, minHealthy } = tierSize(node);
    parts.push(`${formatCount(instances, 'instance')}, ${minHealthy} needed`);
  }
  const state = mark === undefined ? undefined : MARK_WORDS[mark];
  if (state) parts.push(state);
  return parts.join(', ');
}

/** `Checkout API (US East) depends on Redis (US East)`, with what it carries when labelled. */
export function spokenEdge(
  variant: Variant,
  edge: { kind: EdgeKind; from: string; to: string },
  label?: string,
): string {
  const nameOf = (id: string) => {
    const node = nodeOf(variant, id);
    return node ? nameWithPlace(variant, node) : id;
  };
  const said = `${nameOf(edge.from)} ${EDGE_VERBS[edge.kind]} ${nameOf(edge.to)}`;
  return label ? `${said}, ${label}` : said;
}
