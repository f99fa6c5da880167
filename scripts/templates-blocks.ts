/**
 * The building blocks every template shares: regions, targets, workload and assumptions, the
 * regional stack (zones, load balancer, stateless tier), global DNS, backups, edges and links.
 */
import type { ModelNode, Variant } from '../shared/model/types';
import { formatRate } from '../shared/text';

export type Region = { id: string; location: string; name: string };
export const USE1: Region = { id: 'use1', location: 'us-east-1', name: 'US East (N. Virginia)' };
export const EUW1: Region = { id: 'euw1', location: 'eu-west-1', name: 'Europe (Ireland)' };
export const USW2: Region = { id: 'usw2', location: 'us-west-2', name: 'US West (Oregon)' };

export const PEAK_RPS = 20000;
export const RPS_PER_INSTANCE = 2000;

export const TARGETS = {
  availability: 0.9999,
  rtoSeconds: 300,
  rpoSeconds: 3600,
  mtdSeconds: 3600,
  impact: 'high',
  downtimeCostPerHour: 50000,
} as const;

export const WORKLOAD = {
  requestsPerSecond: PEAK_RPS,
  writesPerSecond: 2000,
  avgWriteBytes: 1024,
  dataSetGiB: 50,
  egressGiBPerMonth: 5000,
};

export const ASSUMPTIONS = [
  'Prices: AWS on-demand list prices from the bundled price book; the Redis Enterprise licence has no public list price and is not included.',
  `Capacity: one m7i.large instance of the stateless tier serves ${formatRate(RPS_PER_INSTANCE, 'requests/s')} at the latency target (load test before relying on it).`,
  'Failure figures without a source in the file are the documented defaults, each listed with its source (the parameters appendix of the contingency plan, and the inspector).',
].join('\n');

/** The regional stack every design uses: zones, a load balancer, the stateless tier. */
/** How a standby region's app tier grows after a failover: to `maxInstances`, by itself or by a person. */
export interface ScaleOut {
  readonly maxInstances: number;
  readonly autoscaling: boolean;
}

export function regionStack(
  region: Region,
  appInstances: number,
  appNeeded: number,
  scale?: ScaleOut,
): ModelNode[] {
  return [
    {
      id: region.id,
      kind: 'region',
      name: region.name,
      provider: 'aws',
      location: region.location,
    },
    ...['a', 'b', 'c'].map((z): ModelNode => ({
      id: `${region.id}-${z}`,
      kind: 'zone',
      parent: region.id,
      location: `${region.location}${z}`,
    })),
    {
      id: `lb-${region.id}`,
      kind: 'router',
      name: `ALB ${region.location}`,
      parent: region.id,
      availability: 0.9999,
      minTargets: 1,
      healthCheckSeconds: 10,
      failureThreshold: 2,
      dnsTtlSeconds: 0,
      notes: 'Application Load Balancer across the three zones; SLA 99.99 %.',
    },
    {
      id: `app-${region.id}`,
      kind: 'service',
      name: 'Checkout API',
      parent: region.id,
      instances: appInstances,
      minHealthy: appNeeded,
      instanceType: 'm7i.large',
      capacityRps: RPS_PER_INSTANCE,
      ...(scale ? { maxInstances: scale.maxInstances, autoscaling: scale.autoscaling } : {}),
      mtbfHours: 4000,
      mttrHours: 0.25,
      notes: scale
        ? `Stateless; reads and writes the datastore of its own region only. Scaled down: grows to ${scale.maxInstances} instances after a failover, ${scale.autoscaling ? 'by its auto-scaling group' : 'by a person from the runbook'}.`
        : 'Stateless; reads and writes the datastore of its own region only.',
    },
  ];
}

/**
 * The assumed DNS query volume of the templates: queries that reach Route 53 a month, after
 * resolvers cache each answer for the 60 s TTL. Priced at Route 53's per-million query price of
 * the routing policy (price book source `ape-route53`).
 */
export const TEMPLATE_DNS_QUERIES_PER_MONTH = 100_000_000;

export function globalDns(minTargets: number, policy: 'Failover' | 'Latency-based'): ModelNode {
  const latency = policy === 'Latency-based';
  return {
    id: 'dns',
    kind: 'router',
    name: 'Route 53',
    availability: 0.99999,
    minTargets,
    healthCheckSeconds: 10,
    failureThreshold: 3,
    dnsTtlSeconds: 60,
    queriesPerMonth: TEMPLATE_DNS_QUERIES_PER_MONTH,
    routingPolicy: latency ? 'latency' : 'simple',
    notes:
      `${policy} routing with fast (10 s) health checks; Route 53 promises 100 % in its SLA, 99.999 % is assumed here. ` +
      `Assumed: 100 million DNS queries a month reach Route 53 (resolvers cache each answer for the 60 s TTL), at Route 53's ${latency ? 'latency-based' : 'standard (failover)'} query price, ${latency ? '$0.60' : '$0.40'} per million for the first billion (price book source ape-route53).`,
  };
}

export function backup(region: Region, datastore: string): ModelNode {
  return {
    id: `backup-${region.id}`,
    kind: 'backup',
    name: 'Hourly snapshot to S3',
    parent: region.id,
    intervalSeconds: 3600,
    retentionDays: 7,
    restoreThroughputMBps: 200,
    notes: `Protects ${datastore}; a logical corruption is replicated, so only a backup undoes it.`,
  };
}

export const depends = (from: string, to: string) => ({ from, to, kind: 'depends' as const });
export const replicates = (from: string, to: string) => ({ from, to, kind: 'replicates' as const });
export const backsUp = (from: string, to: string) => ({ from, to, kind: 'backs-up' as const });

export function link(a: Region, b: Region, rttMs: number) {
  return { a: a.id, b: b.id, mtbfHours: 4380, mttrHours: 1, rttMs, bandwidthMbps: 1000 };
}

/** One region with a cache or database: the whole regional request path. */
export function regionalPath(
  region: Region,
  datastore: ModelNode,
): { nodes: ModelNode[]; edges: Variant['edges'] } {
  return {
    nodes: [datastore],
    edges: [
      depends(`lb-${region.id}`, `app-${region.id}`),
      depends(`app-${region.id}`, datastore.id),
    ],
  };
}
