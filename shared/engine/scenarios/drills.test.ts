import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addNode } from '../../model/ops/add-node';
import { connect } from '../../model/ops/connect';
import { emptyDocument } from '../../model/ops/new-document';
import { updateNodeField } from '../../model/ops/update-field';
import type { ModelNode, NinesDocument, Scenario } from '../../model/types';
import { parseDocumentText } from '../../schema/parse';
import { dep, singleVariant } from '../../testing/builders';
import { evaluateScenario } from '../availability';
import {
  newDrills,
  requestOf,
  scenarioFor,
  standardDrills,
  withNewDrills,
  type ScenarioRequest,
} from './drills';

/** Two AWS regions with two zones each, an app and a datastore per region; the apps call the
 * other region's datastore only through `extraEdges`. */
function twoRegionDoc(extraEdges = [dep('app-use1', 'db-euw1')]): NinesDocument {
  const region = (id: string, location: string): ModelNode[] => [
    { id, kind: 'region', provider: 'aws', location },
    { id: `${id}-a`, kind: 'zone', parent: id, location: `${location}a` },
    { id: `${id}-b`, kind: 'zone', parent: id, location: `${location}b` },
    { id: `app-${id}`, kind: 'service', parent: id, name: `App ${id}` },
    { id: `db-${id}`, kind: 'datastore', parent: id },
  ];
  return singleVariant(
    'app-use1',
    [...region('use1', 'us-east-1'), ...region('euw1', 'eu-west-1')],
    [dep('app-use1', 'db-use1'), dep('app-euw1', 'db-euw1'), ...extraEdges],
  );
}

const withScenarios = (doc: NinesDocument, scenarios: Scenario[]): NinesDocument => ({
  ...doc,
  scenarios,
});

