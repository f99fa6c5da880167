import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceBookSchema, type PriceBook } from '../../catalog/price-book';
import { PART_PROVIDERS, pricePartSchema, withPriceParts } from '../../catalog/price-parts';
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
/** The bundled book as the CLI and the app price with it: the core with every provider's part. */
const FULL_BOOK: PriceBook = withPriceParts(
  BOOK,
  PART_PROVIDERS.map((p) =>
    pricePartSchema.parse(
      JSON.parse(
        readFileSync(
          new URL(`../../../assets/pricing/pricebook-${p}.json`, import.meta.url),
          'utf8',
        ),
      ),
    ),
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
      ...region('r', 'eu-west-2'),
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
      expect(c.unpriced, `${variant.id}`).toEqual([]);
      expect(c.isComplete).toBe(true);
    }
  });

  // Monthly totals (USD) and the sources their lines cite, per variant, with the bundled book.
  const PINNED: Record<string, [monthly: number, sources: string]> = {
    'single-3az': [2840.353, 'ec-pricelist,infracost,sky-aws'],
    'pilot-light': [
      2914.8021,
      'ape-route53,bill-euw1-alb,bill-euw1-s3,infracost,pricelist-euw1-fixture,sky-aws',
    ],
    'warm-standby': [
      3592.721,
      'ape-route53,bill-euw1-alb,bill-euw1-s3,infracost,pricelist-euw1-fixture,sky-aws',
    ],
    aa2: [
      6254.4632,
      'ape-route53,bill-euw1-alb,bill-euw1-s3,infracost,pricelist-euw1-fixture,redis-memory-limit,sky-aws',
    ],
    aa3: [
      7401.8339,
      'ape-route53,bill-euw1-alb,bill-euw1-s3,infracost,pricelist-euw1-fixture,redis-memory-limit,sky-aws,table-usw2',
    ],
  };

  it.each(TEMPLATES)('%s: every variant prices completely, total and sources pinned', (_f, doc) => {
    for (const variant of doc.variants) {
      const c = estimateCost(doc, variant.id, { priceBook: FULL_BOOK });
      expect(c.unpriced, variant.id).toEqual([]);
      const [monthly, sources] = PINNED[variant.id] ?? [NaN, ''];
      expect(c.monthly, variant.id).toBeCloseTo(monthly, 3);
      const cited = new Set(c.breakdown.flatMap((l) => l.source.split(', ')));
      expect([...cited].sort().join(','), variant.id).toBe(sources);
      for (const source of cited) expect(FULL_BOOK.sources[source], source).toBeDefined();
    }
  });

  it('the filled gaps add exactly their hand-computed lines (aa2: DNS queries, ALB and S3 in eu-west-1)', () => {
    const [, doc] = TEMPLATES.find(([f]) => f.startsWith('active-active-2-regions')) ?? [];
    if (!doc) throw new Error('no two-region template');
    const c = estimateCost(doc, 'aa2', { priceBook: FULL_BOOK });
    // Without the fills and the query volume, the same template left these out (issue 19).
    const gaps = new Set([
      'aws:eu-west-1:load-balancer:alb',
      'aws:eu-west-1:load-balancer:alb-lcu',
      'aws:eu-west-1:object-storage:standard',
    ]);
    const without: PriceBook = {
      ...FULL_BOOK,
      entries: Object.fromEntries(Object.entries(FULL_BOOK.entries).filter(([k]) => !gaps.has(k))),
    };
    const variant = doc.variants[0] as Variant;
    const noQueries: NinesDocument = {
      ...doc,
      variants: [
        {
          ...variant,
          nodes: variant.nodes.map((n) =>
            n.kind === 'router' && n.id === 'dns' ? { ...n, queriesPerMonth: undefined } : n,
          ),
        },
      ],
    };
    const before = estimateCost(noQueries, 'aa2', { priceBook: without });
    expect(before.unpriced.map((u) => u.nodeId)).toEqual(['dns', 'lb-euw1', 'backup-euw1']);
    const added =
      100 * 0.6 + // 100 million latency-based queries at $0.60 per million
      0.0252 * 730 + // the ALB hour in eu-west-1
      2500 * GIB_IN_GB * 0.008 + // half of 5,000 GiB egress through the ALB, one LCU per GB
      168 * 50 * GIB_IN_GB * 0.023; // 7 days of hourly 50 GiB copies on S3 Standard
    expect(c.monthly - before.monthly).toBeCloseTo(added, 6);
    expect(c.pricesAsOf).toEqual({ oldest: '2017-05-31', newest: '2026-09-20' });
  });
});

