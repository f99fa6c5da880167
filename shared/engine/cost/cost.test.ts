import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceBookSchema, type PriceBook } from '../../catalog/price-book';
import type { DatastoreNode, ModelNode, NinesDocument, Variant } from '../../model/types';
import { parseDocumentText } from '../../schema/parse';
import { activeActiveMemoryNeedGiB } from './compute';
import { estimateCost } from './estimate';
import { replicationGBPerMonth } from './transfer';
import type { CostEstimate } from './types';

const BOOK: PriceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);
const GIB_IN_GB = 2 ** 30 / 1e9;
/** 2,000 writes/s × 1,024 B × 2,628,000 s / 1e9. */
const WRITE_GB = 5382.144;

function region(id: string, location: string, provider = 'aws'): ModelNode[] {
  return [
    { id, kind: 'region', provider, location },
    ...['a', 'b', 'c'].map((z): ModelNode => ({
      id: `${id}-${z}`,
      kind: 'zone',
      parent: id,
      location: `${location}${z}`,
    })),
  ];
}

function docOf(
  nodes: ModelNode[],
  extra: Partial<Variant> = {},
  rest: Partial<NinesDocument> = {},
): NinesDocument {
  return {
    format: 'nines/1',
    name: 'test',
    workload: { writesPerSecond: 2000, avgWriteBytes: 1024, dataSetGiB: 50 },
    variants: [{ id: 'v', name: 'v', entry: nodes[0]?.id ?? 'x', nodes, edges: [], ...extra }],
    ...rest,
  };
}

function cost(doc: NinesDocument, downtimeMinutesPerYear?: number): CostEstimate {
  return estimateCost(doc, 'v', {
    priceBook: BOOK,
    ...(downtimeMinutesPerYear === undefined ? {} : { downtimeMinutesPerYear }),
  });
}

function lines(estimate: CostEstimate, nodeId: string, category?: string) {
  return estimate.breakdown.filter(
    (l) => l.nodeId === nodeId && (category === undefined || l.category === category),
  );
}

function only(estimate: CostEstimate, nodeId: string, category: string): number {
  const found = lines(estimate, nodeId, category);
  expect(found).toHaveLength(1);
  return found[0]?.monthlyUsd ?? Number.NaN;
}

