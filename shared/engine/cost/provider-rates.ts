/**
 * The fixed facts the cost engine prices by: units (GB, GiB, seconds per hour), the memory
 * factors of Redis replication and Active-Active with their source, and per provider the price
 * book items of load balancers, global routing, health checks and object storage.
 */
import type { RouterNode } from '../../model/types';
import type { CostCategory } from './types';

export const BYTES_PER_GB = 1e9;
export const BYTES_PER_GIB = 2 ** 30;
export const SECONDS_PER_HOUR = 3600;

/**
 * Memory factor of Redis Active-Active over the same database without it: "enabling
 * Active-Active replication requires double the memory of regular replication" (Redis
 * Software docs, Database memory limits,
 * https://redis.io/docs/latest/operate/rs/databases/memory-performance/memory-limit/).
 */
export const ACTIVE_ACTIVE_MEMORY_FACTOR = 2;
/**
 * Memory factor of in-tier replication (a replica of every shard): "enabling replication
 * doubles memory consumption" (same page; catalog source `redis-ha-docs` says the same of
 * Redis Cloud).
 */
export const REPLICATION_MEMORY_FACTOR = 2;
/** Source id (in the price book's sources) of the two memory factors. */
export const MEMORY_SOURCE = 'redis-memory-limit';

/** How a regional router (load balancer) is priced per provider: a fixed hourly item and a
 * per-volume item for the data it processes. Other providers (e.g. `custom`) use `lb`. */
export const LOAD_BALANCER: Readonly<Record<string, { fixed: string; processed?: string }>> = {
  aws: { fixed: 'alb', processed: 'alb-lcu' },
  azure: { fixed: 'standard-rule', processed: 'standard-data' },
  gcp: { fixed: 'forwarding-rule', processed: 'data-processed' },
};
/** How a global router is priced per provider: a fixed item and one health check per target
 * (plus the fast-interval feature when checks run every 10 s or faster). */
export const GLOBAL_ROUTING: Readonly<
  Record<string, { fixed?: string; check: string; fastCheck: string; category: string }>
> = {
  aws: {
    fixed: 'hosted-zone',
    check: 'health-check',
    fastCheck: 'health-check-feature',
    category: 'dns',
  },
  azure: { check: 'health-check', fastCheck: 'health-check-feature', category: 'traffic-manager' },
};
export const DEFAULT_GLOBAL_ROUTING = {
  fixed: 'hosted-zone',
  check: 'health-check',
  fastCheck: 'health-check-feature',
  category: 'dns',
};
/**
 * The price book item of a million DNS queries per provider and routing policy (in the
 * provider's global routing category): Route 53 prices simple, latency, geo and IP-based
 * queries apart; Cloud DNS prices routing-policy queries apart from plain ones; Traffic Manager
 * has one query price. Other providers (e.g. `custom`) use `dns:queries`.
 */
/** A DNS routing policy (`simple` when a router gives none). */
export type DnsRoutingPolicy = NonNullable<RouterNode['routingPolicy']>;

export const DNS_QUERY_ITEM: Readonly<Record<string, Readonly<Record<DnsRoutingPolicy, string>>>> =
  {
    aws: {
      simple: 'queries-standard',
      latency: 'queries-latency',
      geo: 'queries-geo',
      'ip-based': 'queries-ip',
    },
    azure: { simple: 'queries', latency: 'queries', geo: 'queries', 'ip-based': 'queries' },
    gcp: {
      simple: 'queries-standard',
      latency: 'queries-routing-policy',
      geo: 'queries-routing-policy',
      'ip-based': 'queries-routing-policy',
    },
  };
export const DEFAULT_DNS_QUERY_ITEM = 'queries';

/** Object storage class used for backups and object stores per provider (else `standard`). */
export const OBJECT_STORAGE_ITEM: Readonly<Record<string, string>> = { azure: 'hot-lrs' };
/** Route 53 calls a 10 s interval "fast"; 30 s is standard (nines' router defaults). */
export const FAST_HEALTH_CHECK_SECONDS = 10;

export const TRAFFIC_CATEGORIES: ReadonlySet<CostCategory> = new Set([
  'crossZoneTransfer',
  'crossRegionTransfer',
  'egress',
]);