describe('the full price book (core and provider parts)', () => {
  const site = (provider: string, location: string, node: ModelNode) =>
    estimateCost(docOf([...region('r', location, provider), node]), 'v', {
      priceBook: FULL_BOOK,
    });

  it('prices a managed Redis node type as managed Redis, per region (ElastiCache eu-west-1 $0.243)', () => {
    const c = site('aws', 'eu-west-1', {
      id: 'db',
      kind: 'datastore',
      parent: 'r',
      engine: 'redis',
      instances: 2,
      instanceType: 'cache.r7g.large',
    });
    const [line] = lines(c, 'db', 'datastore');
    expect(line?.monthlyUsd).toBeCloseTo(2 * 0.243 * 730, 9);
    expect(line?.detail.replace(/\s/g, ' ')).toBe(
      '2 × cache.r7g.large (managed redis node) × $0.243/h × 730 h',
    );
    expect(line?.source).toBe('leanercloud-elasticache');
    expect(c.pricesAsOf).toEqual({ oldest: '2025-04-24', newest: '2025-04-24' });
  });

  it('prices a VM of the bulk tables (Azure southeastasia, GCP europe-west4)', () => {
    const azure = site('azure', 'southeastasia', {
      id: 'app',
      kind: 'service',
      parent: 'r',
      instanceType: 'Standard_D2s_v5',
    });
    expect(only(azure, 'app', 'compute')).toBeCloseTo(0.12 * 730, 9);
    const gcp = site('gcp', 'europe-west4', {
      id: 'app',
      kind: 'service',
      parent: 'r',
      instanceType: 'n2-standard-8',
    });
    expect(only(gcp, 'app', 'compute')).toBeCloseTo(0.427664 * 730, 9);
  });

  it('an unknown instance type or region is an unpriced line with its reason, never a number', () => {
    const type = site('aws', 'us-east-1', {
      id: 'app',
      kind: 'service',
      parent: 'r',
      instanceType: 'm99.huge',
    });
    expect(type.breakdown.filter((l) => l.nodeId === 'app')).toEqual([]);
    expect(type.unpriced).toContainEqual(
      expect.objectContaining({
        nodeId: 'app',
        code: 'no-price',
        reason: 'no price for m99.huge in aws us-east-1',
      }),
    );
    const place = site('azure', 'moon-1', {
      id: 'app',
      kind: 'service',
      parent: 'r',
      instanceType: 'Standard_D2s_v5',
    });
    expect(place.monthly).toBe(0);
    expect(place.unpriced).toContainEqual(
      expect.objectContaining({
        code: 'no-price',
        reason: 'no price for Standard_D2s_v5 in azure moon-1',
      }),
    );
  });
});

describe('DNS queries', () => {
  const dnsDoc = (router: Partial<ModelNode>, provider = 'aws') =>
    docOf(
      [
        { id: 'dns', kind: 'router', ...router } as ModelNode,
        ...region('r', provider === 'azure' ? 'eastus' : 'us-east-1', provider),
        { id: 'lb', kind: 'router', parent: 'r' },
      ],
      {
        edges: [{ from: 'dns', to: 'lb', kind: 'depends' }],
        entry: 'dns',
      },
    );
  const queryLine = (c: CostEstimate) =>
    c.breakdown.find((l) => l.nodeId === 'dns' && l.detail.includes('DNS queries'));

  it('queriesPerMonth × the routing policy’s price per million, through the tiers', () => {
    // Route 53 latency-based: $0.60 per million for the first billion, $0.30 after.
    const c = cost(dnsDoc({ queriesPerMonth: 1.5e9, routingPolicy: 'latency' }));
    expect(queryLine(c)?.monthlyUsd).toBeCloseTo(1000 * 0.6 + 500 * 0.3, 9);
    expect(queryLine(c)?.priceKeys).toEqual([
      'aws:global:dns:queries-latency',
      'aws:global:dns:queries-latency:tier2',
    ]);
    // No policy: simple (standard) queries, $0.40 per million.
    expect(queryLine(cost(dnsDoc({ queriesPerMonth: 2e6 })))?.monthlyUsd).toBeCloseTo(0.8, 9);
    // Azure Traffic Manager: $0.54 per million.
    const azure = cost(dnsDoc({ queriesPerMonth: 1e7 }, 'azure'));
    expect(queryLine(azure)?.monthlyUsd).toBeCloseTo(5.4, 9);
    expect(queryLine(azure)?.source).toBe('infracost');
  });

  it('without a query volume the queries are unpriced (no-quantity), never guessed', () => {
    const c = cost(dnsDoc({}));
    expect(queryLine(c)).toBeUndefined();
    expect(c.unpriced).toContainEqual(
      expect.objectContaining({ nodeId: 'dns', code: 'no-quantity', category: 'routing' }),
    );
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