describe('estimateCost: one category at a time, hand-computed', () => {
  it('compute: instances × hourly × 730 (15 × m7i.large in us-east-1 = $1,103.76)', () => {
    const c = cost(
      docOf([
        ...region('r', 'us-east-1'),
        { id: 'app', kind: 'service', parent: 'r', instances: 15, instanceType: 'm7i.large' },
      ]),
    );
    expect(only(c, 'app', 'compute')).toBeCloseTo(15 * 0.1008 * 730, 9);
    expect(lines(c, 'app')[0]?.source).toBe('sky-aws');
    expect(lines(c, 'app')[0]?.priceKeys).toEqual(['aws:us-east-1:compute:m7i.large']);
    expect(c.isComplete).toBe(true);
  });

  it('managed datastore: a cache.* type takes the ElastiCache price (2 × $0.219 × 730)', () => {
    const c = cost(
      docOf([
        ...region('r', 'us-east-1'),
        {
          id: 'db',
          kind: 'datastore',
          parent: 'r',
          instances: 2,
          instanceType: 'cache.r7g.large',
          engine: 'redis',
        },
      ]),
    );
    expect(only(c, 'db', 'datastore')).toBeCloseTo(319.74, 9);
    expect(lines(c, 'db')[0]?.source).toBe('ec-pricelist');
  });

  it('storage: storageGiB × GB per GiB × $0.023 per GB-month on S3 Standard', () => {
    const c = cost(
      docOf([
        ...region('r', 'us-east-1'),
        { id: 's3', kind: 'objectStore', parent: 'r', storageGiB: 1000 },
      ]),
    );
    expect(only(c, 's3', 'storage')).toBeCloseTo(1000 * GIB_IN_GB * 0.023, 9);
  });

  it('load balancer: ALB hours + LCUs from the processed bytes (the region’s egress)', () => {
    const doc = docOf(
      [...region('r', 'us-east-1'), { id: 'lb', kind: 'router', parent: 'r' }],
      {},
      {
        workload: { egressGiBPerMonth: 100 },
      },
    );
    const c = cost(doc);
    const lb = lines(c, 'lb', 'loadBalancer').map((l) => l.monthlyUsd);
    expect(lb[0]).toBeCloseTo(0.0225 * 730, 9);
    expect(lb[1]).toBeCloseTo(100 * GIB_IN_GB * 0.008, 9);
  });

  it('global routing: hosted zone + a health check per target (+ the fast feature at 10 s); queries unpriced', () => {
    const nodes: ModelNode[] = [
      { id: 'dns', kind: 'router', healthCheckSeconds: 30 },
      ...region('a', 'us-east-1'),
      ...region('b', 'eu-west-1'),
      { id: 'app-a', kind: 'service', parent: 'a', instanceType: 'm7i.large' },
      { id: 'app-b', kind: 'service', parent: 'b', instanceType: 'm7i.large' },
    ];
    const edges = [
      { from: 'dns', to: 'app-a', kind: 'depends' as const },
      { from: 'dns', to: 'app-b', kind: 'depends' as const },
    ];
    const slow = cost(docOf(nodes, { edges }));
    expect(lines(slow, 'dns').reduce((s, l) => s + l.monthlyUsd, 0)).toBeCloseTo(0.5 + 2 * 0.5, 12);
    const fastNodes = nodes.map((n) => (n.id === 'dns' ? { ...n, healthCheckSeconds: 10 } : n));
    const fast = cost(docOf(fastNodes, { edges }));
    expect(lines(fast, 'dns').reduce((s, l) => s + l.monthlyUsd, 0)).toBeCloseTo(
      0.5 + 2 * 0.5 + 2 * 1,
      12,
    );
    expect(fast.unpriced).toEqual([
      expect.objectContaining({ nodeId: 'dns', code: 'no-quantity', category: 'routing' }),
    ]);
  });

  it('cross-region replication: writes/s × bytes × 2,628,000 s / 1e9 × $0.02 from the primary', () => {
    expect(replicationGBPerMonth(2000, 1024, 730)).toBeCloseTo(WRITE_GB, 9);
    const nodes: ModelNode[] = [
      ...region('a', 'us-east-1'),
      ...region('b', 'eu-west-1'),
      {
        id: 'db-a',
        kind: 'datastore',
        parent: 'a',
        replication: 'active-passive',
        role: 'standby',
        instanceType: 'r7i.large',
      },
      {
        id: 'db-b',
        kind: 'datastore',
        parent: 'b',
        replication: 'active-passive',
        role: 'primary',
        instanceType: 'r7i.large',
      },
    ];
    const c = cost(docOf(nodes, { edges: [{ from: 'db-a', to: 'db-b', kind: 'replicates' }] }));
    // The primary is the edge's `to`, so eu-west-1 sends, at eu-west-1's price.
    expect(only(c, 'db-b', 'crossRegionTransfer')).toBeCloseTo(WRITE_GB * 0.02, 9);
    expect(lines(c, 'db-a', 'crossRegionTransfer')).toEqual([]);
  });

  it('Active-Active replication: each member sends its region’s share of the writes', () => {
    const nodes: ModelNode[] = [
      ...region('a', 'us-east-1'),
      ...region('b', 'eu-west-1'),
      {
        id: 'db-a',
        kind: 'datastore',
        parent: 'a',
        replication: 'active-active',
        instanceType: 'r7i.large',
      },
      {
        id: 'db-b',
        kind: 'datastore',
        parent: 'b',
        replication: 'active-active',
        instanceType: 'r7i.large',
      },
    ];
    const c = cost(
      docOf(nodes, {
        trafficShare: { a: 0.75, b: 0.25 },
        edges: [{ from: 'db-a', to: 'db-b', kind: 'replicates' }],
      }),
    );
    expect(only(c, 'db-a', 'crossRegionTransfer')).toBeCloseTo(0.75 * WRITE_GB * 0.02, 9);
    expect(only(c, 'db-b', 'crossRegionTransfer')).toBeCloseTo(0.25 * WRITE_GB * 0.02, 9);
  });

  it('cross-zone replication: replicas outside the primary’s zone × $0.01 each direction', () => {
    const tier = (instances: number): ModelNode => ({
      id: 'db',
      kind: 'datastore',
      parent: 'r',
      instances,
      replication: 'primary-replica',
      instanceType: 'r7i.large',
    });
    const two = cost(docOf([...region('r', 'us-east-1'), tier(2)]));
    expect(only(two, 'db', 'crossZoneTransfer')).toBeCloseTo(WRITE_GB * 0.01 * 2, 9);
    // Four instances over three zones: instances 1 and 2 are elsewhere, 3 shares zone a.
    const four = cost(docOf([...region('r', 'us-east-1'), tier(4)]));
    expect(only(four, 'db', 'crossZoneTransfer')).toBeCloseTo(2 * WRITE_GB * 0.01 * 2, 9);
    // Pinned to one zone: no cross-zone traffic.
    const pinned = cost(docOf([...region('r', 'us-east-1'), { ...tier(2), parent: 'r-a' }]));
    expect(lines(pinned, 'db', 'crossZoneTransfer')).toEqual([]);
  });

  it('two members of one region in two zones: one cross-zone stream from the primary', () => {
    const nodes: ModelNode[] = [
      ...region('r', 'us-east-1'),
      {
        id: 'p',
        kind: 'datastore',
        parent: 'r-a',
        role: 'primary',
        replication: 'active-passive',
        instanceType: 'r7i.large',
      },
      {
        id: 's',
        kind: 'datastore',
        parent: 'r-b',
        role: 'standby',
        replication: 'active-passive',
        instanceType: 'r7i.large',
      },
    ];
    const c = cost(docOf(nodes, { edges: [{ from: 's', to: 'p', kind: 'replicates' }] }));
    expect(only(c, 'p', 'crossZoneTransfer')).toBeCloseTo(WRITE_GB * 0.01 * 2, 9);
    expect(lines(c, 's', 'crossZoneTransfer')).toEqual([]);
  });

  it('replication between two providers is reported, not priced', () => {
    const nodes: ModelNode[] = [
      ...region('a', 'us-east-1'),
      ...region('b', 'eastus', 'azure'),
      {
        id: 'x',
        kind: 'datastore',
        parent: 'a',
        replication: 'active-passive',
        instanceType: 'r7i.large',
      },
      {
        id: 'y',
        kind: 'datastore',
        parent: 'b',
        replication: 'active-passive',
        instanceType: 'Standard_E4s_v5',
      },
    ];
    const c = cost(docOf(nodes, { edges: [{ from: 'x', to: 'y', kind: 'replicates' }] }));
    expect(c.unpriced).toEqual([expect.objectContaining({ nodeId: 'x', code: 'cross-provider' })]);
    expect(c.breakdown.filter((l) => l.category === 'crossRegionTransfer')).toEqual([]);
  });

  it('internet egress: tiered (GCP 1 TiB at $0.12 then $0.11) and the excess beyond the book unpriced', () => {
    const gcp = cost(
      docOf(region('r', 'us-east1', 'gcp'), {}, { workload: { egressGiBPerMonth: 2000 } }),
    );
    expect(only(gcp, 'r', 'egress')).toBeCloseTo(1024 * 0.12 + 976 * 0.11, 9);
    const aws = cost(
      docOf(region('r', 'us-east-1'), {}, { workload: { egressGiBPerMonth: 20000 } }),
    );
    expect(only(aws, 'r', 'egress')).toBeCloseTo(10240 * 0.09, 9);
    expect(aws.unpriced).toEqual([
      expect.objectContaining({ nodeId: 'r', category: 'egress', code: 'no-price' }),
    ]);
  });

  it('backups: data set × copies kept × storage price (S3 for VMs, ElastiCache backup for managed)', () => {
    const nodes = (type: string): ModelNode[] => [
      ...region('r', 'us-east-1'),
      { id: 'db', kind: 'datastore', parent: 'r', instanceType: type },
      { id: 'bk', kind: 'backup', parent: 'r', intervalSeconds: 43200, retentionDays: 7 },
    ];
    const edges = [{ from: 'bk', to: 'db', kind: 'backs-up' as const }];
    const vm = cost(docOf(nodes('r7i.large'), { edges }));
    expect(only(vm, 'bk', 'backup')).toBeCloseTo(14 * 50 * GIB_IN_GB * 0.023, 9);
    const managed = cost(docOf(nodes('cache.r7g.large'), { edges }));
    expect(only(managed, 'bk', 'backup')).toBeCloseTo(14 * 50 * GIB_IN_GB * 0.085, 9);
  });

  it('licences are added as given', () => {
    const c = cost(
      docOf([
        ...region('r', 'us-east-1'),
        {
          id: 'app',
          kind: 'service',
          parent: 'r',
          instanceType: 'm7i.large',
          licenseMonthlyUsd: 250,
        },
      ]),
    );
    expect(only(c, 'app', 'licence')).toBe(250);
  });

  it('Active-Active memory: (data × 2 × 2 − provisioned) GiB at the instance’s price per GiB-hour', () => {
    expect(activeActiveMemoryNeedGiB(50, 2)).toBe(200);
    expect(activeActiveMemoryNeedGiB(50, 1)).toBe(100);
    const member = (id: string, parent: string, instanceType: string): DatastoreNode => ({
      id,
      kind: 'datastore',
      parent,
      instances: 2,
      replication: 'active-active',
      instanceType,
    });
    const nodes = [...region('a', 'us-east-1'), ...region('b', 'eu-west-1')];
    const small = cost(
      docOf([...nodes, member('m', 'a', 'r7i.xlarge'), member('n', 'b', 'r7i.xlarge')]),
    );
    expect(only(small, 'm', 'memory')).toBeCloseTo((200 - 64) * (0.2646 / 32) * 730, 9);
    expect(only(small, 'm', 'memory')).toBeCloseTo(820.9215, 9);
    expect(lines(small, 'm', 'memory')[0]?.source).toContain('redis-memory-limit');
    // A 30 GiB data set needs 120 GiB and 2 × r7i.2xlarge hold 128: a zero line, nothing to buy.
    const big = cost(
      docOf([
        ...nodes,
        { ...member('m', 'a', 'r7i.2xlarge'), memoryGiB: 30 },
        { ...member('n', 'b', 'r7i.2xlarge'), memoryGiB: 30 },
      ]),
    );
    expect(only(big, 'm', 'memory')).toBe(0);
    // Plain replication has no Active-Active line.
    const plain = cost(
      docOf([...nodes, { ...member('m', 'a', 'r7i.xlarge'), replication: 'primary-replica' }]),
    );
    expect(lines(plain, 'm', 'memory')).toEqual([]);
  });

  it('standby capacity: every line of a region with no traffic is standby', () => {
    const nodes: ModelNode[] = [
      ...region('a', 'us-east-1'),
      ...region('b', 'eu-west-1'),
      { id: 'app-a', kind: 'service', parent: 'a', instances: 4, instanceType: 'm7i.large' },
      {
        id: 'app-b',
        kind: 'service',
        parent: 'b',
        instances: 1,
        instanceType: 'm7i.large',
        licenseMonthlyUsd: 10,
      },
    ];
    const c = cost(docOf(nodes, { trafficShare: { a: 1, b: 0 } }));
    expect(lines(c, 'app-b').map((l) => l.category)).toEqual(['standby', 'standby']);
    expect(c.byCategory.standby).toBeCloseTo(0.11235 * 730 + 10, 9);
    expect(lines(c, 'app-a').map((l) => l.category)).toEqual(['compute']);
  });

  it('overrides: monthlyUsd replaces the node’s prices, hourlyUsd the instance price; totals sum exactly', () => {
    const nodes: ModelNode[] = [
      ...region('r', 'us-east-1'),
      {
        id: 'app',
        kind: 'service',
        parent: 'r',
        instances: 4,
        instanceType: 'm7i.large',
        monthlyUsd: 1000.25,
      },
      {
        id: 'db',
        kind: 'datastore',
        parent: 'r',
        instances: 2,
        instanceType: 'nope',
        hourlyUsd: 0.5,
      },
      { id: 'ext', kind: 'external', monthlyUsd: 99.5, licenseMonthlyUsd: 0.25 },
    ];
    const c = cost(docOf(nodes));
    expect(c.breakdown.map((l) => l.monthlyUsd)).toEqual([1000.25, 730, 99.5, 0.25]);
    expect(c.monthly).toBe(1000.25 + 730 + 99.5 + 0.25);
    expect(c.monthly).toBe(1830);
    expect(c.unpriced).toEqual([]);
  });

  it('a discount per provider takes its share off book prices, not off overrides', () => {
    const nodes: ModelNode[] = [
      ...region('r', 'us-east-1'),
      { id: 'app', kind: 'service', parent: 'r', instances: 10, instanceType: 'm7i.large' },
      { id: 'fixed', kind: 'service', parent: 'r', hourlyUsd: 1 },
    ];
    const c = cost(docOf(nodes, {}, { catalog: { discounts: { aws: 0.25 } } }));
    expect(only(c, 'app', 'compute')).toBeCloseTo(10 * 0.1008 * 0.75 * 730, 9);
    expect(only(c, 'fixed', 'compute')).toBe(730);
  });

  it('custom provider: prices come from catalog.prices in the document', () => {
    const nodes: ModelNode[] = [
      ...region('dc', 'fra-1', 'custom'),
      { id: 'app', kind: 'service', parent: 'dc', instances: 3, instanceType: 'vm-large' },
      { id: 'lb', kind: 'router', parent: 'dc' },
    ];
    const prices = { 'custom:fra-1:compute:vm-large': 0.05, 'custom:fra-1:load-balancer:lb': 0.01 };
    const c = cost(docOf(nodes, {}, { catalog: { prices } }));
    expect(only(c, 'app', 'compute')).toBeCloseTo(3 * 0.05 * 730, 9);
    expect(only(c, 'lb', 'loadBalancer')).toBeCloseTo(7.3, 9);
    expect(lines(c, 'app')[0]?.source).toBe('document');
    expect(c.isComplete).toBe(true);
  });

  it('missing prices are reported, never guessed', () => {
    const nodes: ModelNode[] = [
      ...region('r', 'eu-west-1'),
      { id: 'db', kind: 'datastore', parent: 'r', instanceType: 'cache.r7g.large' },
      { id: 'lb', kind: 'router', parent: 'r' },
      { id: 'global-app', kind: 'service', instanceType: 'm7i.large' },
      { id: 'untyped', kind: 'service', parent: 'r' },
    ];
    const c = cost(docOf(nodes));
    expect(c.breakdown).toEqual([]);
    expect(c.monthly).toBe(0);
    expect(c.isComplete).toBe(false);
    expect(c.unpriced.map((u) => [u.nodeId, u.code])).toEqual([
      ['db', 'no-price'],
      ['lb', 'no-price'],
      ['global-app', 'no-placement'],
      ['untyped', 'no-placement'],
    ]);
  });

  it('expected downtime cost = downtime hours × cost per hour; yearly total = 12 × monthly + it', () => {
    const doc = docOf(
      [...region('r', 'us-east-1'), { id: 'app', kind: 'service', parent: 'r', hourlyUsd: 1 }],
      {},
      { targets: { downtimeCostPerHour: 50000 } },
    );
    const c = cost(doc, 90);
    expect(c.expectedDowntimeCostPerYear).toBe(75000);
    expect(c.yearlyTotal).toBe(12 * 730 + 75000);
    expect(cost(doc).expectedDowntimeCostPerYear).toBeNull();
    expect(cost(doc).yearlyTotal).toBe(12 * 730);
  });
});

