/**
 * Builds the bundled templates in assets/templates/ from the building blocks below, so that the
 * five designs and the `ha-options` document that compares them share one definition of each
 * region, tier and scenario. Run `npx tsx scripts/build-templates.ts` after changing a block;
 * a unit test fails when a committed template differs from what this script writes.
 *
 * Sizing: 20,000 requests/s at peak, 2,000 per m7i.large instance (an assumption stated in each
 * file). `minHealthy` is what a region needs for its normal share of traffic; `instances` is
 * enough to keep that after losing one of three zones and, for the active-active designs, to
 * carry a failed region's traffic too (static stability).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModelNode, NinesDocument, Position, Scenario, Variant } from '../shared/model/types';
import { parseDocument, formatProblem } from '../shared/schema/parse';
import { serializeDocument } from '../shared/schema/serialize';
import { formatRate } from '../shared/text';

type Region = { id: string; location: string; name: string };
const USE1: Region = { id: 'use1', location: 'us-east-1', name: 'US East (N. Virginia)' };
const EUW1: Region = { id: 'euw1', location: 'eu-west-1', name: 'Europe (Ireland)' };
const USW2: Region = { id: 'usw2', location: 'us-west-2', name: 'US West (Oregon)' };

const PEAK_RPS = 20000;
const RPS_PER_INSTANCE = 2000;

const TARGETS = {
  availability: 0.9999,
  rtoSeconds: 300,
  rpoSeconds: 3600,
  mtdSeconds: 3600,
  impact: 'high',
  downtimeCostPerHour: 50000,
} as const;

const WORKLOAD = {
  requestsPerSecond: PEAK_RPS,
  writesPerSecond: 2000,
  avgWriteBytes: 1024,
  dataSetGiB: 50,
  egressGiBPerMonth: 5000,
};

const ASSUMPTIONS = [
  'Prices: AWS on-demand list prices from the bundled price book; the Redis Enterprise licence has no public list price and is not included.',
  `Capacity: one m7i.large instance of the stateless tier serves ${formatRate(RPS_PER_INSTANCE, 'requests/s')} at the latency target (load test before relying on it).`,
  'Failure figures without a source in the file are the documented defaults (docs/model.md).',
].join('\n');

/** The regional stack every design uses: zones, a load balancer, the stateless tier. */
function regionStack(region: Region, appInstances: number, appNeeded: number): ModelNode[] {
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
      mtbfHours: 4000,
      mttrHours: 0.25,
      notes: 'Stateless; reads and writes the datastore of its own region only.',
    },
  ];
}

function globalDns(minTargets: number, policy: string): ModelNode {
  return {
    id: 'dns',
    kind: 'router',
    name: 'Route 53',
    availability: 0.99999,
    minTargets,
    healthCheckSeconds: 10,
    failureThreshold: 3,
    dnsTtlSeconds: 60,
    notes: `${policy} routing with fast (10 s) health checks; Route 53 promises 100 % in its SLA, 99.999 % is assumed here.`,
  };
}

