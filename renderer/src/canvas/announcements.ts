/**
 * What the canvas's live regions say when the selection or the results change, in words a
 * screen reader reads out; every number through `shared/text`.
 */
import type { Variant } from '../../../shared/model/types';
import { formatAvailability, formatCount } from '../../../shared/text';
import { KIND_META } from './kind-meta';
import { nameWithPlace, spokenEdge } from './spoken';
import { edgeId } from './to-flow';

/**
 * The selection in one sentence: `Selected Checkout API (US East (N. Virginia)), a service.`,
 * `Selected the edge: ALB us-east-1 depends on Checkout API.`, `Selected 3 nodes.`; empty when
 * nothing is selected.
 */
export function selectionSentence(
  variant: Variant | undefined,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): string {
  if (!variant || nodeIds.length + edgeIds.length === 0) return '';
  if (nodeIds.length === 1 && edgeIds.length === 0) {
    const node = variant.nodes.find((n) => n.id === nodeIds[0]);
    if (!node) return '';
    return `Selected ${nameWithPlace(variant, node)}, ${KIND_META[node.kind].label.toLowerCase()}.`;
  }
  if (nodeIds.length === 0 && edgeIds.length === 1) {
    const edge = variant.edges.find((e) => edgeId(e) === edgeIds[0]);
    return edge ? `Selected the edge: ${spokenEdge(variant, edge)}.` : '';
  }
  const parts = [
    nodeIds.length > 0 ? formatCount(nodeIds.length, 'node') : '',
    edgeIds.length > 0 ? formatCount(edgeIds.length, 'edge') : '',
  ].filter(Boolean);
  return `Selected ${parts.join(' and ')}.`;
}

/**
 * The headline figure: `Availability 99.9988 %, target met.`, `Availability 99.9668 %, target
 * 99.9900 % missed.`, or the figure alone when the design sets no target.
 */
export function resultsSentence(availability: number, target: number | undefined): string {
  const shown = `Availability ${formatAvailability(availability)}`;
  if (target === undefined) return `${shown}.`;
  return availability >= target
    ? `${shown}, target met.`
    : `${shown}, target ${formatAvailability(target)} missed.`;
}
