/**
 * Data transfer: replication traffic (cross-zone inside a tier at the inter-zone price,
 * cross-region at the sender's inter-region price) and internet egress (the workload's egress
 * × the region's traffic share, tiered).
 */
import { lookupPrice, priceTiers } from '../../catalog/price-book';
import type { DatastoreNode, ModelNode, RegionNode } from '../../model/types';
import { BYTES_PER_GB, BYTES_PER_GIB, SECONDS_PER_HOUR } from './provider-rates';
import { type CostContext, bytesPerUnit, instancesOf, quantityUnit, throughTiers } from './context';
import { num, qty } from './format';
import type { CostCategory } from './types';

/**
 * Replication volume of a stream of writes, GB (10^9 bytes) per month:
 * writesPerSecond × avgWriteBytes × seconds per month (730 h × 3,600 = 2,628,000 s) / 10^9,
 * for one receiving peer. Example: 2,000 writes/s × 1,024 B → 5,382.144 GB per month, which
 * costs $107.64 per month to one peer in another AWS region at $0.02/GB.
 */
export function replicationGBPerMonth(
  writesPerSecond: number,
  avgWriteBytes: number,
  hoursPerMonth: number,
): number {
  return (writesPerSecond * avgWriteBytes * hoursPerMonth * SECONDS_PER_HOUR) / BYTES_PER_GB;
}

export function writeBytesPerMonth(ctx: CostContext): number | undefined {
  const w = ctx.doc.workload;
  if (w?.writesPerSecond === undefined || w.avgWriteBytes === undefined) return undefined;
  return replicationGBPerMonth(w.writesPerSecond, w.avgWriteBytes, ctx.hours) * BYTES_PER_GB;
}

/**
 * Replication inside one datastore tier placed in a region: instance 0 is the primary in the
 * region's first zone, instance i sits in zone i mod z (FORMAT.md), and every replica outside
 * the primary's zone receives every write. A tier placed in one zone, or in a region without
 * zones, has no cross-zone traffic.
 */
export function priceCrossZoneReplication(ctx: CostContext, node: DatastoreNode): void {
  const n = instancesOf(node);
  if (n < 2 || (node.replication ?? 'none') === 'none') return;
  const place = ctx.placement(node);
  if (!place.region || place.zone !== undefined) return;
  const zones = ctx.zonesOf.get(place.region.id)?.length ?? 0;
  if (zones < 2) return;
  let remote = 0;
  for (let i = 1; i < n; i += 1) if (i % zones !== 0) remote += 1;
  if (remote === 0) return;
  priceTransfer(ctx, node, 'crossZoneTransfer', {
    item: 'inter-az',
    peers: remote,
    share: 1,
    what: 'to replicas in other zones',
  });
}

/**
 * Replication traffic sent by `sender`: the write stream × `share` × `peers` receivers, at
 * the sender's transfer price `item` (the price for the receiver's location `to` first).
 */
export function priceTransfer(
  ctx: CostContext,
  sender: ModelNode,
  category: CostCategory,
  stream: { item: string; to?: string; peers: number; share: number; what: string },
): void {
  const { item, to, peers, share, what } = stream;
  const bytes = writeBytesPerMonth(ctx);
  if (bytes === undefined) {
    ctx.miss(
      sender,
      category,
      'no-quantity',
      'replication volume unknown: workload.writesPerSecond or avgWriteBytes not given',
    );
    return;
  }
  const site = ctx.site(sender, category);
  if (!site) return;
  const price =
    (to === undefined
      ? undefined
      : ctx.price(site.provider, site.location, 'transfer', `${item}:${to}`)) ??
    ctx.price(site.provider, site.location, 'transfer', item);
  if (!price) {
    ctx.miss(
      sender,
      category,
      'no-price',
      `no ${item} transfer price for ${site.provider} ${site.location}${to === undefined ? '' : ` → ${to}`}`,
    );
    return;
  }
  const quantity = (bytes * share * peers) / bytesPerUnit(price.unit);
  const directions = price.unit === 'GB-each-direction' ? 2 : 1;
  const w = ctx.doc.workload;
  ctx.add(
    sender,
    category,
    quantity * price.usd * directions,
    `${qty(w?.writesPerSecond ?? 0, 'writes/s')}${share === 1 ? '' : ` × ${num(share)} share`} × ${qty(w?.avgWriteBytes ?? 0, 'B')} × ${qty(ctx.hours * SECONDS_PER_HOUR, 's')} × ${peers} ${what} = ` +
      `${qty(quantity, quantityUnit(price.unit))} × $${price.usd}/${price.unit}${directions === 2 ? ' × 2 directions' : ''}`,
    [price],
  );
}