function backup(region: Region, datastore: string): ModelNode {
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

const depends = (from: string, to: string) => ({ from, to, kind: 'depends' as const });
const replicates = (from: string, to: string) => ({ from, to, kind: 'replicates' as const });
const backsUp = (from: string, to: string) => ({ from, to, kind: 'backs-up' as const });

function link(a: Region, b: Region, rttMs: number) {
  return { a: a.id, b: b.id, mtbfHours: 4380, mttrHours: 1, rttMs, bandwidthMbps: 1000 };
}

/** One region with a cache or database: the whole regional request path. */
function regionalPath(
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

function singleRegion(): Variant {
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

function activePassive(kind: 'pilot' | 'warm'): Variant {
  const isWarm = kind === 'warm';
  const primary = selfManagedRedis(USE1, {
    replication: 'active-passive',
    role: 'primary',
    autoFailover: isWarm,
    failoverSeconds: isWarm ? 60 : 1800,
    witness: false,
    notes: 'Primary; replicates asynchronously to the standby region.',
  });
  const standby = selfManagedRedis(EUW1, {
    replication: 'active-passive',
    role: 'standby',
    autoFailover: isWarm,
    failoverSeconds: isWarm ? 60 : 1800,
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
      ...regionStack(EUW1, isWarm ? 4 : 1, 1),
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
  });
}

function activeActive(regions: Region[]): Variant {
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

function documentOf(name: string, description: string, variants: Variant[]): NinesDocument {
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

// ---- Layout: containers carry sizes, children sit relative to their parent. ----
const CARD = { width: 200, height: 72 };
const GAP = 16;
const HEADER = 44;
const ZONE_HEADER = 32;

const COLUMN = CARD.width + GAP;
const REGION_GAP = 48;

/**
 * Positions every node: global nodes in a row on top, regions below in a grid of at most two
 * columns (so three regions stay readable at 1280 × 800), each region with its components in
 * rows under the title and its zones as a strip of columns at the bottom.
 */
function layoutVariant(variant: Omit<Variant, 'layout'>): Variant {
  const layout: Record<string, Position> = {};
  const children = (id: string | undefined) => variant.nodes.filter((n) => n.parent === id);
  const regions = children(undefined).filter((n) => n.kind === 'region');
  const globals = children(undefined).filter((n) => n.kind !== 'region');

  const sizes = regions.map((region) => {
    const inside = children(region.id);
    const zones = inside.filter((n) => n.kind === 'zone');
    const parts = inside.filter((n) => n.kind !== 'zone');
    const columns = Math.max(zones.length, 3);
    parts.forEach((node, i) => {
      layout[node.id] = {
        x: GAP + (i % columns) * COLUMN,
        y: HEADER + Math.floor(i / columns) * (CARD.height + GAP),
      };
    });
    const zoneTop = HEADER + Math.ceil(parts.length / columns) * (CARD.height + GAP) + 8;
    const zoneHeight = Math.max(
      ZONE_HEADER + 24,
      ...zones.map((zone) => ZONE_HEADER + children(zone.id).length * (CARD.height + GAP) + 8),
    );
    zones.forEach((zone, i) => {
      children(zone.id).forEach((node, j) => {
        layout[node.id] = { x: GAP / 4, y: ZONE_HEADER + j * (CARD.height + GAP) };
      });
      layout[zone.id] = {
        x: GAP / 2 + i * COLUMN,
        y: zoneTop,
        width: CARD.width + GAP / 2,
        height: zoneHeight,
      };
    });
    return { width: GAP + columns * COLUMN, height: zoneTop + zoneHeight + GAP };
  });

  const gridColumns = Math.min(2, regions.length);
  const columnWidth = Math.max(0, ...sizes.map((size) => size.width));
  const top = globals.length > 0 ? CARD.height + 64 : 0;
  let y = top;
  for (let row = 0; row * gridColumns < regions.length; row += 1) {
    const inRow = regions.slice(row * gridColumns, (row + 1) * gridColumns);
    const rowHeight = Math.max(...inRow.map((_, k) => sizes[row * gridColumns + k]?.height ?? 0));
    inRow.forEach((region, k) => {
      const size = sizes[row * gridColumns + k] as { width: number; height: number };
      layout[region.id] = { x: k * (columnWidth + REGION_GAP), y, ...size };
    });
    y += rowHeight + REGION_GAP;
  }
  const total = Math.max(gridColumns * (columnWidth + REGION_GAP) - REGION_GAP, CARD.width);
  globals.forEach((node, i) => {
    layout[node.id] = {
      x: total / 2 - (globals.length * COLUMN - GAP) / 2 + i * COLUMN,
      y: 0,
    };
  });
  return { ...variant, layout };
}

const TEMPLATES: Record<string, () => NinesDocument> = {
  'single-region-3az': () =>
    documentOf(
      'Checkout — single region, three zones',
      'The baseline: everything in us-east-1, spread over three Availability Zones. Cheapest; survives a zone, not a region.',
      [singleRegion()],
    ),
  'pilot-light-2-regions': () =>
    documentOf(
      'Checkout — pilot light',
      'Active-passive across us-east-1 and eu-west-1 with a minimal standby that is promoted and scaled up by hand.',
      [activePassive('pilot')],
    ),
  'warm-standby-2-regions': () =>
    documentOf(
      'Checkout — warm standby',
      'Active-passive across us-east-1 and eu-west-1 with a scaled-down running standby, asynchronous replication and automatic promotion.',
      [activePassive('warm')],
    ),
  'active-active-2-regions': () =>
    documentOf(
      'Checkout — Active-Active, two regions',
      'Redis Enterprise Active-Active in us-east-1 and eu-west-1 behind a global router; each region serves its users locally.',
      [activeActive([USE1, EUW1])],
    ),
  'active-active-3-regions': () =>
    documentOf(
      'Checkout — Active-Active, three regions',
      'The reference architecture: three regions, three zones each, Redis Enterprise Active-Active with asynchronous replication, no cross-region calls in the request path.',
      [activeActive([USE1, EUW1, USW2])],
    ),
  'ha-options': () =>
    documentOf(
      'Checkout — HA options compared',
      'The five designs side by side: what each extra nine costs, and which meets the targets.',
      [
        singleRegion(),
        activePassive('pilot'),
        activePassive('warm'),
        activeActive([USE1, EUW1]),
        activeActive([USE1, EUW1, USW2]),
      ],
    ),
};

/** The text of every template, keyed by file stem; throws if a block builds an invalid file. */
export function buildTemplates(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [stem, build] of Object.entries(TEMPLATES)) {
    const checked = parseDocument(build());
    if (!checked.ok) {
      throw new Error(`${stem}: ${checked.problems.map(formatProblem).join('; ')}`);
    }
    out[stem] = serializeDocument(checked.document);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [stem, text] of Object.entries(buildTemplates())) {
    writeFileSync(new URL(`../assets/templates/${stem}.nines.json`, import.meta.url), text);
    process.stdout.write(`assets/templates/${stem}.nines.json\n`);
  }
}
