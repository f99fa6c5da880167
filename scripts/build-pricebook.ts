/**
 * Builds assets/pricing/pricebook.json from the project's price catalog
 * (data/pricing/catalog.json, committed with its sources; or the path given as the first
 * argument): every price becomes one flat entry `provider:location:category:item` with its
 * unit, source id and the source's as-of date. Nothing is estimated: catalog rows marked missing stay out of the book.
 *
 * Run `npx tsx scripts/build-pricebook.ts` after the catalog changes; a unit test fails when the
 * committed book differs from what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  priceBookSchema,
  type PriceBook,
  type PriceEntry,
  type PriceSource,
  type PriceUnit,
} from '../shared/catalog/price-book';

/** The price catalog, committed in data/pricing/ with its sources (data/README.md). */
export const CATALOG_URL = new URL('../data/pricing/catalog.json', import.meta.url);
/** Where the bundled book is written. */
export const PRICEBOOK_URL = new URL('../assets/pricing/pricebook.json', import.meta.url);

type Json = Record<string, unknown>;
type SourceRef = string | { source: string; fileLastChanged?: string };

const obj = (value: unknown, what: string): Json => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`catalog: ${what} is not an object`);
  }
  return value as Json;
};
const arr = (value: unknown, what: string): Json[] => {
  if (!Array.isArray(value)) throw new Error(`catalog: ${what} is not an array`);
  return value as Json[];
};
const num = (value: unknown, what: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`catalog: ${what} is not a number`);
  }
  return value;
};
const str = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new Error(`catalog: ${what} is not a string`);
  return value;
};

/** Azure geographies of the catalog's Azure regions, for the "within North America or within
 * Europe" inter-region rate (blog-lucidity), which applies only to pairs in one geography. */
const AZURE_GEOGRAPHY: Readonly<Record<string, string>> = {
  eastus: 'north-america',
  westus2: 'north-america',
  westeurope: 'europe',
};

/** Sources of figures the cost engine uses that are not prices (not in the catalog). */
const MODEL_SOURCES: Readonly<Record<string, PriceSource>> = {
  'redis-memory-limit': {
    title:
      'Redis Software docs: Database memory limits (replication doubles memory; Active-Active needs double the memory of regular replication)',
    where: 'https://redis.io/docs/latest/operate/rs/databases/memory-performance/memory-limit/',
    asOf: 'page crawl date unknown',
    confidence: 'primary (docs, no prices)',
  },
};

