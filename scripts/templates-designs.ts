/**
 * The five designs built from the blocks (single region; pilot light and warm standby, active-
 * passive; active-active over two or three regions), their scenarios, and the document around them.
 */
import type { ModelNode, NinesDocument, Scenario, Variant } from '../shared/model/types';
import {
  ASSUMPTIONS,
  EUW1,
  PEAK_RPS,
  RPS_PER_INSTANCE,
  type Region,
  TARGETS,
  USE1,
  USW2,
  WORKLOAD,
  backsUp,
  backup,
  depends,
  globalDeploy,
  globalDns,
  link,
  regionStack,
  regionalPath,
  replicates,
} from './templates-blocks';
import { layoutVariant } from './templates-layout';

export function singleRegion(): Variant {
  const redis: ModelNode = {
    id: 'redis-use1',
    kind: 'datastore',
    name: 'ElastiCache for Redis',
    parent: 'use1',
    engine: 'redis',
    replication: 'primary-replica',
    sync: false,
    autoFailover: true,
    failoverSeconds: 30,
    persistence: 'none',
    instances: 2,
    minHealthy: 1,
    instanceType: 'cache.r7g.large',
    mtbfHours: 8760,
    mttrHours: 0.5,
    notes: 'Multi-AZ: primary in zone a, replica in zone b, automatic failover.',
  };
  const path = regionalPath(USE1, redis);
  return layoutVariant({
    id: 'single-3az',
    name: 'Single region, three zones',
    description:
      'One region with its stateless tier spread over three zones behind a load balancer and a Multi-AZ Redis primary with a replica in another zone. Survives a zone, not a region.',
    entry: 'lb-use1',
    trafficShare: { use1: 1 },
    nodes: [...regionStack(USE1, 15, 10), ...path.nodes, backup(USE1, 'redis-use1')],
    edges: [...path.edges, backsUp('backup-use1', 'redis-use1')],
    commonCause: globalDeploy([USE1]),
  });
}

function selfManagedRedis(region: Region, fields: Partial<Record<string, unknown>>): ModelNode {
  return {
    id: `redis-${region.id}`,
    kind: 'datastore',
    name: 'Redis',
    parent: region.id,
    engine: 'redis',
    sync: false,
    persistence: 'aof-everysec',
    instances: 2,
    minHealthy: 1,
    instanceType: 'r7i.xlarge',
    mtbfHours: 8760,
    mttrHours: 0.5,
    ...fields,
  } as ModelNode;
}

export function activePassive(kind: 'pilot' | 'warm'): Variant {
  const isWarm = kind === 'warm';
  const primary = selfManagedRedis(USE1, {
    replication: 'active-passive',
    role: 'primary',
    autoFailover: isWarm,
    failoverSeconds: isWarm ? 60 : 900,
    witness: false,
    notes: 'Primary; replicates asynchronously to the standby region.',
  });
  const standby = selfManagedRedis(EUW1, {
    replication: 'active-passive',
    role: 'standby',
    autoFailover: isWarm,
    failoverSeconds: isWarm ? 60 : 900,
    witness: false,
    instances: isWarm ? 2 : 1,
    instanceType: isWarm ? 'r7i.xlarge' : 'r7i.large',
    warmupSeconds: isWarm ? 0 : 600,
    notes: isWarm
      ? 'Running standby, promoted automatically.'
      : 'Pilot light: one small replica; promoted and scaled up by hand from the runbook.',
  });
  const a = regionalPath(USE1, primary);
  const b = regionalPath(EUW1, standby);
  return layoutVariant({
    id: isWarm ? 'warm-standby' : 'pilot-light',
    name: isWarm ? 'Warm standby, two regions' : 'Pilot light, two regions',
    description: isWarm
      ? 'Active-passive: a scaled-down copy of the stack runs in the second region with asynchronous replication and automatic promotion; DNS failover moves traffic.'
      : 'Active-passive: the second region keeps a minimal standby (one app instance, one small replica); a person promotes it and scales it up, and data can be restored from backup.',
    entry: 'dns',
    trafficShare: { use1: 1, euw1: 0 },
    links: [link(USE1, EUW1, 75)],
    nodes: [
      globalDns(1, 'Failover'),
      ...regionStack(USE1, 15, 10),
      ...a.nodes,
      backup(USE1, 'redis-use1'),
      ...regionStack(EUW1, isWarm ? 4 : 1, 1, { maxInstances: 15, autoscaling: isWarm }),
      ...b.nodes,
      backup(EUW1, 'redis-euw1'),
    ],
    edges: [
      depends('dns', 'lb-use1'),
      depends('dns', 'lb-euw1'),
      ...a.edges,
      ...b.edges,
      replicates('redis-use1', 'redis-euw1'),
      backsUp('backup-use1', 'redis-use1'),
      backsUp('backup-euw1', 'redis-euw1'),
    ],
    commonCause: globalDeploy([USE1, EUW1]),
  });
}

