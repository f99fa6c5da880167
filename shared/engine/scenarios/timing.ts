/**
 * The time formulas behind a scenario's RTO and RPO: detection, restore, replication lag and
 * persistence windows. Each is a closed form with its source; `runScenario` combines them.
 */
import { LINK_DEFAULTS, NODE_DEFAULTS } from '../../model/defaults';
import type {
  BackupNode,
  DatastoreNode,
  RegionLink,
  RouterNode,
  Workload,
} from '../../model/types';

const num = (value: unknown): number => value as number;

/** Bytes in one GiB (2^30): data set sizes are binary. */
export const BYTES_PER_GIB = 2 ** 30;
/** Bytes in one MB (10^6): throughputs are decimal, as vendors state them (REF-25). */
export const BYTES_PER_MB = 1e6;

/**
 * How long a router takes to stop sending traffic to a failed target, seconds:
 * health-check interval × failure threshold, plus the DNS TTL clients may still cache.
 * Source: Azure Traffic Manager FAQ (REF-23): RTO = interval × threshold + TTL, e.g.
 * 30 s × 4 + 30 s = 150 s; Route 53 health checks work the same way.
 */
export function routerDetection(router: RouterNode): {
  detectionSeconds: number;
  dnsTtlSeconds: number;
} {
  const defaults = NODE_DEFAULTS.router;
  const interval = router.healthCheckSeconds ?? num(defaults.healthCheckSeconds?.value);
  const threshold = router.failureThreshold ?? num(defaults.failureThreshold?.value);
  const ttl = router.dnsTtlSeconds ?? num(defaults.dnsTtlSeconds?.value);
  return { detectionSeconds: interval * threshold, dnsTtlSeconds: ttl };
}

/**
 * Time to restore `dataSetGiB` at `throughputMBps`, seconds: size / throughput
 * (REF-25: 42 TB at 100 MB/s = 420,000 s = 4.86 days).
 */
export function restoreSeconds(dataSetGiB: number, throughputMBps: number): number {
  return (dataSetGiB * BYTES_PER_GIB) / (throughputMBps * BYTES_PER_MB);
}

/** The restore throughput and interval of a backup policy, defaults applied. */
export function backupPolicy(backup: BackupNode): {
  intervalSeconds: number;
  restoreThroughputMBps: number;
  retentionDays: number;
} {
  const defaults = NODE_DEFAULTS.backup;
  return {
    intervalSeconds: backup.intervalSeconds ?? num(defaults.intervalSeconds?.value),
    restoreThroughputMBps:
      backup.restoreThroughputMBps ?? num(defaults.restoreThroughputMBps?.value),
    retentionDays: backup.retentionDays ?? num(defaults.retentionDays?.value),
  };
}

/**
 * Replication lag of an asynchronous replica, seconds: the one-way network latency (half the
 * link's round trip; 0 within a region) plus the engine's own replication delay. The data lost
 * when the source fails is what is still in flight, so RPO = lag (REF-21: Azure geo-replication,
 * Redis Active-Active lag-aware failover).
 */
export function replicationLagSeconds(member: DatastoreNode, link: RegionLink | undefined): number {
  const delayMs =
    member.replicationDelayMs ?? num(NODE_DEFAULTS.datastore.replicationDelayMs?.value);
  const oneWayMs = link ? (link.rttMs ?? num(LINK_DEFAULTS.rttMs?.value)) / 2 : 0;
  return (oneWayMs + delayMs) / 1000;
}

/**
 * Replication traffic from one member to its peers, megabits per second:
 * writesPerSecond × avgWriteBytes × 8 bits × peers / 10^6.
 */
export function replicationMbps(workload: Workload | undefined, peers: number): number {
  const writes = workload?.writesPerSecond ?? 0;
  const bytes = workload?.avgWriteBytes ?? 0;
  return (writes * bytes * 8 * peers) / 1e6;
}

/** The link's bandwidth for replication, Mbit/s, default applied. */
export function linkBandwidthMbps(link: RegionLink | undefined): number {
  return link?.bandwidthMbps ?? num(LINK_DEFAULTS.bandwidthMbps?.value);
}

/**
 * Data a lone node loses when it fails, seconds of writes: its persistence window.
 * AOF `always` fsyncs every write (0 s), `everysec` once a second (1 s), snapshots lose up to
 * their interval (Redis persistence documentation). `none` loses everything: undefined.
 */
export function persistenceWindowSeconds(store: DatastoreNode): number | undefined {
  switch (store.persistence ?? 'none') {
    case 'aof-always':
      return 0;
    case 'aof-everysec':
      return 1;
    case 'snapshot':
      return (
        store.snapshotIntervalSeconds ?? num(NODE_DEFAULTS.datastore.snapshotIntervalSeconds?.value)
      );
    default:
      return undefined;
  }
}
