/**
 * Synthetic multi-region models of any size, for the benchmark (`npm run bench`) and the
 * cross-check against an independent engine (SCRAM) on models too large to enumerate.
 */
import type { Edge, ModelNode, NinesDocument, RegionLink } from '../model/types';

const dep = (from: string, to: string): Edge => ({ from, to, kind: 'depends' });

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