describe('standard drills', () => {
  it('are one zone outage, an outage per region, a partition per joined pair and a corruption per datastore', () => {
    expect(standardDrills(twoRegionDoc())).toEqual([
      { id: 'zone-outage-use1-a', name: 'Zone outage (us-east-1a)', fail: ['use1-a'] },
      { id: 'region-outage-use1', name: 'Region outage (us-east-1)', fail: ['use1'] },
      { id: 'region-outage-euw1', name: 'Region outage (eu-west-1)', fail: ['euw1'] },
      {
        id: 'partition-euw1-use1',
        name: 'Partition (eu-west-1 ↔ us-east-1)',
        partition: [['euw1', 'use1']],
      },
      { id: 'corruption-db-use1', name: 'Data corrupted (db-use1)', corrupt: ['db-use1'] },
      { id: 'corruption-db-euw1', name: 'Data corrupted (db-euw1)', corrupt: ['db-euw1'] },
    ]);
  });

  it('partition only regions that a dependency or a replication joins, once per pair', () => {
    const partitions = (doc: NinesDocument) =>
      standardDrills(doc).filter((s) => s.partition !== undefined);
    expect(partitions(twoRegionDoc([]))).toEqual([]);
    const both = twoRegionDoc([
      dep('app-use1', 'db-euw1'),
      dep('app-euw1', 'db-use1'),
      { from: 'db-use1', to: 'db-euw1', kind: 'replicates' },
    ]);
    expect(partitions(both).map((s) => s.partition)).toEqual([[['euw1', 'use1']]]);
  });

  it('leave out what a scenario of the document already does, whatever its id, name or order', () => {
    const doc = withScenarios(twoRegionDoc(), [
      { id: 'split', name: 'Split brain', partition: [['use1', 'euw1']] },
      { id: 'az', name: 'AZ b down', fail: ['euw1-b'] },
      { id: 'eu', name: 'Europe down', fail: ['euw1'] },
    ]);
    expect(standardDrills(doc).map((s) => s.id)).toEqual([
      'region-outage-use1',
      'corruption-db-use1',
      'corruption-db-euw1',
    ]);
    const all = withScenarios(doc, [...(doc.scenarios ?? []), ...standardDrills(doc)]);
    expect(standardDrills(all)).toEqual([]);
  });

  it('take readable ids that no scenario has, the same on every call', () => {
    const doc = withScenarios(twoRegionDoc(), [
      { id: 'region-outage-use1', name: 'Something else', fail: ['app-use1'] },
    ]);
    const once = standardDrills(doc);
    expect(once.find((s) => s.fail?.[0] === 'use1')?.id).toBe('region-outage-use1-2');
    expect(standardDrills(doc)).toEqual(once);
    const ids = once.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('of a template are valid scenarios that the engine runs', () => {
    const text = readFileSync(
      new URL('../../../assets/templates/active-active-2-regions.nines.json', import.meta.url),
      'utf8',
    );
    const parsed = parseDocumentText(text);
    if (!parsed.ok) throw new Error('template does not parse');
    const drills = standardDrills(parsed.document);
    // The template drills a zone, us-east-1, the partition and redis-use1 already.
    expect(drills.map((s) => s.id)).toEqual(['region-outage-euw1', 'corruption-redis-euw1']);
    const doc = withScenarios(parsed.document, [...(parsed.document.scenarios ?? []), ...drills]);
    expect(parseDocumentText(JSON.stringify(doc)).ok).toBe(true);
    for (const drill of drills) {
      expect(evaluateScenario(doc, 'aa2', drill)?.applies, drill.id).toBe(true);
    }
  });

  it('keep ids within the 64 characters the format allows', () => {
    const long = 'r'.repeat(64);
    const doc = singleVariant('x', [
      { id: long, kind: 'region' },
      { id: 'x', kind: 'service', parent: long },
    ]);
    const [drill] = standardDrills(doc);
    expect(drill?.id).toBe('region-outage-1');
    expect(parseDocumentText(JSON.stringify(withScenarios(doc, [drill as Scenario]))).ok).toBe(
      true,
    );
  });
});

describe('new drills', () => {
  const at = { x: 40, y: 40 };

  it('follow a design drawn from an empty document', () => {
    let doc = emptyDocument();
    const step = (next: NinesDocument) => {
      const drills = newDrills(doc, next);
      doc = withNewDrills(doc, next);
      return drills.map((s) => s.name);
    };
    const r1 = addNode(doc, 'v1', 'region', undefined, at);
    expect(step(r1.document)).toEqual(['Region outage (region-1)']);
    const z1 = addNode(doc, 'v1', 'zone', r1.nodeId, at);
    expect(step(z1.document)).toEqual(['Zone outage (zone-1)']);
    // A second zone: a zone outage is drilled already.
    expect(step(addNode(doc, 'v1', 'zone', r1.nodeId, at).document)).toEqual([]);
    const db = addNode(doc, 'v1', 'datastore', z1.nodeId, at);
    expect(step(db.document)).toEqual(['Data corrupted (db-1)']);
    const r2 = addNode(doc, 'v1', 'region', undefined, { x: 600, y: 40 });
    expect(step(r2.document)).toEqual(['Region outage (region-2)']);
    const app = addNode(doc, 'v1', 'service', r2.nodeId, at);
    expect(step(app.document)).toEqual([]);
    expect(step(connect(doc, 'v1', app.nodeId, db.nodeId, 'depends'))).toEqual([
      'Partition (region-1 ↔ region-2)',
    ]);
    expect(doc.scenarios?.map((s) => s.id)).toEqual([
      'region-outage-region-1',
      'zone-outage-zone-1',
      'corruption-db-1',
      'region-outage-region-2',
      'partition-region-1-region-2',
    ]);
    expect(parseDocumentText(JSON.stringify(doc)).ok).toBe(true);
  });

  it('do not bring back a drill that was removed', () => {
    const doc = twoRegionDoc();
    const renamed = updateNodeField(doc, 'v', 'app-use1', 'name', 'Checkout');
    if (!renamed.ok) throw new Error(renamed.message);
    expect(newDrills(doc, renamed.document)).toEqual([]);
    expect(withNewDrills(doc, renamed.document)).toBe(renamed.document);
  });

  it('rename a drill with its subject, and keep a name a person chose', () => {
    const doc = withScenarios(twoRegionDoc(), [
      scenarioFor(twoRegionDoc(), { kind: 'region-outage', region: 'use1' }),
      { id: 'mine', name: 'Virginia goes dark', fail: ['use1'] },
    ]);
    const moved = updateNodeField(doc, 'v', 'use1', 'location', 'us-east-2');
    if (!moved.ok) throw new Error(moved.message);
    const next = withNewDrills(doc, moved.document);
    expect(next.scenarios?.map((s) => s.name)).toEqual([
      'Region outage (us-east-2)',
      'Virginia goes dark',
    ]);
  });

  it('leave the document as it is when the topology did not change', () => {
    const doc = twoRegionDoc();
    const other = { ...doc, name: 'Renamed' };
    expect(withNewDrills(doc, other)).toBe(other);
  });
});

describe('a scenario for a request', () => {
  const doc = twoRegionDoc();
  const requests: [ScenarioRequest, string, string][] = [
    [{ kind: 'zone-outage', zone: 'use1-b' }, 'zone-outage-use1-b', 'Zone outage (us-east-1b)'],
    [{ kind: 'region-outage', region: 'euw1' }, 'region-outage-euw1', 'Region outage (eu-west-1)'],
    [
      { kind: 'partition', regions: ['use1', 'euw1'] },
      'partition-euw1-use1',
      'Partition (us-east-1 ↔ eu-west-1)',
    ],
    [
      { kind: 'traffic-shift', from: 'use1', to: 'euw1', share: 0.5 },
      'traffic-shift-use1-euw1',
      'Traffic shift (us-east-1 → eu-west-1, 50\u00a0%)',
    ],
    [
      { kind: 'traffic-shift', from: 'euw1', share: 1 },
      'traffic-shift-euw1-others',
      'Traffic shift (eu-west-1 → the other regions, 100\u00a0%)',
    ],
    [
      { kind: 'component-failure', component: 'app-use1' },
      'outage-app-use1',
      'Component failure (App use1)',
    ],
    [
      { kind: 'corruption', datastore: 'db-euw1' },
      'corruption-db-euw1',
      'Data corrupted (db-euw1)',
    ],
  ];

  it.each(requests)(
    '%o has a readable id and name, and reads back as itself',
    (request, id, name) => {
      const scenario = scenarioFor(doc, request);
      expect(scenario.id).toBe(id);
      expect(scenario.name).toBe(name);
      const byId = new Map(doc.variants[0]?.nodes.map((n) => [n.id, n]));
      const back = requestOf(scenario, byId);
      expect(back && scenarioFor(doc, back)).toEqual(scenario);
      expect(evaluateScenario(doc, 'v', scenario)?.applies).toBe(true);
    },
  );

  it('reads no request from a scenario that does several things or names an instance', () => {
    const byId = new Map(doc.variants[0]?.nodes.map((n) => [n.id, n]));
    expect(requestOf({ id: 'x', name: 'x', fail: ['use1', 'euw1'] }, byId)).toBeUndefined();
    expect(requestOf({ id: 'x', name: 'x', fail: ['app-use1#0'] }, byId)).toBeUndefined();
    expect(requestOf({ id: 'x', name: 'x' }, byId)).toBeUndefined();
  });
});
