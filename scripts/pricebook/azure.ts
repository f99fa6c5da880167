/**
 * Azure prices of the catalog (`providers.azure`) other than compute (scripts/pricebook/compute.ts),
 * one function per price category; scripts/build-pricebook.ts calls them in this order.
 */
import { arr, num, obj, ref, str, type Json } from './catalog-json';
import type { EntryBook } from './entries';

/** Azure geographies of the catalog's Azure regions, for the "within North America or within
 * Europe" inter-region rate (blog-lucidity), which applies only to pairs in one geography. */
const AZURE_GEOGRAPHY: Readonly<Record<string, string>> = {
  eastus: 'north-america',
  westus2: 'north-america',
  westeurope: 'europe',
};

/** Azure managed Redis: Azure Cache for Redis per node, Azure Managed Redis per instance. */
export function addAzureRedis(azure: Json, { put }: EntryBook): void {
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
}

/** Azure transfer (low-confidence blog figures where no Microsoft source was found). */
export function addAzureTransfer(azure: Json, { put }: EntryBook): void {
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
}

/** Azure load balancing and DNS. */
export function addAzureLoadBalancingAndDns(azure: Json, { put }: EntryBook): void {
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
  const queryTiers = (key: string, tiers: Json): void => {
    // The first billion queries a month (1,000 million), then the rest.
    put(key, num(tiers.first1B, 'f'), 'million-queries', ref(tiers.source, 's'), { upTo: 1000 });
    put(`${key}:tier2`, num(tiers.over1B, 'o'), 'million-queries', ref(tiers.source, 's'));
  };
  const azDns = obj(azure.dns, 'azure.dns');
  const azZone = obj(azDns.hostedZonePerMonth, 'azure.dns.hostedZonePerMonth');
  put('azure:global:dns:hosted-zone', num(azZone.value, 'v'), 'month', ref(azZone.source, 's'));
  const azQ = obj(azDns.queriesPerMillion, 'azure.dns.queriesPerMillion');
  queryTiers('azure:global:dns:queries-standard', azQ);
  const tm = obj(obj(azure.globalLoadBalancing, 'g').trafficManager, 'trafficManager');
  const tmQ = obj(tm.dnsQueriesPerMillion, 'dnsQueriesPerMillion');
  queryTiers('azure:global:traffic-manager:queries', tmQ);
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
}

/** Azure object storage (Blob Hot LRS). */
export function addAzureObjectStorage(azure: Json, { put }: EntryBook): void {
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
}
