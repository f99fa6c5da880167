/**
 * GCP prices of the catalog (`providers.gcp`) other than compute (scripts/pricebook/compute.ts),
 * one function per price category; scripts/build-pricebook.ts calls them in this order.
 */
import { arr, num, obj, ref, str, type Json } from './catalog-json';
import type { EntryBook } from './entries';

/** GCP Memorystore. */
export function addGcpRedis(gcp: Json, { put }: EntryBook): void {
  const gRedis = obj(gcp.redis, 'gcp.redis');
  const ms = obj(gRedis.memorystoreForRedis, 'memorystoreForRedis');
  for (const row of arr(ms.perGBHourDerived, 'perGBHourDerived')) {
    const [tierName = '', size = ''] = str(row.tier, 'tier').split(' ');
    put(
      `gcp:${str(ms.region, 'region')}:managed-redis:${tierName}-${size}`,
      num(row.monthly, 'monthly'),
      'month',
      ref(ms.source, 's'),
      {
        note: `Memorystore for Redis ${tierName} ${size} (${num(row.capacityGB, 'capacityGB')} GB) per month`,
      },
    );
  }
  const msc = obj(gRedis.memorystoreRedisCluster, 'memorystoreRedisCluster');
  for (const row of arr(msc.perNodeHourly, 'perNodeHourly')) {
    put(
      `gcp:${str(msc.region, 'region')}:managed-redis:${str(row.nodeType, 'nodeType')}`,
      num(row.hourly, 'hourly'),
      'hour',
      ref(msc.source, 's'),
      { note: `Memorystore Redis Cluster node; derived from ${str(row.sourceFigure, 'sf')}` },
    );
  }
}

/** GCP transfer, load balancing, DNS, storage. */
export function addGcpNetworkAndStorage(gcp: Json, { put }: EntryBook): void {
  const gTransfer = obj(gcp.transfer, 'gcp.transfer');
  const gZone = obj(gTransfer.interZone, 'gcp.transfer.interZone');
  put('gcp:global:transfer:inter-az', num(gZone.perGiB, 'perGiB'), 'GiB', ref(gZone.source, 's'), {
    note: 'inter-zone VM-to-VM in one region',
  });
  for (const row of arr(gTransfer.internetEgressPremium, 'internetEgressPremium')) {
    const region = str(row.region, 'region');
    const tiers = arr(row.tiers, 'tiers');
    const bounds = [1024, 10240, undefined];
    tiers.forEach((t, i) => {
      const upTo = bounds[i];
      put(
        `gcp:${region}:transfer:internet-egress${i === 0 ? '' : `:tier${i + 1}`}`,
        num(t.perGiB, 'perGiB'),
        'GiB',
        ref(row.source, 's'),
        { ...(upTo === undefined ? {} : { upTo }), note: `Premium tier, ${str(t.tier, 'tier')}` },
      );
    });
  }
  const gLb = obj(gcp.loadBalancer, 'gcp.loadBalancer');
  const rules = obj(gLb.forwardingRules, 'forwardingRules');
  put(
    'gcp:us-central1:load-balancer:forwarding-rule',
    num(rules.first5Hourly, 'f'),
    'hour',
    ref(rules.source, 's'),
    {
      note: 'first 5 forwarding rules',
    },
  );
  const processed = obj(gLb.dataProcessedPerGiB, 'dataProcessedPerGiB');
  put(
    `gcp:${str(processed.region, 'region')}:load-balancer:data-processed`,
    num(processed.outbound, 'outbound'),
    'GiB',
    ref(processed.source, 's'),
  );
  const gDns = obj(gcp.dns, 'gcp.dns');
  const gZoneFee = obj(gDns.managedZonePerMonth, 'managedZonePerMonth');
  put('gcp:global:dns:hosted-zone', num(gZoneFee.value, 'v'), 'month', ref(gZoneFee.source, 's'));
  const gQ = obj(gDns.queriesPerMillion, 'gcp.dns.queriesPerMillion');
  for (const [policy, item] of [
    ['regular', 'queries-standard'],
    ['routingPolicy', 'queries-routing-policy'],
  ] as const) {
    const q = obj(gQ[policy], policy);
    put(`gcp:global:dns:${item}`, num(q.first1B, 'f'), 'million-queries', ref(gQ.source, 's'), {
      upTo: 1000,
    });
    put(`gcp:global:dns:${item}:tier2`, num(q.over1B, 'o'), 'million-queries', ref(gQ.source, 's'));
  }
  for (const row of arr(gcp.blockStorage, 'gcp.blockStorage')) {
    put(
      `gcp:${str(row.region, 'region')}:block-storage:pd-${str(row.type, 'type')}`,
      num(row.perGBMonth, 'perGBMonth'),
      'GiB-month',
      ref(row.source, 's'),
    );
  }
  for (const row of arr(gcp.objectStorage, 'gcp.objectStorage')) {
    put(
      `gcp:${str(row.region, 'region')}:object-storage:standard`,
      num(row.perGBMonth, 'perGBMonth'),
      'GiB-month',
      ref(row.source, 's'),
      { note: 'Cloud Storage Standard (regional)' },
    );
  }
}
