/**
 * The redundant-DNS fix (`add-dns-provider`): a second DNS provider beside a router, and the
 * resolvers' choice between the two.
 */
import type { NinesDocument, RouterNode, Variant } from '../types';
import type { FixOp } from './fix-op';
import {
  ADDED_NODE_OFFSET_Y,
  dep,
  nodeOfKind,
  replaceNode,
  unusedId,
  withEdges,
  withNode,
} from './fix-edits';

/**
 * Seconds a recursive resolver waits for a name server before it asks another: Microsoft DNS
 * Server's recursion `RetryInterval` default, 3 s (BIND and Unbound adapt theirs to the
 * measured round trip, usually below a second). With two providers' name servers in the
 * delegation, this is how long a query waits when one provider is down.
 */
export const RESOLVER_RETRY_SECONDS = 3;

/** Horizontal distance between the first DNS provider and the second, px. */
const SECOND_PROVIDER_OFFSET_X = 240;

/**
 * A second DNS provider: name servers of two providers are listed in the domain's delegation,
 * and recursive resolvers ask one and retry the other on a timeout (RFC 1034 §5.3.3). The choice
 * is made by the resolvers, not by a component of the design: `resolverId` is a router that
 * cannot fail (availability 1, so no single point of failure) and costs nothing (monthlyUsd 0:
 * the registrar lists both providers' name servers at no charge beyond the domain), which
 * detects a dead provider in one resolver retry. The second provider copies the first's
 * routing (targets, health checks, TTL, policy) and availability figure, independent of it,
 * without its price overrides (the engine prices it from the book); the DNS queries, a property
 * of the resolvers' caching, are split evenly between the two. The resolver takes the first
 * router's place: the variant's entry, and every `depends` edge to it.
 */
export function addDnsProvider(
  doc: NinesDocument,
  variant: Variant,
  op: Extract<FixOp, { kind: 'add-dns-provider' }>,
): Variant {
  const router = nodeOfKind(variant, op.routerId, 'router');
  for (const id of [op.newId, op.resolverId]) {
    if (op.newId === op.resolverId || unusedId(doc, variant, id) !== id) {
      throw new Error(`applyFix: a node "${id}" already exists`);
    }
  }
  const name = router.name ?? router.id;
  const queries =
    router.queriesPerMonth === undefined ? {} : { queriesPerMonth: router.queriesPerMonth / 2 };
  const first: RouterNode = { ...router, ...queries };
  // Its own price comes from the book: the first's overrides and notes are not copied.
  const {
    monthlyUsd: _monthly,
    hourlyUsd: _hourly,
    licenseMonthlyUsd: _licence,
    notes: _notes,
    ...routing
  } = first;
  const second: RouterNode = {
    ...routing,
    id: op.newId,
    name: 'Second DNS provider',
    notes:
      `Added by the advisor beside ${name}: the same routing, targets and availability figure ` +
      `(an assumption: set your provider's), failing independently of it; priced from the price ` +
      `book as ${name} would be (set monthlyUsd for your provider's price). The DNS queries are ` +
      `split evenly between the two providers.`,
  };
  const resolver: RouterNode = {
    id: op.resolverId,
    kind: 'router',
    name: 'Either DNS provider',
    ...(router.parent === undefined ? {} : { parent: router.parent }),
    availability: 1,
    monthlyUsd: 0,
    minTargets: 1,
    healthCheckSeconds: RESOLVER_RETRY_SECONDS,
    failureThreshold: 1,
    dnsTtlSeconds: 0,
    notes:
      `Not a component: the domain's delegation lists the name servers of ${name} and of the ` +
      `second provider, and recursive resolvers retry the other after a timeout (RFC 1034 ` +
      `§5.3.3; ${RESOLVER_RETRY_SECONDS} s, Microsoft DNS Server's default retry interval). It ` +
      `cannot fail by itself (availability 1) and costs nothing beyond the domain (monthlyUsd 0).`,
  };
  const at = variant.layout?.[router.id];
  let next = withNode(
    replaceNode(variant, first),
    second,
    at && { ...at, x: at.x + SECOND_PROVIDER_OFFSET_X },
  );
  next = withNode(
    next,
    resolver,
    at && { x: at.x + SECOND_PROVIDER_OFFSET_X / 2, y: at.y - ADDED_NODE_OFFSET_Y },
  );
  const edges = next.edges.map((e) =>
    e.kind === 'depends' && e.to === router.id ? { ...e, to: resolver.id } : e,
  );
  const copied = variant.edges
    .filter((e) => e.kind === 'depends' && e.from === router.id)
    .map((e) => ({ ...e, from: second.id }));
  next = withEdges(
    { ...next, edges, entry: variant.entry === router.id ? resolver.id : variant.entry },
    [...copied, dep(resolver.id, router.id), dep(resolver.id, second.id)],
  );
  return next;
}