/**
 * One `replicates` edge between datastores in two regions: Active-Active members each send
 * their region's share of the writes to the other; otherwise the primary (role `primary`,
 * else the edge's `from`) sends every write to the other member. Each direction is priced at
 * the sender's inter-region price (a pair-specific price first).
 */
export function priceReplicationEdge(ctx: CostContext, fromId: string, toId: string): void {
  const a = ctx.byId.get(fromId);
  const b = ctx.byId.get(toId);
  if (a?.kind !== 'datastore' || b?.kind !== 'datastore') return;
  const ra = ctx.placement(a).region;
  const rb = ctx.placement(b).region;
  if (!ra || !rb || ra.id === rb.id) {
    priceSameRegionPair(ctx, a, b);
    return;
  }
  if (ra.provider !== rb.provider) {
    ctx.miss(
      a,
      'crossRegionTransfer',
      'cross-provider',
      `replication ${a.id} → ${b.id} crosses providers (${ra.provider ?? '?'} → ${rb.provider ?? '?'}): internet egress rates apply; give catalog.prices`,
    );
    return;
  }
  const isActiveActive = a.replication === 'active-active' && b.replication === 'active-active';
  if (isActiveActive) {
    for (const [s, r, region, peerRegion] of [
      [a, b, ra, rb],
      [b, a, rb, ra],
    ] as const) {
      const share = ctx.shares.get(region.id) ?? 0;
      if (share === 0) continue;
      priceTransfer(ctx, s, 'crossRegionTransfer', {
        item: 'inter-region',
        ...(peerRegion.location === undefined ? {} : { to: peerRegion.location }),
        peers: 1,
        share,
        what: `to ${r.id}`,
      });
    }
    return;
  }
  const [sender, receiver, peerRegion] =
    b.role === 'primary' && a.role !== 'primary' ? [b, a, ra] : [a, b, rb];
  priceTransfer(ctx, sender, 'crossRegionTransfer', {
    item: 'inter-region',
    ...(peerRegion.location === undefined ? {} : { to: peerRegion.location }),
    peers: 1,
    share: 1,
    what: `to ${receiver.id}`,
  });
}

/** Two members of one region joined by `replicates`: cross-zone when placed in two zones. */
export function priceSameRegionPair(ctx: CostContext, a: DatastoreNode, b: DatastoreNode): void {
  const za = ctx.placement(a).zone;
  const zb = ctx.placement(b).zone;
  if (za === undefined || zb === undefined || za === zb) return;
  const [sender, receiver] = b.role === 'primary' && a.role !== 'primary' ? [b, a] : [a, b];
  priceTransfer(ctx, sender, 'crossZoneTransfer', {
    item: 'inter-az',
    peers: 1,
    share: 1,
    what: `to ${receiver.id}`,
  });
}

/** Internet egress: `workload.egressGiBPerMonth` × each region's traffic share, tiered. */
export function priceEgress(ctx: CostContext): void {
  const egress = ctx.doc.workload?.egressGiBPerMonth;
  if (egress === undefined || egress === 0) return;
  for (const [regionId, share] of ctx.shares) {
    if (share === 0) continue;
    const region = ctx.byId.get(regionId) as RegionNode;
    const site = ctx.site(region, 'egress');
    if (!site) continue;
    const first = lookupPrice(
      ctx.book,
      site.provider,
      site.location,
      'transfer',
      'internet-egress',
    );
    if (!first) {
      ctx.miss(
        region,
        'egress',
        'no-price',
        `no internet egress price for ${site.provider} ${site.location}`,
      );
      continue;
    }
    const tiers = priceTiers(ctx.book, first.key).map((t) => ctx.discounted(t, site.provider));
    const unit = tiers[0]?.unit ?? 'GB';
    const quantity = (egress * share * BYTES_PER_GIB) / bytesPerUnit(unit);
    const { total, parts, remaining, lastBound } = throughTiers(tiers, quantity, (q) =>
      qty(q, quantityUnit(unit)),
    );
    ctx.add(
      region,
      'egress',
      total,
      `internet egress ${num(share)} of ${qty(egress, 'GiB')}: ${parts.join(' + ')}`,
      tiers,
    );
    if (remaining > 1e-9) {
      ctx.miss(
        region,
        'egress',
        'no-price',
        `${qty(remaining, quantityUnit(unit))} of egress beyond the last tier in the price book (${qty(lastBound, quantityUnit(unit))})`,
      );
    }
  }
}