const TEMPLATE_DIR = new URL('../../../assets/templates/', import.meta.url);
const TEMPLATES = readdirSync(TEMPLATE_DIR)
  .filter((f) => f.endsWith('.nines.json'))
  .map((f) => {
    const parsed = parseDocumentText(readFileSync(new URL(f, TEMPLATE_DIR), 'utf8'));
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return [f, parsed.document] as const;
  });

describe('estimateCost on the bundled templates', () => {
  it.each(TEMPLATES)('%s: every tier, datastore and replication stream is priced', (_f, doc) => {
    for (const variant of doc.variants) {
      const c = estimateCost(doc, variant.id, { priceBook: BOOK });
      expect(c.breakdown.length).toBeGreaterThan(0);
      expect(c.monthly).toBeGreaterThan(0);
      for (const node of variant.nodes) {
        if (node.kind === 'service' || node.kind === 'datastore') {
          expect(lines(c, node.id).length, node.id).toBeGreaterThan(0);
        }
      }
      // What the price book lacks for these templates: ALB and S3 outside us-east-1, DNS queries.
      for (const u of c.unpriced) {
        expect(['loadBalancer', 'backup', 'routing'], `${u.nodeId}: ${u.reason}`).toContain(
          u.category,
        );
      }
    }
  });
});

