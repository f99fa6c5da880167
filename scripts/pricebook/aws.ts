/**
 * AWS prices of the catalog (`providers.aws`) other than compute (scripts/pricebook/compute.ts),
 * one function per price category; scripts/build-pricebook.ts calls them in this order.
 */
import { arr, num, obj, ref, str, type Json } from './catalog-json';
import type { EntryBook } from './entries';

/** AWS ElastiCache node prices: Redis OSS (ec-pricelist) first, then infracost's older types. */
export function addAwsCache(aws: Json, { put, has }: EntryBook): void {
  const awsRedis = obj(aws.redis, 'aws.redis');
  const ecRows = arr(awsRedis.nodes, 'aws.redis.nodes');
  for (const engine of ['Redis OSS', 'Valkey', 'Redis']) {
    for (const row of ecRows.filter((r) => r.engine === engine)) {
      const category = engine === 'Valkey' ? 'managed-valkey' : 'managed-redis';
      const key = `aws:${str(row.region, 'aws.redis.region')}:${category}:${str(row.type, 'type')}`;
      if (has(key)) continue;
      put(key, num(row.hourly, 'aws.redis.hourly'), 'hour', ref(row.source, 'aws.redis.source'), {
        note:
          typeof row.derived === 'string'
            ? `${engine}; derived ${row.derived}`
            : `ElastiCache node-based, ${engine}`,
      });
    }
  }
  const ecBackup = obj(awsRedis.backupStoragePerGBMonth, 'aws.redis.backupStoragePerGBMonth');
  put(
    `aws:${str(ecBackup.region, 'region')}:cache-backup:storage`,
    num(ecBackup.value, 'aws.redis.backupStoragePerGBMonth.value'),
    'GB-month',
    ref(ecBackup.source, 'aws.redis.backupStoragePerGBMonth.source'),
    { note: 'ElastiCache backup storage' },
  );
}

/** AWS transfer. */
export function addAwsTransfer(aws: Json, { put }: EntryBook): void {
  const awsTransfer = obj(aws.transfer, 'aws.transfer');
  const interAz = obj(awsTransfer.interAZ, 'aws.transfer.interAZ');
  put(
    'aws:global:transfer:inter-az',
    num(interAz.perGBEachDirection, 'aws.transfer.interAZ.perGBEachDirection'),
    'GB-each-direction',
    ref(interAz.source, 'aws.transfer.interAZ.source'),
    { note: 'Intra-region data transfer between Availability Zones, billed out and in' },
  );
  for (const row of arr(awsTransfer.interRegion, 'aws.transfer.interRegion')) {
    const from = str(row.from, 'aws.transfer.interRegion.from');
    const to = str(row.to, 'aws.transfer.interRegion.to');
    const pair = /\((us-[a-z]+-\d)\)/.exec(to)?.[1];
    put(
      `aws:${from}:transfer:inter-region${to === 'other AWS regions' ? '' : `:${pair ?? to}`}`,
      num(row.perGB, 'aws.transfer.interRegion.perGB'),
      'GB',
      ref(row.source, 'aws.transfer.interRegion.source'),
      { note: `out of ${from} to ${to}` },
    );
  }
  for (const row of arr(awsTransfer.internetEgress, 'aws.transfer.internetEgress')) {
    const tier = str(row.tier, 'aws.transfer.internetEgress.tier');
    if (tier !== 'first 10 TB/month')
      throw new Error(`catalog: unexpected AWS egress tier ${tier}`);
    put(
      `aws:${str(row.region, 'region')}:transfer:internet-egress`,
      num(row.perGB, 'aws.transfer.internetEgress.perGB'),
      'GB',
      ref(row.source, 'aws.transfer.internetEgress.source'),
      { upTo: 10240, note: 'first 10 TB/month; the free 100 GB/month allowance is not modelled' },
    );
  }
}

