/**
 * A router's kind, derived from the fields the file already has (no new field): a regional load
 * balancer sits in a region (or a zone) and has no DNS TTL; a global router has no parent, and
 * is DNS when its clients cache its answer (`dnsTtlSeconds` > 0), else a global load balancer
 * (anycast, such as AWS Global Accelerator). Choosing a kind sets those fields and moves the
 * router where the kind lives.
 */
import { NODE_DEFAULTS } from '../../../shared/model/defaults';
import { tierSize } from '../../../shared/model/nodes';
import { moveNodes } from '../../../shared/model/ops/move';
import { absolutePosition, type BoxMap, type Point } from '../../../shared/model/ops/layout';
import { updateNodeField } from '../../../shared/model/ops/update-field';
import { acceptIfSound, type EditResult } from '../../../shared/model/ops/validation';
import type { ModelNode, NinesDocument, Variant } from '../../../shared/model/types';
import { formatCount, formatDuration, formatNumber } from '../../../shared/text';
import { CARD, layoutVariant } from '../canvas/layout';

export type RouterKind = 'dns' | 'global-lb' | 'regional-lb';

/** What each kind is called, and what it means for a failover. */
export const ROUTER_KINDS: Readonly<Record<RouterKind, { label: string; help: string }>> = {
  dns: {
    label: 'DNS (global)',
    help: 'Global. After a failover, clients keep the old answer for the DNS TTL.',
  },
  'global-lb': {
    label: 'Global load balancer',
    help: 'Global, no DNS TTL: traffic moves once the health checks fail.',
  },
  'regional-lb': {
    label: 'Regional load balancer',
    help: 'Fails with its region; no DNS TTL.',
  },
};

/**
 * What a router of its kind means for a failover, in the inspector's help line: the kind's help,
 * except for a regional router run as instances of its own (`instances` > 1, a self-managed
 * HAProxy or Envoy pair with a floating address), which fails when fewer than `minHealthy` of
 * its instances work, or with its region, and whose address moves to a working instance in
 * `failoverSeconds` (docs/model.md, "Routers with instances"; absent fields read their
 * defaults).
 */
export function routerKindHelp(node: ModelNode): string {
  const kind = routerKindOf(node);
  if (kind !== 'regional-lb' || node.kind !== 'router') return ROUTER_KINDS[kind].help;
  const { instances, minHealthy } = tierSize(node);
  if (instances < 2) return ROUTER_KINDS[kind].help;
  const failover = node.failoverSeconds ?? (NODE_DEFAULTS.router.failoverSeconds?.value as number);
  const group =
    instances === 2 ? 'A self-managed pair' : `A self-managed group of ${formatNumber(instances)}`;
  return (
    `${group}: fails when ${minHealthy <= 1 ? 'none of its instances works' : `fewer than ${formatCount(minHealthy, 'instance')} work`}, or with its region; ` +
    `moving its address to a working instance takes ${formatDuration(failover)}. No DNS TTL.`
  );
}

/**
 * The TTL a router chosen as DNS gets when it has none: 60 s, the default TTL of an Azure
 * Traffic Manager profile (and the usual TTL of failover records).
 */
export const DNS_TTL_SECONDS = 60;

/** A router's kind, from its placement and its DNS TTL. */
export function routerKindOf(node: ModelNode): RouterKind {
  if (node.parent !== undefined) return 'regional-lb';
  return node.kind === 'router' && (node.dnsTtlSeconds ?? 0) > 0 ? 'dns' : 'global-lb';
}

/** A kind to give a router: a regional load balancer names the region (or zone) it sits in. */
export type RouterKindChoice =
  | { readonly kind: 'dns' | 'global-lb' }
  | { readonly kind: 'regional-lb'; readonly container: string };

/** Space kept between a moved router and what is already there, px. */
const GAP = 24;
/** Room for a container's title, px (the canvas's region and zone headers). */
const HEADER = { region: 46, zone: 34 } as const;

/** Where a router put into `containerId` goes: below what the container already holds. */
function insideContainer(variant: Variant, boxes: BoxMap, containerId: string): Point {
  const container = variant.nodes.find((n) => n.id === containerId);
  const origin = absolutePosition(variant, boxes, containerId);
  const bottoms = variant.nodes
    .filter((n) => n.parent === containerId)
    .map((n) => boxes.get(n.id))
    .map((box) => (box ? box.y + box.height + GAP : 0));
  const top = container?.kind === 'zone' ? HEADER.zone : HEADER.region;
  return { x: origin.x + 14, y: origin.y + Math.max(top, ...bottoms) };
}

/** Where a router taken out of its region goes: above the top row, over that region. */
function aboveTopLevel(variant: Variant, boxes: BoxMap, node: ModelNode): Point {
  const tops = variant.nodes
    .filter((n) => n.parent === undefined && n.id !== node.id)
    .map((n) => boxes.get(n.id)?.y ?? 0);
  const here = absolutePosition(variant, boxes, node.id);
  return { x: here.x, y: Math.min(0, ...tops) - CARD.height - GAP };
}

/**
 * Gives router `routerId` of variant `variantId` the kind `choice`: DNS keeps its TTL or gets
 * {@link DNS_TTL_SECONDS}, and goes to the top level; a global load balancer loses its TTL and
 * goes to the top level; a regional load balancer loses its TTL and goes into its container.
 * One edit, checked by the document's invariants.
 */
export function setRouterKind(
  doc: NinesDocument,
  variantId: string,
  routerId: string,
  choice: RouterKindChoice,
): EditResult {
  const variant = doc.variants.find((v) => v.id === variantId);
  const node = variant?.nodes.find((n) => n.id === routerId);
  if (!variant || node?.kind !== 'router') return { ok: false, message: `no router "${routerId}"` };
  const parentId = choice.kind === 'regional-lb' ? choice.container : undefined;
  const container = variant.nodes.find((n) => n.id === parentId);
  if (parentId !== undefined && container?.kind !== 'region' && container?.kind !== 'zone') {
    return { ok: false, message: `no region or zone "${parentId}"` };
  }
  let next = doc;
  if (parentId !== node.parent) {
    const boxes = layoutVariant(variant);
    const absolute =
      parentId === undefined
        ? aboveTopLevel(variant, boxes, node)
        : insideContainer(variant, boxes, parentId);
    next = moveNodes(doc, variantId, [{ nodeId: routerId, parentId, absolute }], boxes);
  }
  const ttl =
    choice.kind === 'dns'
      ? node.dnsTtlSeconds !== undefined && node.dnsTtlSeconds > 0
        ? node.dnsTtlSeconds
        : DNS_TTL_SECONDS
      : undefined;
  const updated = updateNodeField(next, variantId, routerId, 'dnsTtlSeconds', ttl);
  return updated.ok ? acceptIfSound(doc, updated.document) : updated;
}
