/**
 * Builders of `nines/1` documents for tests and the benchmark: a one-variant document around a
 * node list, the worked example of DESIGN.md, and generated multi-region models of any size.
 */
import type { Edge, ModelNode, NinesDocument, RegionLink, Variant, Workload } from '../model/types';

/** A one-variant document named `test` around `nodes` and `edges`. */
export function singleVariant(
  entry: string,
  nodes: ModelNode[],
  edges: Edge[] = [],
  extra: { links?: RegionLink[]; workload?: Workload; trafficShare?: Variant['trafficShare'] } = {},
): NinesDocument {
  const variant: Variant = { id: 'v', name: 'test', entry, nodes, edges };
  if (extra.links) variant.links = extra.links;
  if (extra.trafficShare) variant.trafficShare = extra.trafficShare;
  const doc: NinesDocument = { format: 'nines/1', name: 'test', variants: [variant] };
  if (extra.workload) doc.workload = extra.workload;
  return doc;
}

/** A `depends` edge. */
export function dep(from: string, to: string): Edge {
  return { from, to, kind: 'depends' };
}

/**
 * DESIGN.md worked example: a global DNS router (A 0.99999, 10 s × 3 + 30 s TTL) over two
 * regions split 50/50; each region (MTBF 17,520 h, MTTR 4 h, no zones) holds one service of 2
 * instances, 1 needed (MTBF 2,000 h, MTTR 0.5 h).
 */
export function workedExample(): NinesDocument {
  const regions = ['r1', 'r2'];
  return singleVariant(
    'dns',
    [
      {
        id: 'dns',
        kind: 'router',
        availability: 0.99999,
        healthCheckSeconds: 10,
        failureThreshold: 3,
        dnsTtlSeconds: 30,
      },
      ...regions.flatMap((r): ModelNode[] => [
        { id: r, kind: 'region', mtbfHours: 17520, mttrHours: 4 },
        {
          id: `app-${r}`,
          kind: 'service',
          parent: r,
          instances: 2,
          minHealthy: 1,
          mtbfHours: 2000,
          mttrHours: 0.5,
        },
      ]),
    ],
    regions.map((r) => dep('dns', `app-${r}`)),
    { workload: { trafficShare: { r1: 0.5, r2: 0.5 } } },
  );
}

/**
 * A generated active-active model of `regions` regions × `zones` zones with 31 instances per
 * region (33 in the first two): a global DNS router over a load balancer per region → web tier
 * (12, 6 needed, 500 rps each) → cache (3, active-active ring) and API tier (9, 5 needed) →
 * an active-passive database (3 instances, primary in the first region, standby in the second:
 * every region needs the link to the member it uses) and a global payments API (99.95 %).
 */
export function generatedModel(regions: number, zones = 3): NinesDocument {
  const r = (i: number): string => `r${i}`;
  const nodes: ModelNode[] = [
    { id: 'dns', kind: 'router', availability: 0.99999, dnsTtlSeconds: 30 },
    { id: 'payments', kind: 'external', availability: 0.9995 },
  ];
  const edges: Edge[] = [];
  const links: RegionLink[] = [];
  for (let i = 0; i < regions; i++) {
    const R = r(i);
    nodes.push({ id: R, kind: 'region' });
    for (let z = 0; z < zones; z++) nodes.push({ id: `${R}-z${z}`, kind: 'zone', parent: R });
    nodes.push(
      { id: `lb-${R}`, kind: 'router', parent: R, healthCheckSeconds: 5, failureThreshold: 2 },
      {
        id: `web-${R}`,
        kind: 'service',
        parent: R,
        instances: 12,
        minHealthy: 6,
        capacityRps: 500,
      },
      { id: `api-${R}`, kind: 'service', parent: R, instances: 9, minHealthy: 5 },
      {
        id: `cache-${R}`,
        kind: 'datastore',
        parent: R,
        instances: 3,
        minHealthy: 2,
        replication: 'active-active',
      },
      { id: `queue-${R}`, kind: 'queue', parent: R, instances: 3, minHealthy: 1 },
    );
    edges.push(
      dep('dns', `lb-${R}`),
      dep(`lb-${R}`, `web-${R}`),
      dep(`web-${R}`, `cache-${R}`),
      dep(`web-${R}`, `api-${R}`),
      dep(`api-${R}`, `queue-${R}`),
      dep(`api-${R}`, 'db-primary'),
      dep(`api-${R}`, 'payments'),
    );
    if (i > 0) edges.push({ from: `cache-${r(i - 1)}`, to: `cache-${R}`, kind: 'replicates' });
    for (const j of [0, 1]) {
      if (j < i) links.push({ a: r(j), b: R, mtbfHours: 4380, mttrHours: 1 });
    }
  }
  const dbRegions = regions > 1 ? [0, 1] : [0];
  dbRegions.forEach((i, n) => {
    nodes.push({
      id: n === 0 ? 'db-primary' : 'db-standby',
      kind: 'datastore',
      parent: r(i),
      instances: 3,
      minHealthy: 2,
      replication: 'active-passive',
      role: n === 0 ? 'primary' : 'standby',
      failoverSeconds: 60,
    });
  });
  if (regions > 1) edges.push({ from: 'db-primary', to: 'db-standby', kind: 'replicates' });
  return {
    format: 'nines/1',
    name: `generated ${regions} regions`,
    workload: { requestsPerSecond: 2000 * regions },
    variants: [
      { id: 'gen', name: `${regions} regions × ${zones} zones`, entry: 'dns', links, nodes, edges },
    ],
  };
}
