/**
 * The cost engine: the monthly cost of one variant from a dated price book, line by line, with
 * what resilience costs made visible (standby regions, cross-zone and cross-region replication
 * traffic, Active-Active's extra memory) and every price its source. Pure: the price book and
 * the downtime figure come in as parameters. docs/cost.md explains the method for users.
 *
 * Conventions: a month is the price book's `hoursPerMonth` (730 h = 8,760 h / 12, the providers'
 * convention) and 730 × 3,600 = 2,628,000 s; a GB is 10^9 bytes and a GiB 2^30 bytes, each price
 * read in the unit its provider bills (see `PriceUnit`). Missing prices are never guessed: what
 * needs one is listed in `unpriced` and left out of the total.
 */
import { priceDateRangeOf, withDocumentPrices } from '../../catalog/price-book';
import type { ModelNode, NinesDocument } from '../../model/types';
import { TRAFFIC_CATEGORIES } from './provider-rates';
import { CostContext, instancesOf, naturalCategory, sum } from './context';
import { qty, usd } from './format';
import type { CostEstimate, CostLine, CostOptions } from './types';
import { priceActiveActiveMemory, priceInstances } from './compute';
import { priceGlobalRouter, priceLoadBalancer } from './routing';
import { priceBackup, priceObjectStore } from './storage';
import { priceCrossZoneReplication, priceEgress, priceReplicationEdge } from './transfer';

/**
 * Estimates the monthly cost of variant `variantId` of `doc`:
 *
 * - compute: instances × hourly price × hours per month (730), by `instanceType` in the
 *   region's provider and location; a datastore whose type is a managed node type (e.g.
 *   `cache.r7g.large`) takes the managed price (`managed-redis`), else the VM price;
 * - memory: for an Active-Active datastore, the memory it needs beyond what its instances hold,
 *   at the instance's price per GiB-hour (see {@link activeActiveMemoryNeedGiB});
 * - storage (object stores: `storageGiB` × GB-month price) and backups (the protected data set ×
 *   the copies kept, retentionDays × 86,400 / intervalSeconds, × the backup storage price);
 * - load balancers (hourly + processed data = the region's share of internet egress) and global
 *   routing (DNS hosted zone + one health check per target + the router's `queriesPerMonth` at
 *   its routing policy's price per million); without a query volume the queries are unpriced,
 *   because their number depends on resolver caching, not on requests per second;
 * - replication traffic (see {@link replicationGBPerMonth}): cross-region at the sender's
 *   inter-region price, cross-zone inside a tier at the inter-zone price;
 * - internet egress: `workload.egressGiBPerMonth` × the region's traffic share, tiered;
 * - licences: `licenseMonthlyUsd` as given.
 *
 * Per-node `monthlyUsd` replaces every price of the node, `hourlyUsd` replaces the price of one
 * instance-hour (both exactly as given, no discount); replication traffic and egress depend on
 * the workload and are priced regardless. `catalog.prices` replace or extend the book and
 * `catalog.discounts[provider]` takes a share off every book price of that provider.
 *
 * Example: 15 × m7i.large in us-east-1 = 15 × $0.1008 × 730 = $1,103.76 per month.
 *
 * @throws Error when `variantId` is not a variant of `doc` (a programmer error).
 */