describe('estimateCost properties', () => {
  const allVariants = TEMPLATES.flatMap(([, doc]) => doc.variants.map((v) => [doc, v] as const));
  const pick = fc
    .integer({ min: 0, max: allVariants.length - 1 })
    .map((i) => allVariants[i] as (typeof allVariants)[number]);
  const workload = fc.record({
    writesPerSecond: fc.double({ min: 0, max: 1e5, noNaN: true }),
    avgWriteBytes: fc.double({ min: 0, max: 1e5, noNaN: true }),
    dataSetGiB: fc.double({ min: 0, max: 1e4, noNaN: true }),
    egressGiBPerMonth: fc.double({ min: 0, max: 1e6, noNaN: true }),
  });
  const withVariant = (
    doc: NinesDocument,
    variant: Variant,
    w?: NinesDocument['workload'],
  ): NinesDocument => ({
    ...doc,
    ...(w ? { workload: w } : {}),
    variants: [{ ...variant, id: 'v' }],
  });

  it('every line is finite and ≥ 0, and the total is their sum', () => {
    fc.assert(
      fc.property(pick, workload, ([doc, variant], w) => {
        const c = cost(withVariant(doc, variant, w));
        for (const line of c.breakdown) {
          expect(Number.isFinite(line.monthlyUsd) && line.monthlyUsd >= 0, line.detail).toBe(true);
        }
        expect(c.monthly).toBeCloseTo(
          c.breakdown.reduce((s, l) => s + l.monthlyUsd, 0),
          6,
        );
      }),
      { seed: 20261126, numRuns: 60 },
    );
  });

  it('additive over regions: the regional totals sum to the monthly total', () => {
    fc.assert(
      fc.property(pick, workload, ([doc, variant], w) => {
        const c = cost(withVariant(doc, variant, w));
        const byRegion = Object.values(c.byRegion).reduce((s, v) => s + v, 0);
        expect(byRegion).toBeCloseTo(c.monthly, 6);
        for (const [regionId, total] of Object.entries(c.byRegion)) {
          const own = c.breakdown.filter((l) => (l.region ?? 'global') === regionId);
          expect(own.reduce((s, l) => s + l.monthlyUsd, 0)).toBeCloseTo(total, 6);
        }
      }),
      { seed: 20261127, numRuns: 60 },
    );
  });

  it('additive over regions: a variant costs what its regions cost apart', () => {
    // Without global nodes and cross-region edges, and with egress left out (it follows the
    // traffic shares, which change when a region stands alone), every line is regional.
    const regionalOnly = allVariants.map(([doc, variant]) => {
      const nodes = variant.nodes.filter((n) => n.kind === 'region' || n.parent !== undefined);
      const regionOfNode = (id: string): string | undefined => {
        const n = nodes.find((m) => m.id === id);
        if (!n) return undefined;
        return n.kind === 'region'
          ? n.id
          : n.parent === undefined
            ? undefined
            : regionOfNode(n.parent);
      };
      const edges = variant.edges.filter(
        (e) => regionOfNode(e.from) !== undefined && regionOfNode(e.from) === regionOfNode(e.to),
      );
      return [doc, { ...variant, nodes, edges }, regionOfNode] as const;
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: regionalOnly.length - 1 }),
        workload.map(({ egressGiBPerMonth: _e, ...w }) => w),
        (i, w) => {
          const [doc, variant, regionOfNode] = regionalOnly[i] as (typeof regionalOnly)[number];
          const whole = cost(withVariant(doc, variant, w)).monthly;
          const regions = variant.nodes.filter((n) => n.kind === 'region').map((n) => n.id);
          const apart = regions.map((r) => {
            const part: Variant = {
              ...variant,
              trafficShare: { [r]: 1 },
              nodes: variant.nodes.filter((n) => regionOfNode(n.id) === r),
              edges: variant.edges.filter((e) => regionOfNode(e.from) === r),
            };
            return cost(withVariant(doc, part, w)).monthly;
          });
          expect(apart.reduce((a, b) => a + b, 0)).toBeCloseTo(whole, 6);
        },
      ),
      { seed: 20261130, numRuns: 40 },
    );
  });

  it('independent of node order', () => {
    fc.assert(
      fc.property(
        pick.chain(([doc, variant]) =>
          fc
            .shuffledSubarray(variant.nodes, {
              minLength: variant.nodes.length,
              maxLength: variant.nodes.length,
            })
            .map((nodes) => [doc, variant, nodes] as const),
        ),
        ([doc, variant, nodes]) => {
          const a = cost(withVariant(doc, variant));
          const b = cost(withVariant(doc, { ...variant, nodes }));
          expect(b.monthly).toBeCloseTo(a.monthly, 6);
          const key = (l: CostEstimate['breakdown'][number]) =>
            `${l.nodeId}|${l.category}|${l.detail}`;
          expect(b.breakdown.map(key).sort()).toEqual(a.breakdown.map(key).sort());
          expect(b.unpriced.map((u) => u.reason).sort()).toEqual(
            a.unpriced.map((u) => u.reason).sort(),
          );
        },
      ),
      { seed: 20261128, numRuns: 40 },
    );
  });

  it('compute is linear in instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 10 }), (n, k) => {
        const at = (instances: number) =>
          only(
            cost(
              docOf([
                ...region('r', 'eu-west-1'),
                { id: 'app', kind: 'service', parent: 'r', instances, instanceType: 'r7i.large' },
              ]),
            ),
            'app',
            'compute',
          );
        expect(at(n * k)).toBeCloseTo(k * at(n), 6);
      }),
      { seed: 20261129, numRuns: 50 },
    );
  });
});

describe('the unpriced list', () => {
  it('names each missing price once per node, however many streams need it', () => {
    // Issue 17: three Active-Active members without a write rate listed "replication volume
    // unknown" once per replication stream (three times each), in the app's tooltip and the CLI.
    const [, template] = TEMPLATES.find(([f]) => f.startsWith('active-active-3-regions')) ?? [];
    if (!template) throw new Error('no three-region template');
    const { writesPerSecond: _unused, ...workload } = template.workload ?? {};
    const doc: NinesDocument = { ...template, workload };
    const variant = doc.variants[0] as Variant;
    const c = estimateCost(doc, variant.id, { priceBook: BOOK });
    const lines = c.unpriced.map((u) => `${u.nodeId}: ${u.reason}`);
    expect(lines).toEqual([...new Set(lines)]);
    const stores = variant.nodes.filter((n) => n.kind === 'datastore').map((n) => n.id);
    expect(stores).toHaveLength(3);
    for (const id of stores) {
      expect(lines.filter((l) => l.startsWith(`${id}: replication volume unknown`))).toHaveLength(
        1,
      );
    }
  });
});
