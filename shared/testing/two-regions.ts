/**
 * The scenario tests' fixture: two regions behind a DNS router, each an app tier over two zones
 * and a datastore, and a helper that runs one scenario on the first variant of a document.
 */
import { evaluateScenario, type ScenarioResult } from '../engine';
import type { ModelNode, NinesDocument, Scenario } from '../model/types';
import { dep, singleVariant } from './builders';

/** Runs `scenario` (its name defaults to its id) on the first variant of `doc`. */
export function run(doc: NinesDocument, scenario: Omit<Scenario, 'name'>): ScenarioResult {
  const variant = doc.variants[0];
  if (!variant) throw new Error('no variant');
  const result = evaluateScenario(doc, variant.id, { name: scenario.id, ...scenario });
  if (!result) throw new Error('unresolvable');
  return result;
}

/** The fields of an Active-Active Redis member with AOF every second. */
export const activeActive = { replication: 'active-active', persistence: 'aof-everysec' };

/** Two regions behind a DNS router, each an app over two zones and a datastore of `store`. */
export function twoRegions(
  store: Partial<Record<string, unknown>>,
  extra: Partial<NinesDocument> = {},
): NinesDocument {
  const nodes: ModelNode[] = [
    {
      id: 'dns',
      kind: 'router',
      availability: 0.99999,
      healthCheckSeconds: 10,
      failureThreshold: 3,
      dnsTtlSeconds: 30,
    },
  ];
  for (const r of ['r1', 'r2']) {
    nodes.push(
      { id: r, kind: 'region', mtbfHours: 17520, mttrHours: 4 },
      { id: `${r}-a`, kind: 'zone', parent: r, mtbfHours: 8760, mttrHours: 2 },
      { id: `${r}-b`, kind: 'zone', parent: r, mtbfHours: 8760, mttrHours: 2 },
      {
        id: `app-${r}`,
        kind: 'service',
        parent: r,
        instances: 4,
        minHealthy: 2,
        capacityRps: 1000,
      },
      { id: `db-${r}`, kind: 'datastore', parent: r, instances: 2, ...store } as ModelNode,
    );
  }
  const doc = singleVariant(
    'dns',
    nodes,
    [
      dep('dns', 'app-r1'),
      dep('dns', 'app-r2'),
      dep('app-r1', 'db-r1'),
      dep('app-r2', 'db-r2'),
      { from: 'db-r1', to: 'db-r2', kind: 'replicates' },
    ],
    {
      links: [{ a: 'r1', b: 'r2', rttMs: 80, bandwidthMbps: 100, mtbfHours: 4380, mttrHours: 1 }],
      workload: {
        requestsPerSecond: 3000,
        writesPerSecond: 1000,
        avgWriteBytes: 1000,
        dataSetGiB: 10,
        trafficShare: { r1: 0.5, r2: 0.5 },
      },
    },
  );
  return { ...doc, targets: { rtoSeconds: 120, rpoSeconds: 1, mtdSeconds: 3600 }, ...extra };
}