export function estimateCost(
  doc: NinesDocument,
  variantId: string,
  options: CostOptions,
): CostEstimate {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`estimateCost: no variant "${variantId}"`);
  const book = withDocumentPrices(options.priceBook, doc.catalog?.prices);
  const ctx = new CostContext(doc, variant, book);
  priceAll(ctx);

  const breakdown = ctx.lines.map((line) =>
    line.region !== null &&
    ctx.standbyRegions.has(line.region) &&
    !TRAFFIC_CATEGORIES.has(line.category)
      ? { ...line, category: 'standby' as const }
      : line,
  );
  const monthly = sum(breakdown.map((l) => l.monthlyUsd));
  const perHour = doc.targets?.downtimeCostPerHour;
  const expected =
    options.downtimeMinutesPerYear === undefined || perHour === undefined
      ? null
      : (options.downtimeMinutesPerYear / 60) * perHour;
  return {
    variantId,
    monthly,
    currency: 'USD',
    breakdown,
    byCategory: totalsBy(breakdown, (l) => l.category),
    byRegion: totalsBy(breakdown, (l) => l.region ?? 'global'),
    byTier: totalsBy(breakdown, (l) => l.tier),
    expectedDowntimeCostPerYear: expected,
    yearlyTotal: 12 * monthly + (expected ?? 0),
    priceBookAsOf: options.priceBook.asOf,
    pricesAsOf:
      priceDateRangeOf(
        book,
        breakdown.flatMap((l) => l.priceKeys),
      ) ?? null,
    unpriced: ctx.unpriced,
    isComplete: ctx.unpriced.length === 0,
  };
}

function priceAll(ctx: CostContext): void {
  for (const node of ctx.byId.values()) priceNode(ctx, node);
  const seen = new Set<string>();
  for (const edge of ctx.variant.edges) {
    if (edge.kind !== 'replicates') continue;
    const pair = [edge.from, edge.to].sort().join('|');
    if (edge.from === edge.to || seen.has(pair)) continue;
    seen.add(pair);
    priceReplicationEdge(ctx, edge.from, edge.to);
  }
  priceEgress(ctx);
}

export function priceNode(ctx: CostContext, node: ModelNode): void {
  if (node.kind === 'region' || node.kind === 'zone') return;
  const category = naturalCategory(node);
  if (node.monthlyUsd !== undefined) {
    ctx.add(node, category, node.monthlyUsd, `monthlyUsd override ${usd(node.monthlyUsd)}`, [
      { key: `${node.id}.monthlyUsd`, source: 'override' },
    ]);
  } else if (node.hourlyUsd !== undefined) {
    const n = instancesOf(node);
    ctx.add(
      node,
      category,
      n * node.hourlyUsd * ctx.hours,
      `${n} × hourlyUsd override $${node.hourlyUsd}/h × ${qty(ctx.hours, 'h')}`,
      [{ key: `${node.id}.hourlyUsd`, source: 'override' }],
    );
    if (node.kind === 'datastore') priceActiveActiveMemory(ctx, node, node.hourlyUsd, 'override');
  } else {
    priceFromBook(ctx, node);
  }
  if (node.kind === 'datastore') priceCrossZoneReplication(ctx, node);
  if (node.licenseMonthlyUsd !== undefined) {
    ctx.add(
      node,
      'licence',
      node.licenseMonthlyUsd,
      `licence ${usd(node.licenseMonthlyUsd)}/month`,
      [{ key: `${node.id}.licenseMonthlyUsd`, source: 'override' }],
    );
  }
}

export function priceFromBook(ctx: CostContext, node: ModelNode): void {
  switch (node.kind) {
    case 'service':
    case 'queue':
    case 'datastore':
      priceInstances(ctx, node);
      return;
    case 'router':
      if (ctx.placement(node).region) priceLoadBalancer(ctx, node);
      else priceGlobalRouter(ctx, node);
      return;
    case 'objectStore':
      priceObjectStore(ctx, node);
      return;
    case 'backup':
      priceBackup(ctx, node);
      return;
    case 'external':
      if (node.licenseMonthlyUsd === undefined) {
        ctx.miss(
          node,
          'other',
          'no-price',
          'third-party dependency: give its fee as monthlyUsd or licenseMonthlyUsd',
        );
      }
      return;
    default:
      return;
  }
}

function totalsBy<K extends string>(
  lines: readonly CostLine[],
  key: (l: CostLine) => K,
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const line of lines) {
    const k = key(line);
    out[k] = (out[k] ?? 0) + line.monthlyUsd;
  }
  return out;
}
