import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../schema/parse';
import { serializeDocument } from '../../schema/serialize';
import { dep, singleVariant } from '../../testing/builders';
import type { ModelNode, NinesDocument } from '../types';
import { applyFix, freshFixId, type FixOp } from './fixes';

/** Two regions, each with two zones, an app and a datastore; laid out on the canvas. */
function doc(): NinesDocument {
  const base = singleVariant(
    'dns',
    [
      { id: 'dns', kind: 'router' },
      { id: 'r1', kind: 'region' },
      { id: 'r1-a', kind: 'zone', parent: 'r1' },
      { id: 'r1-b', kind: 'zone', parent: 'r1' },
      { id: 'app', kind: 'service', parent: 'r1-a', instances: 2 },
      { id: 'db', kind: 'datastore', parent: 'r1' },
      { id: 'r2', kind: 'region' },
      { id: 'db2', kind: 'datastore', parent: 'r2', replication: 'active-active', sync: true },
      { id: 'bk', kind: 'backup', parent: 'r1', intervalSeconds: 86400 },
    ],
    [
      dep('dns', 'app'),
      dep('app', 'db'),
      dep('app', 'db2'),
      { from: 'bk', to: 'db', kind: 'backs-up' },
    ],
    { links: [{ a: 'r1', b: 'r2', rttMs: 80 }] },
  );
  const variant = base.variants[0];
  if (variant) {
    variant.layout = {
      r1: { x: 0, y: 0 },
      'r1-a': { x: 20, y: 40 },
      app: { x: 10, y: 15 },
      db: { x: 200, y: 50 },
    };
  }
  return base;
}

function node(d: NinesDocument, id: string): ModelNode | undefined {
  return d.variants[0]?.nodes.find((n) => n.id === id);
}

function expectValid(d: NinesDocument): void {
  const parsed = parseDocument(JSON.parse(serializeDocument(d)));
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
}

