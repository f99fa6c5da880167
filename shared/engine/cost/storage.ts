/**
 * Storage and backups: object stores (`storageGiB` × the GB-month price) and backups (the
 * protected data set × the copies kept, retentionDays × 86,400 / intervalSeconds, × the backup
 * storage price).
 */
import { lookupPrice } from '../../catalog/price-book';
import { NODE_DEFAULTS } from '../../model/defaults';
import type { DatastoreNode, ModelNode } from '../../model/types';
import { BYTES_PER_GIB, OBJECT_STORAGE_ITEM } from './provider-rates';
import {
  type CostContext,
  bytesPerUnit,
  managedCategory,
  quantityUnit,
  sum,
  type Priced,
} from './context';
import { formatCount } from '../../text';
import { qty } from './format';

export function objectStoragePrice(
  ctx: CostContext,
  provider: string,
  location: string,
): Priced | undefined {
  return ctx.price(
    provider,
    location,
    'object-storage',
    OBJECT_STORAGE_ITEM[provider] ?? 'standard',
  );
}

export function priceObjectStore(
  ctx: CostContext,
  node: ModelNode & { kind: 'objectStore' },
): void {
  const site = ctx.site(node, 'storage');
  if (!site) return;
  if (node.storageGiB === undefined) {
    ctx.miss(node, 'storage', 'no-quantity', 'no storageGiB given');
    return;
  }
  const price = objectStoragePrice(ctx, site.provider, site.location);
  if (!price) {
    ctx.miss(
      node,
      'storage',
      'no-price',
      `no object storage price for ${site.provider} ${site.location}`,
    );
    return;
  }
  const quantity = (node.storageGiB * BYTES_PER_GIB) / bytesPerUnit(price.unit);
  ctx.add(
    node,
    'storage',
    quantity * price.usd,
    `${qty(quantity, quantityUnit(price.unit))} × $${price.usd}/${price.unit}`,
    [price],
  );
}

/**
 * Backups are full copies of the protected data set (`memoryGiB` of the datastore it backs up,
 * else `workload.dataSetGiB`), kept retentionDays × 86,400 / intervalSeconds times (rounded
 * up), stored at the provider's managed-cache backup price when the datastore is a managed
 * type, else at its object storage price. Example: 50 GiB daily for 7 days = 350 GiB =
 * 375.8 GB × $0.023 = $8.64 per month on S3 Standard.
 */
export function priceBackup(ctx: CostContext, node: ModelNode & { kind: 'backup' }): void {
  const site = ctx.site(node, 'backup');
  if (!site) return;
  const protectedStores = ctx.variant.edges
    .filter((e) => e.kind === 'backs-up' && e.from === node.id)
    .map((e) => ctx.byId.get(e.to))
    .filter((n): n is DatastoreNode => n?.kind === 'datastore');
  const interval = node.intervalSeconds ?? (NODE_DEFAULTS.backup.intervalSeconds?.value as number);
  const retention = node.retentionDays ?? (NODE_DEFAULTS.backup.retentionDays?.value as number);
  const copies = Math.ceil((retention * 86400) / interval);
  const dataSets =
    protectedStores.length > 0
      ? protectedStores.map((d) => d.memoryGiB ?? ctx.doc.workload?.dataSetGiB)
      : [ctx.doc.workload?.dataSetGiB];
  if (dataSets.some((d) => d === undefined)) {
    ctx.miss(
      node,
      'backup',
      'no-quantity',
      'backup size unknown: no memoryGiB or workload.dataSetGiB',
    );
    return;
  }
  const gib = sum(dataSets as number[]) * copies;
  const isManaged = protectedStores.some((d) => {
    const type = d.instanceType;
    return (
      type !== undefined &&
      lookupPrice(ctx.book, site.provider, site.location, managedCategory(d), type) !== undefined
    );
  });
  const price = isManaged
    ? ctx.price(site.provider, site.location, 'cache-backup', 'storage')
    : objectStoragePrice(ctx, site.provider, site.location);
  if (!price) {
    ctx.miss(
      node,
      'backup',
      'no-price',
      `no ${isManaged ? 'managed cache backup' : 'object storage'} price for ${site.provider} ${site.location}`,
    );
    return;
  }
  const quantity = (gib * BYTES_PER_GIB) / bytesPerUnit(price.unit);
  ctx.add(
    node,
    'backup',
    quantity * price.usd,
    `${formatCount(copies, 'copy', 'copies')} × ${qty(gib / copies, 'GiB')} = ${qty(quantity, quantityUnit(price.unit))} × $${price.usd}/${price.unit}`,
    [price],
  );
}