export function activeActive(regions: Region[]): Variant {
  const share = 1 / regions.length;
  const needed = Math.ceil((PEAK_RPS * share) / RPS_PER_INSTANCE);
  // Enough for a failed region's traffic too, with one of three zones lost.
  const instances = Math.ceil((PEAK_RPS / (regions.length - 1) / RPS_PER_INSTANCE) * 1.5);
  const members = regions.map((r) =>
    selfManagedRedis(r, {
      name: 'Redis Enterprise Active-Active',
      replication: 'active-active',
      notes:
        'Active-Active (CRDB) member: local reads and writes, conflict-free merge across regions.',
    }),
  );
  const paths = regions.map((r, i) => regionalPath(r, members[i] as ModelNode));
  const pairs = regions.flatMap((a, i) => regions.slice(i + 1).map((b) => [a, b] as const));
  const rtt = (a: Region, b: Region) =>
    (a === USE1 && b === USW2) || (a === USW2 && b === USE1)
      ? 65
      : a === USW2 || b === USW2
        ? 130
        : 75;
  return layoutVariant({
    id: `aa${regions.length}`,
    name: `Active-Active, ${regions.length} regions`,
    description: `Every region serves its share of traffic from its own stateless tier and its own Redis Enterprise Active-Active member; members replicate asynchronously, so no request crosses a region. A latency-based global router sends users to the nearest healthy region.`,
    entry: 'dns',
    trafficShare: Object.fromEntries(regions.map((r) => [r.id, share])),
    links: pairs.map(([a, b]) => link(a, b, rtt(a, b))),
    nodes: [
      globalDns(1, 'Latency-based'),
      ...regions.flatMap((r, i) => [
        ...regionStack(r, instances, needed),
        ...(paths[i] as { nodes: ModelNode[] }).nodes,
        backup(r, `redis-${r.id}`),
      ]),
    ],
    edges: [
      ...regions.map((r) => depends('dns', `lb-${r.id}`)),
      ...paths.flatMap((p) => p.edges),
      ...pairs.map(([a, b]) => replicates(`redis-${a.id}`, `redis-${b.id}`)),
      ...regions.map((r) => backsUp(`backup-${r.id}`, `redis-${r.id}`)),
    ],
    commonCause: globalDeploy(regions),
  });
}

function scenarios(variants: readonly Variant[]): Scenario[] {
  const has = (id: string) => variants.some((v) => v.nodes.some((n) => n.id === id));
  const list: Scenario[] = [
    { id: 'zone-outage', name: 'Zone outage (us-east-1a)', fail: ['use1-a'] },
    { id: 'region-outage', name: 'Region outage (us-east-1)', fail: ['use1'] },
  ];
  if (has('euw1')) {
    list.push(
      {
        id: 'split-brain',
        name: 'Split-brain between us-east-1 and eu-west-1',
        partition: [['use1', 'euw1']],
      },
      {
        id: 'traffic-shift',
        name: 'Shift all us-east-1 traffic to eu-west-1',
        shift: { from: 'use1', to: 'euw1', share: 1 },
      },
    );
  }
  list.push({
    id: 'corruption',
    name: 'Logical corruption of the us-east-1 data',
    corrupt: ['redis-use1'],
  });
  return list;
}

export function documentOf(name: string, description: string, variants: Variant[]): NinesDocument {
  return {
    format: 'nines/1',
    name,
    description,
    targets: { ...TARGETS },
    workload: { ...WORKLOAD },
    variants,
    scenarios: scenarios(variants),
    assumptions: ASSUMPTIONS,
  };
}
