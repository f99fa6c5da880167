/**
 * The engine-budget shapes of the hostile-input campaign (issue 18): valid files, inside the
 * documented limits, that used to run for minutes or out of memory. Each is built here from a
 * few numbers, for the budget suite (scripts/fuzz-corpus.ts `budgetCases`, run by
 * `npm run fuzz`) and its fast subset in the unit tests.
 */
import type { Edge, ModelNode, NinesDocument } from '../model/types';
import { dep, singleVariant } from './builders';

const region: ModelNode = { id: 'r', kind: 'region', availability: 0.9999 };

/**
 * `services` services (availability 0.99) behind a router that needs `needed` of them, each
 * service depending on the same `datastores` datastores (0.999 each, one instance: every one a
 * single point of failure). 300 × 300 behind a 150-of-300 router: 90,300 edges.
 */
export function sharedDependencies(
  services: number,
  needed: number,
  datastores: number,
): NinesDocument {
  const serviceNodes = Array.from({ length: services }, (_, i): ModelNode => ({
    id: `s${i}`,
    kind: 'service',
    parent: 'r',
    availability: 0.99,
  }));
  const stores = Array.from({ length: datastores }, (_, j): ModelNode => ({
    id: `d${j}`,
    kind: 'datastore',
    parent: 'r',
    availability: 0.999,
  }));
  return singleVariant(
    'lb',
    [
      region,
      { id: 'lb', kind: 'router', parent: 'r', availability: 0.9999, minTargets: needed },
      ...serviceNodes,
      ...stores,
    ],
    [
      ...serviceNodes.map((s) => dep('lb', s.id)),
      ...serviceNodes.flatMap((s) => stores.map((d) => dep(s.id, d.id))),
    ],
  );
}

/**
 * `tiers` services in a chain behind a load balancer, each of `instances` instances of which
 * `minHealthy` are needed, spread over `zones` zones of one region (no zones when 0).
 */
export function largeTiers(
  tiers: number,
  instances: number,
  minHealthy: number,
  zones = 3,
): NinesDocument {
  const zoneNodes = Array.from({ length: zones }, (_, z): ModelNode => ({
    id: `z${z}`,
    kind: 'zone',
    parent: 'r',
  }));
  const tierNodes = Array.from({ length: tiers }, (_, t): ModelNode => ({
    id: `t${t}`,
    kind: 'service',
    parent: 'r',
    instances,
    minHealthy,
    mtbfHours: 4000,
    mttrHours: 0.25,
  }));
  const edges: Edge[] = tierNodes.map((t, i) => dep(i === 0 ? 'lb' : `t${i - 1}`, t.id));
  return singleVariant(
    'lb',
    [
      region,
      ...zoneNodes,
      { id: 'lb', kind: 'router', parent: 'r', availability: 0.9999 },
      ...tierNodes,
    ],
    edges,
  );
}

/**
 * `regions` regions behind one global router, each with a service of two instances, and
 * `scenarios` scenarios (each the loss of one region, round-robin).
 */
export function manyRegions(regions: number, scenarios = 0): NinesDocument {
  const ids = Array.from({ length: regions }, (_, i) => `r${i}`);
  const doc = singleVariant(
    'lb',
    [
      ...ids.map((id): ModelNode => ({ id, kind: 'region' })),
      { id: 'lb', kind: 'router' },
      ...ids.map((id): ModelNode => ({ id: `app-${id}`, kind: 'service', parent: id, instances: 2 })),
    ],
    ids.map((id) => dep('lb', `app-${id}`)),
  );
  if (scenarios > 0) {
    doc.scenarios = Array.from({ length: scenarios }, (_, i) => ({
      id: `loss-${i}`,
      name: `Loss of region ${i % regions}`,
      fail: [ids[i % regions] as string],
    }));
  }
  return doc;
}

/**
 * `layers` layers of `width` routers, each needing `needed` of the next layer's routers, over
 * one service: the request routes multiply (width^layers).
 */
export function routerLayers(layers: number, width: number, needed: number): NinesDocument {
  const nodes: ModelNode[] = [region];
  const edges: Edge[] = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let j = 0; j < width; j++) {
      // The last layer's routers have one target, the service.
      const minTargets = layer === layers - 1 ? 1 : needed;
      nodes.push({ id: `l${layer}r${j}`, kind: 'router', parent: 'r', minTargets });
      if (layer > 0) {
        for (let k = 0; k < width; k++) edges.push(dep(`l${layer - 1}r${k}`, `l${layer}r${j}`));
      }
    }
  }
  nodes.push(
    { id: 'top', kind: 'router', parent: 'r', minTargets: needed },
    { id: 'app', kind: 'service', parent: 'r' },
  );
  for (let k = 0; k < width; k++) edges.push(dep('top', `l0r${k}`), dep(`l${layers - 1}r${k}`, 'app'));
  return singleVariant('top', nodes, edges);
}