describe('applyFix', () => {
  it('spread-tier moves a tier to its region and keeps it where it was on the canvas', () => {
    const before = doc();
    const fixed = applyFix(before, 'v', {
      kind: 'spread-tier',
      nodeId: 'app',
      regionId: 'r1',
      instances: 3,
    });
    expect(node(fixed, 'app')).toMatchObject({ parent: 'r1', instances: 3 });
    expect(fixed.variants[0]?.layout?.app).toEqual({ x: 30, y: 55 });
    expect(node(before, 'app')).toMatchObject({ parent: 'r1-a', instances: 2 });
    expectValid(fixed);
  });

  it('use-local-member retargets the edge; no edge is repeated', () => {
    const fixed = applyFix(doc(), 'v', {
      kind: 'use-local-member',
      consumerId: 'app',
      dependencyId: 'db2',
      memberId: 'db',
    });
    expect(fixed.variants[0]?.edges.filter((e) => e.from === 'app')).toEqual([dep('app', 'db')]);
    expectValid(fixed);
  });

  it('add-local-copy of a lone datastore makes a primary and its local replica', () => {
    const d = applyFix(doc(), 'v', {
      kind: 'use-local-member',
      consumerId: 'app',
      dependencyId: 'db2',
      memberId: 'db',
    });
    const id = freshFixId(d, 'v', 'db-r2');
    const fixed = applyFix(
      { ...d, variants: d.variants.map((v) => ({ ...v, edges: [...v.edges, dep('dns', 'db')] })) },
      'v',
      { kind: 'add-local-copy', consumerId: 'dns', dependencyId: 'db', regionId: 'r2', newId: id },
    );
    expect(node(fixed, 'db')).toMatchObject({ replication: 'primary-replica', role: 'primary' });
    expect(node(fixed, id)).toMatchObject({ parent: 'r2', role: 'standby' });
    expect(fixed.variants[0]?.edges).toContainEqual({ from: 'db', to: id, kind: 'replicates' });
    expectValid(fixed);
  });

  it('each other op sets what it names and keeps the document valid', () => {
    const cases: [FixOp, (d: NinesDocument) => unknown, unknown][] = [
      [
        { kind: 'scale-tier', nodeId: 'db', instances: 4 },
        (d) => (node(d, 'db') as { instances?: number }).instances,
        4,
      ],
      [
        { kind: 'set-async', nodeIds: ['db2'] },
        (d) => (node(d, 'db2') as { sync?: boolean }).sync,
        false,
      ],
      [
        { kind: 'set-link-bandwidth', a: 'r2', b: 'r1', bandwidthMbps: 1200 },
        (d) => d.variants[0]?.links,
        [{ a: 'r1', b: 'r2', rttMs: 80, bandwidthMbps: 1200 }],
      ],
      [
        { kind: 'set-backup-interval', backupId: 'bk', intervalSeconds: 5 },
        (d) => (node(d, 'bk') as { intervalSeconds?: number }).intervalSeconds,
        5,
      ],
      [
        { kind: 'set-restore-throughput', backupId: 'bk', restoreThroughputMBps: 179 },
        (d) => (node(d, 'bk') as { restoreThroughputMBps?: number }).restoreThroughputMBps,
        179,
      ],
      [
        { kind: 'set-witness', nodeId: 'db' },
        (d) => (node(d, 'db') as { witness?: boolean }).witness,
        true,
      ],
      [
        { kind: 'set-auto-failover', nodeIds: ['db', 'db2'] },
        (d) =>
          [node(d, 'db'), node(d, 'db2')].map(
            (n) => (n as { autoFailover?: boolean }).autoFailover,
          ),
        [true, true],
      ],
    ];
    for (const [op, read, expected] of cases) {
      const fixed = applyFix(doc(), 'v', op);
      expect(read(fixed), op.kind).toEqual(expected);
      expectValid(fixed);
    }
  });

  it("roll-maintenance rolls a tier's window with the instances it names", () => {
    const base = doc();
    const withWindow: NinesDocument = {
      ...base,
      variants: base.variants.map((v) => ({
        ...v,
        nodes: v.nodes.map((n): ModelNode =>
          n.id === 'db' && n.kind === 'datastore'
            ? { ...n, maintenance: { windowMinutes: 60, perYear: 12 } }
            : n,
        ),
      })),
    };
    const op: FixOp = { kind: 'roll-maintenance', nodeId: 'db', instances: 2 };
    const fixed = applyFix(withWindow, 'v', op);
    expect(node(fixed, 'db')).toMatchObject({
      instances: 2,
      maintenance: { windowMinutes: 60, perYear: 12, rolling: true },
    });
    expectValid(fixed);
    expect(() => applyFix(base, 'v', op)).toThrow(/has no maintenance/);
  });

  it('add-backup adds a daily backup beside the datastore, in its region', () => {
    const fixed = applyFix(doc(), 'v', {
      kind: 'add-backup',
      datastoreId: 'db2',
      backupId: 'backup-db2',
      regionId: 'r2',
    });
    expect(node(fixed, 'backup-db2')).toMatchObject({
      kind: 'backup',
      parent: 'r2',
      intervalSeconds: 86400,
      retentionDays: 7,
    });
    expect(fixed.variants[0]?.edges).toContainEqual({
      from: 'backup-db2',
      to: 'db2',
      kind: 'backs-up',
    });
    expectValid(fixed);
    // With an interval (the advisor's, to meet the RPO target): that interval.
    const often = applyFix(doc(), 'v', {
      kind: 'add-backup',
      datastoreId: 'db2',
      backupId: 'backup-db2',
      intervalSeconds: 1800,
    });
    expect(node(often, 'backup-db2')).toMatchObject({ intervalSeconds: 1800, retentionDays: 7 });
    expectValid(often);
  });

  it('add-dns-provider puts a second provider beside the router under a choice that cannot fail', () => {
    const before = doc();
    const variant = before.variants[0] as NinesDocument['variants'][number];
    variant.nodes = variant.nodes.map((n) =>
      n.id === 'dns'
        ? { ...n, name: 'Route 53', queriesPerMonth: 1e8, monthlyUsd: 80, dnsTtlSeconds: 60 }
        : n,
    );
    variant.layout = { ...variant.layout, dns: { x: 500, y: 0 } };
    const op = {
      kind: 'add-dns-provider',
      routerId: 'dns',
      newId: 'dns-2',
      resolverId: 'dns-resolvers',
    } as const;
    const fixed = applyFix(before, 'v', op);
    const v = fixed.variants[0];
    expect(v?.entry).toBe('dns-resolvers');
    // The queries are the resolvers' and do not double: half to each provider.
    expect(node(fixed, 'dns')).toMatchObject({ queriesPerMonth: 5e7, monthlyUsd: 80 });
    const second = node(fixed, 'dns-2');
    expect(second).toMatchObject({ kind: 'router', queriesPerMonth: 5e7, dnsTtlSeconds: 60 });
    // Priced from the book, not by the first provider's override.
    expect(second).not.toHaveProperty('monthlyUsd');
    expect(node(fixed, 'dns-resolvers')).toMatchObject({
      kind: 'router',
      availability: 1,
      monthlyUsd: 0,
      healthCheckSeconds: 3,
      failureThreshold: 1,
      dnsTtlSeconds: 0,
    });
    expect(v?.edges.filter((e) => e.from === 'dns-2' || e.from === 'dns-resolvers')).toEqual([
      dep('dns-2', 'app'),
      dep('dns-resolvers', 'dns'),
      dep('dns-resolvers', 'dns-2'),
    ]);
    expect(v?.layout?.['dns-2']).toEqual({ x: 740, y: 0 });
    expect(v?.layout?.['dns-resolvers']).toEqual({ x: 620, y: -110 });
    expect(node(before, 'dns')).toMatchObject({ queriesPerMonth: 1e8 });
    expectValid(fixed);
    expect(() => applyFix(fixed, 'v', op)).toThrow(/already exists/);
  });

  it('add-dns-provider puts the choice where the router was a dependency', () => {
    const d = singleVariant(
      'edge',
      [
        { id: 'edge', kind: 'service' },
        { id: 'dns', kind: 'router', dnsTtlSeconds: 60 },
        { id: 'app', kind: 'service' },
      ],
      [dep('edge', 'dns'), dep('dns', 'app')],
    );
    const fixed = applyFix(d, 'v', {
      kind: 'add-dns-provider',
      routerId: 'dns',
      newId: 'dns-b',
      resolverId: 'either',
    });
    expect(fixed.variants[0]?.entry).toBe('edge');
    expect(fixed.variants[0]?.edges).toEqual([
      dep('edge', 'either'),
      dep('dns', 'app'),
      dep('dns-b', 'app'),
      dep('either', 'dns'),
      dep('either', 'dns-b'),
    ]);
    expectValid(fixed);
  });

  it('refuses a stale op (a programmer error) and leaves the document alone', () => {
    const d = doc();
    expect(() => applyFix(d, 'v', { kind: 'set-witness', nodeId: 'app' })).toThrow(
      /not a datastore/,
    );
    expect(() => applyFix(d, 'nope', { kind: 'set-witness', nodeId: 'db' })).toThrow(/no variant/);
    expect(() =>
      applyFix(d, 'v', { kind: 'add-backup', datastoreId: 'db', backupId: 'bk' }),
    ).toThrow(/already exists/);
    expect(freshFixId(d, 'v', 'bk')).toBe('bk-2');
  });
});