/** AWS load balancers (us-east-1 only in the catalog). */
export function addAwsLoadBalancers(aws: Json, { put }: EntryBook): void {
  const awsLb = obj(aws.loadBalancer, 'aws.loadBalancer');
  for (const [name, lcuField] of [
    ['alb', 'perLCUHour'],
    ['nlb', 'perNLCUHour'],
  ] as const) {
    const lb = obj(awsLb[name], `aws.loadBalancer.${name}`);
    const region = str(lb.region, 'region');
    const src = ref(arr(lb.sources, 'sources')[0], `aws.loadBalancer.${name}.sources`);
    put(`aws:${region}:load-balancer:${name}`, num(lb.hourly, 'hourly'), 'hour', src);
    put(`aws:${region}:load-balancer:${name}-lcu`, num(lb[lcuField], lcuField), 'LCU-hour', src, {
      note:
        name === 'alb'
          ? 'LCU: 25 new conn/s, 3,000 active conn/min, 1 GB/h processed, 1,000 rule evaluations/s'
          : 'NLCU-hour',
    });
  }
}

/** AWS Route 53 and Global Accelerator. */
export function addAwsDns(aws: Json, { put }: EntryBook): void {
  const r53 = obj(aws.dns, 'aws.dns');
  const zone = obj(r53.hostedZonePerMonth, 'aws.dns.hostedZonePerMonth');
  put('aws:global:dns:hosted-zone', num(zone.first25, 'first25'), 'month', ref(zone.source, 's'), {
    note: 'Route 53 hosted zone, first 25',
  });
  const queries = obj(r53.queriesPerMillion, 'aws.dns.queriesPerMillion');
  for (const [policy, item] of [
    ['standard', 'queries-standard'],
    ['latencyBased', 'queries-latency'],
    ['geoDNS_geoproximity', 'queries-geo'],
    ['ipBased', 'queries-ip'],
  ] as const) {
    const q = obj(queries[policy], `aws.dns.queriesPerMillion.${policy}`);
    const src = ref(queries.source, 'aws.dns.queriesPerMillion.source');
    put(`aws:global:dns:${item}`, num(q.first1B, 'first1B'), 'million-queries', src, {
      upTo: 1000,
      note: 'first 1 billion queries/month',
    });
    put(`aws:global:dns:${item}:tier2`, num(q.over1B, 'over1B'), 'million-queries', src, {
      note: 'over 1 billion queries/month',
    });
  }
  const checks = obj(r53.healthChecksPerMonth, 'aws.dns.healthChecksPerMonth');
  const checksSrc = ref(checks.source, 'aws.dns.healthChecksPerMonth.source');
  put('aws:global:dns:health-check', num(checks.basicAwsEndpoint, 'basic'), 'month', checksSrc, {
    note: 'basic health check of an AWS endpoint; the 50 free checks per account are not modelled',
  });
  put(
    'aws:global:dns:health-check-feature',
    num(checks.optionalFeatureAws, 'optionalFeatureAws'),
    'month',
    checksSrc,
    { note: 'each optional feature (e.g. fast 10 s interval) of an AWS-endpoint health check' },
  );
  const ga = obj(obj(aws.globalLoadBalancing, 'aws.globalLoadBalancing').fixedFeeHourly, 'ga');
  put(
    'aws:global:global-accelerator:fixed',
    num(ga.value, 'aws.globalLoadBalancing.fixedFeeHourly.value'),
    'hour',
    ref(arr(ga.sources, 'ga.sources')[0], 'ga.sources'),
  );
}

/** AWS storage. */
export function addAwsStorage(aws: Json, { put }: EntryBook): void {
  for (const row of arr(aws.blockStorage, 'aws.blockStorage')) {
    if (row.missing === true) continue;
    put(
      `aws:${str(row.region, 'region')}:block-storage:${str(row.type, 'type')}`,
      num(row.perGBMonth, 'perGBMonth'),
      'GB-month',
      ref(row.source, 'aws.blockStorage.source'),
    );
  }
  for (const row of arr(aws.objectStorage, 'aws.objectStorage')) {
    if (row.missing === true) continue;
    if (row.class !== 'S3 Standard') throw new Error(`catalog: unexpected S3 class ${row.class}`);
    put(
      `aws:${str(row.region, 'region')}:object-storage:standard`,
      num(row.perGBMonth, 'perGBMonth'),
      'GB-month',
      ref(row.source, 'aws.objectStorage.source'),
      { note: 'S3 Standard' },
    );
  }
}