/** Builds the price book from the parsed catalog; throws when the catalog's shape changed. */
export function buildPriceBook(catalogJson: unknown): PriceBook {
  const catalog = obj(catalogJson, 'root');
  const rawSources = obj(catalog.sources, 'sources');
  const sources: Record<string, PriceSource> = {};
  for (const id of Object.keys(rawSources).sort()) {
    const s = obj(rawSources[id], `sources.${id}`);
    const where =
      typeof s.repo === 'string'
        ? `${s.repo}${typeof s.path === 'string' ? ` : ${s.path}` : ''}`
        : str(s.url, `sources.${id}.url`);
    sources[id] = {
      title: str(s.title, `sources.${id}.title`),
      where,
      ...(typeof s.commit === 'string' && /^[0-9a-f]{40}$/.test(s.commit)
        ? { commit: s.commit }
        : {}),
      asOf: str(s.asOf, `sources.${id}.asOf`),
      confidence: str(s.confidence, `sources.${id}.confidence`),
    };
  }

  for (const [id, source] of Object.entries(MODEL_SOURCES)) {
    if (sources[id]) throw new Error(`catalog: source id ${id} is already taken`);
    sources[id] = source;
  }
  const sortedSources: Record<string, PriceSource> = {};
  for (const id of Object.keys(sources).sort()) sortedSources[id] = sources[id] as PriceSource;

  const entries: Record<string, PriceEntry> = {};
  const put = (
    key: string,
    usd: number,
    unit: PriceUnit,
    ref: SourceRef,
    extra: { upTo?: number; memGiB?: number; note?: string } = {},
  ): void => {
    const id = typeof ref === 'string' ? ref : ref.source;
    const source = sources[id];
    if (!source) throw new Error(`catalog: unknown source "${id}" for ${key}`);
    if (entries[key]) throw new Error(`catalog: two prices for ${key}`);
    const asOf = typeof ref === 'object' && ref.fileLastChanged ? ref.fileLastChanged : source.asOf;
    entries[key] = { usd, unit, source: id, asOf, ...extra };
  };
  const ref = (value: unknown, what: string): SourceRef => {
    if (typeof value === 'string') return value;
    const o = obj(value, what);
    return {
      source: str(o.source, `${what}.source`),
      ...(typeof o.fileLastChanged === 'string' ? { fileLastChanged: o.fileLastChanged } : {}),
    };
  };

  const providers = obj(catalog.providers, 'providers');
  const aws = obj(providers.aws, 'aws');
  const azure = obj(providers.azure, 'azure');
  const gcp = obj(providers.gcp, 'gcp');

  // Compute: on-demand Linux, USD per instance-hour, with the instance's memory.
  for (const [provider, p] of [
    ['aws', aws],
    ['azure', azure],
    ['gcp', gcp],
  ] as const) {
    for (const row of arr(p.compute, `${provider}.compute`)) {
      const type = str(row.type, `${provider}.compute.type`);
      const region = str(row.region, `${provider}.compute.region`);
      put(
        `${provider}:${region}:compute:${type}`,
        num(row.hourly, `${provider}.compute.hourly`),
        'hour',
        ref(row.source, `${provider}.compute.source`),
        { memGiB: num(row.memGiB, `${provider}.compute.memGiB`) },
      );
    }
  }

  // AWS ElastiCache node prices: Redis OSS (ec-pricelist) first, then infracost's older types.
  const awsRedis = obj(aws.redis, 'aws.redis');
  const ecRows = arr(awsRedis.nodes, 'aws.redis.nodes');
  for (const engine of ['Redis OSS', 'Valkey', 'Redis']) {
    for (const row of ecRows.filter((r) => r.engine === engine)) {
      const category = engine === 'Valkey' ? 'managed-valkey' : 'managed-redis';
      const key = `aws:${str(row.region, 'aws.redis.region')}:${category}:${str(row.type, 'type')}`;
      if (entries[key]) continue;
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

  // AWS transfer.
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

  // AWS load balancers (us-east-1 only in the catalog).
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

  // AWS Route 53 and Global Accelerator.
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

  // AWS storage.
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

  // Azure managed Redis: Azure Cache for Redis per node, Azure Managed Redis per instance.
  const azRedis = obj(azure.redis, 'azure.redis');
  const acr = obj(azRedis.azureCacheForRedis, 'azure.redis.azureCacheForRedis');
  for (const row of arr(acr.perNodeHourly, 'perNodeHourly')) {
    put(
      `azure:${str(acr.region, 'region')}:managed-redis:${str(row.sku, 'sku')}`,
      num(row.hourly, 'hourly'),
      'hour',
      ref(acr.source, 'azure.redis.azureCacheForRedis.source'),
      { note: `Azure Cache for Redis, per node; derived ${str(row.derived, 'derived')}` },
    );
  }
  const amr = obj(azRedis.azureManagedRedis, 'azure.redis.azureManagedRedis');
  for (const row of arr(amr.perInstanceHourly, 'perInstanceHourly')) {
    put(
      `azure:${str(amr.region, 'region')}:managed-redis:${str(row.sku, 'sku')}`,
      num(row.hourly, 'hourly'),
      'hour',
      ref(amr.source, 'azure.redis.azureManagedRedis.source'),
      {
        note: `Azure Managed Redis, per instance (high availability = 2 instances); derived ${str(row.derived, 'derived')}`,
      },
    );
  }

  // Azure transfer (low-confidence blog figures where no Microsoft source was found).
  const azTransfer = obj(azure.transfer, 'azure.transfer');
  const azInterAz = obj(azTransfer.interAZ, 'azure.transfer.interAZ');
  put(
    'azure:global:transfer:inter-az',
    num(azInterAz.perGB, 'perGB'),
    'GB',
    ref(azInterAz.source, 's'),
    {
      note: 'low confidence: AZ-to-AZ transfer reported free since 2023; no Microsoft source',
    },
  );
  const within = arr(azTransfer.interRegion, 'azure.transfer.interRegion').find(
    (r) => r.scope === 'between regions within North America or within Europe',
  );
  if (!within) throw new Error('catalog: Azure within-geography inter-region rate not found');
  for (const from of Object.keys(AZURE_GEOGRAPHY)) {
    for (const to of Object.keys(AZURE_GEOGRAPHY)) {
      if (from === to || AZURE_GEOGRAPHY[from] !== AZURE_GEOGRAPHY[to]) continue;
      put(
        `azure:${from}:transfer:inter-region:${to}`,
        num(within.perGB, 'perGB'),
        'GB',
        ref(within.source, 's'),
        { note: 'low confidence: between regions within North America or within Europe' },
      );
    }
  }
  const azEgress = arr(azTransfer.internetEgress, 'azure.transfer.internetEgress');
  const free = azEgress.find((r) => r.scope === 'first 100 GB/month');
  const next = azEgress.find((r) => String(r.scope).startsWith('next ~10 TB'));
  if (!free || !next) throw new Error('catalog: Azure internet egress tiers not found');
  put(
    'azure:global:transfer:internet-egress',
    num(free.perGB, 'perGB'),
    'GB',
    ref(free.source, 's'),
    {
      upTo: 100,
      note: 'low confidence: first 100 GB/month free',
    },
  );
  put(
    'azure:global:transfer:internet-egress:tier2',
    num(next.perGB, 'perGB'),
    'GB',
    ref(next.source, 's'),
    { upTo: 10240, note: "low confidence: source says '~$0.087/GB (first 10 TB)'" },
  );

  // Azure load balancing and DNS.
  const azLb = obj(azure.loadBalancer, 'azure.loadBalancer');
  const slb = obj(azLb.standardLB, 'azure.loadBalancer.standardLB');
  put(
    'azure:eastus:load-balancer:standard-rule',
    num(slb.perRuleHour, 'r'),
    'rule-hour',
    ref(slb.source, 's'),
    {
      note: 'Standard Load Balancer rule',
    },
  );
  put(
    'azure:eastus:load-balancer:standard-data',
    num(slb.dataProcessedPerGB, 'dataProcessedPerGB'),
    'GB',
    ref(slb.dataProcessedSource, 's'),
    { note: 'Standard Load Balancer data processed' },
  );
  for (const [field, item] of [
    ['applicationGatewayStandardV2', 'appgw-standard-v2'],
    ['applicationGatewayWAFV2', 'appgw-waf-v2'],
  ] as const) {
    const gw = obj(azLb[field], field);
    const region = str(gw.region, 'region');
    put(
      `azure:${region}:load-balancer:${item}`,
      num(gw.fixedHourly, 'f'),
      'hour',
      ref(gw.source, 's'),
    );
    put(
      `azure:${region}:load-balancer:${item}-cu`,
      num(gw.perCapacityUnitHour, 'cu'),
      'CU-hour',
      ref(gw.source, 's'),
    );
  }
  const azDns = obj(azure.dns, 'azure.dns');
  const azZone = obj(azDns.hostedZonePerMonth, 'azure.dns.hostedZonePerMonth');
  put('azure:global:dns:hosted-zone', num(azZone.value, 'v'), 'month', ref(azZone.source, 's'));
  const azQ = obj(azDns.queriesPerMillion, 'azure.dns.queriesPerMillion');
  put(
    'azure:global:dns:queries-standard',
    num(azQ.first1B, 'f'),
    'million-queries',
    ref(azQ.source, 's'),
    {
      upTo: 1000,
    },
  );
  put(
    'azure:global:dns:queries-standard:tier2',
    num(azQ.over1B, 'o'),
    'million-queries',
    ref(azQ.source, 's'),
  );
  const tm = obj(obj(azure.globalLoadBalancing, 'g').trafficManager, 'trafficManager');
  const tmQ = obj(tm.dnsQueriesPerMillion, 'dnsQueriesPerMillion');
  put(
    'azure:global:traffic-manager:queries',
    num(tmQ.first1B, 'f'),
    'million-queries',
    ref(tmQ.source, 's'),
    {
      upTo: 1000,
    },
  );
  put(
    'azure:global:traffic-manager:queries:tier2',
    num(tmQ.over1B, 'o'),
    'million-queries',
    ref(tmQ.source, 's'),
  );
  const tmChecks = obj(tm.healthChecksPerEndpointMonth, 'healthChecksPerEndpointMonth');
  const tmSrc = ref(arr(tmChecks.sources, 'sources')[0], 'tm.sources');
  put(
    'azure:global:traffic-manager:health-check',
    num(tmChecks.azureEndpointBasic, 'b'),
    'month',
    tmSrc,
    {
      note: 'per Azure endpoint per month',
    },
  );
  put(
    'azure:global:traffic-manager:health-check-feature',
    num(tmChecks.azureEndpointFastIntervalAddOn, 'f'),
    'month',
    tmSrc,
    { note: 'fast-interval add-on per Azure endpoint per month' },
  );

  // Azure object storage (Blob Hot LRS).
  for (const row of arr(azure.objectStorage, 'azure.objectStorage')) {
    if (!String(row.class).startsWith('Blob Hot LRS')) continue;
    put(
      `azure:${str(row.region, 'region')}:object-storage:hot-lrs`,
      num(row.perGBMonth, 'perGBMonth'),
      'GB-month',
      ref(row.source, 's'),
      { note: `Blob Hot LRS, tier: ${str(row.tier, 'tier')}` },
    );
  }

  // GCP Memorystore.
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

  // GCP transfer, load balancing, DNS, storage.
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

  const sortedEntries: Record<string, PriceEntry> = {};
  for (const key of Object.keys(entries).sort()) sortedEntries[key] = entries[key] as PriceEntry;
  const book: PriceBook = {
    format: 'nines-pricebook/1',
    asOf: str(catalog.asOf, 'asOf'),
    currency: 'USD',
    hoursPerMonth: num(catalog.hoursPerMonth, 'hoursPerMonth'),
    sources: sortedSources,
    entries: sortedEntries,
  };
  priceBookSchema.parse(book);
  return book;
}

/** The text of pricebook.json: 2-space JSON with a final newline. */
export function serializePriceBook(book: PriceBook): string {
  return `${JSON.stringify(book, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const from = process.argv[2] ?? fileURLToPath(CATALOG_URL);
  const book = buildPriceBook(JSON.parse(readFileSync(from, 'utf8')));
  writeFileSync(PRICEBOOK_URL, serializePriceBook(book));
  process.stdout.write(
    `assets/pricing/pricebook.json: ${Object.keys(book.entries).length} prices, as of ${book.asOf}\n`,
  );
}
