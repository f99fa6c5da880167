/**
 * Compute and managed datastores: instances × the book price of one instance-hour (managed type
 * first, then VM type), and the extra memory an Active-Active datastore needs beyond what its
 * instances hold (priced per GiB-hour of the instance).
 */
import { lookupPrice } from '../../catalog/price-book';
import type { DatastoreNode, ModelNode } from '../../model/types';
import {
  ACTIVE_ACTIVE_MEMORY_FACTOR,
  MEMORY_SOURCE,
  REPLICATION_MEMORY_FACTOR,
} from './provider-rates';
import {
  type CostContext,
  instanceTypeOf,
  instancesOf,
  managedCategory,
  naturalCategory,
  type Priced,
} from './context';
import { num, qty, usd4 } from './format';

/**
 * Memory an Active-Active member needs, GiB: data set × 2 when the member keeps a replica of
 * every shard (two or more instances) × 2 for Active-Active (Redis Software, Database memory
 * limits). Example: a 50 GiB data set on a replicated member needs 50 × 2 × 2 = 200 GiB.
 */
export function activeActiveMemoryNeedGiB(dataSetGiB: number, instances: number): number {
  return (
    dataSetGiB * (instances >= 2 ? REPLICATION_MEMORY_FACTOR : 1) * ACTIVE_ACTIVE_MEMORY_FACTOR
  );
}

/** The book price of one instance of a tier: managed datastore type first, then VM type. */
export function instancePrice(
  ctx: CostContext,
  node: ModelNode,
  provider: string,
  location: string,
): Priced | undefined {
  const type = instanceTypeOf(node);
  if (type === undefined) return undefined;
  if (node.kind === 'datastore') {
    const managed = ctx.price(provider, location, managedCategory(node), type);
    if (managed) return managed;
  }
  return ctx.price(provider, location, 'compute', type);
}

export function priceInstances(ctx: CostContext, node: ModelNode): void {
  const category = naturalCategory(node);
  const site = ctx.site(node, category);
  if (!site) return;
  const type = instanceTypeOf(node);
  if (type === undefined) {
    ctx.miss(node, category, 'no-placement', 'no instanceType to price; set one or give hourlyUsd');
    return;
  }
  const price = instancePrice(ctx, node, site.provider, site.location);
  if (!price) {
    ctx.miss(
      node,
      category,
      'no-price',
      `no price for ${type} in ${site.provider} ${site.location}`,
    );
    return;
  }
  const n = instancesOf(node);
  const perInstance = price.unit === 'month' ? price.usd : price.usd * ctx.hours;
  const rate =
    price.unit === 'month' ? `$${price.usd}/month` : `$${price.usd}/h × ${qty(ctx.hours, 'h')}`;
  // A managed node type (ElastiCache `cache.*`, Azure and Memorystore SKUs) says so on its line.
  const managed = /^[^:]+:[^:]+:managed-([^:]+):/.exec(price.key)?.[1];
  const what = managed === undefined ? type : `${type} (managed ${managed} node)`;
  ctx.add(node, category, n * perInstance, `${n} × ${what} × ${rate}`, [price]);
  if (node.kind === 'datastore' && price.unit === 'hour') {
    priceActiveActiveMemory(ctx, node, price.usd, price.source, price.memGiB, price.key);
  }
}

/**
 * The memory an Active-Active member needs beyond what its instances hold, priced at the
 * instance's price per GiB-hour (hourly price / instance memory). Nothing when the member is
 * not Active-Active or holds enough; unpriced when the data set or the memory size is unknown.
 */
export function priceActiveActiveMemory(
  ctx: CostContext,
  node: DatastoreNode,
  hourlyUsd: number,
  source: string,
  memGiB?: number,
  key?: string,
): void {
  if (node.replication !== 'active-active') return;
  const dataSet = node.memoryGiB ?? ctx.doc.workload?.dataSetGiB;
  if (dataSet === undefined) {
    ctx.miss(
      node,
      'memory',
      'no-quantity',
      'Active-Active memory: no memoryGiB or workload.dataSetGiB',
    );
    return;
  }
  let mem = memGiB;
  let memKey = key;
  if (mem === undefined) {
    const site = ctx.placement(node).region;
    const type = node.instanceType;
    const found =
      site?.provider !== undefined && site.location !== undefined && type !== undefined
        ? (lookupPrice(ctx.book, site.provider, site.location, managedCategory(node), type) ??
          lookupPrice(ctx.book, site.provider, site.location, 'compute', type))
        : undefined;
    mem = found?.entry.memGiB;
    memKey = found?.key;
  }
  if (mem === undefined || mem <= 0) {
    ctx.miss(
      node,
      'memory',
      'no-price',
      `Active-Active memory: the price book gives no memory size for ${node.instanceType ?? 'this node'}`,
    );
    return;
  }
  const n = instancesOf(node);
  const need = activeActiveMemoryNeedGiB(dataSet, n);
  const have = n * mem;
  const short = Math.max(0, need - have);
  const perGiBHour = hourlyUsd / mem;
  ctx.add(
    node,
    'memory',
    short * perGiBHour * ctx.hours,
    `Active-Active needs ${qty(need, 'GiB')} (${qty(dataSet, 'GiB')} data${n >= 2 ? ' × 2 replication' : ''} × 2 Active-Active); ` +
      `${num(n)} × ${qty(mem, 'GiB')} = ${qty(have, 'GiB')} provisioned; ${qty(short, 'GiB')} more × ${usd4(perGiBHour)}/GiB-h × ${qty(ctx.hours, 'h')}`,
    [
      { key: memKey ?? `${node.id}.hourlyUsd`, source },
      { key: 'memory-factor', source: MEMORY_SOURCE },
    ],
  );
}
