/**
 * Builders of `nines/1` documents for tests: a one-variant document around a node list and the
 * worked example of DESIGN.md (generated multi-region models: shared/testing/generated-model.ts).
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
