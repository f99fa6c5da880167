/**
 * fast-check arbitraries: random small `nines/1` models (at most `maxEvents` basic events, as the
 * brute-force oracle counts them) over one or two regions with zones, k-of-n tiers placed
 * globally, in a region or in a zone, routers with k-of-n targets, cross-region dependencies,
 * and active-passive / active-active / synchronous datastore groups, automatic or manual; common
 * causes over regions and components, beta factors on tiers, regional routers of several
 * instances, and planned maintenance (whole-node or rolling) on tiers.
 */
import fc from 'fast-check';
import type { Edge, ModelNode, NinesDocument } from '../model/types';

const availability = fc.double({ min: 0.5, max: 0.999, noNaN: true });

const componentArb = fc.record({
  kind: fc.constantFrom(
    'service',
    'datastore',
    'datastore',
    'datastore',
    'router',
    'router',
    'external',
    'queue',
  ),
  place: fc.nat({ max: 20 }),
  instances: fc.constantFrom(1, 1, 2, 3),
  k: fc.nat({ max: 3 }),
  a: availability,
  deps: fc.uniqueArray(fc.nat({ max: 6 }), { minLength: 1, maxLength: 3 }),
  replication: fc.constantFrom('active-passive', 'active-active', 'primary-replica', 'none'),
  isSync: fc.boolean(),
  isAutomatic: fc.boolean(),
  isPrimary: fc.boolean(),
  // A beta factor on a tier of two or more instances (docs/availability.md "Common causes").
  beta: fc.constantFrom(0, 0, 0, 0.1, 0.5, 0.9),
  // Planned maintenance on a tier: none, whole-node windows or rolling ones.
  maintenance: fc.constantFrom('none', 'none', 'none', 'whole', 'rolling'),
  windowMinutes: fc.integer({ min: 30, max: 600 }),
  perYear: fc.integer({ min: 1, max: 52 }),
});

const causeArb = fc.record({
  mtbfHours: fc.double({ min: 1, max: 1000, noNaN: true }),
  mttrHours: fc.double({ min: 0.1, max: 100, noNaN: true }),
  // Indexes into the regions and components of the model.
  affects: fc.uniqueArray(fc.nat({ max: 8 }), { minLength: 1, maxLength: 3 }),
});

const shapeArb = fc.record({
  // Two regions three times in four: cross-region calls and links are what needs testing.
  regions: fc.constantFrom(1, 2, 2, 2).chain((count) =>
    fc.array(fc.record({ zones: fc.integer({ min: 0, max: 2 }), a: availability }), {
      minLength: count,
      maxLength: count,
    }),
  ),
  zoneA: availability,
  linkA: availability,
  components: fc.array(componentArb, { minLength: 2, maxLength: 6 }),
  replicates: fc.array(fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 6 })), {
    minLength: 1,
    maxLength: 3,
  }),
  causes: fc.array(causeArb, { maxLength: 2 }),
});

/**
 * Counts the events the oracle enumerates: regions, zones, region pairs, instances, common
 * causes and the beta-factor events of tiers.
 */
export function countEvents(doc: NinesDocument): number {
  const variant = doc.variants[0];
  if (!variant) return 0;
  const regions = variant.nodes.filter((n) => n.kind === 'region').length;
  const betas = variant.nodes.filter(
    (n) => 'betaFactor' in n && (n.betaFactor ?? 0) > 0 && (n.instances ?? 1) > 1,
  ).length;
  const maintained = variant.nodes.filter((n) => 'maintenance' in n && n.maintenance).length;
  return (
    (regions * (regions - 1)) / 2 +
    (variant.commonCause?.length ?? 0) +
    betas +
    maintained +
    variant.nodes.reduce((sum, n) => sum + ('instances' in n ? (n.instances ?? 1) : 1), 0)
  );
}

/** Random small valid models with at most `maxEvents` basic events. */
export function smallModelArb(maxEvents = 14): fc.Arbitrary<NinesDocument> {
  return shapeArb
    .map((shape): NinesDocument => {
      const nodes: ModelNode[] = [];
      const places: (string | undefined)[] = [undefined];
      shape.regions.forEach((r, i) => {
        nodes.push({ id: `r${i}`, kind: 'region', availability: r.a });
        places.push(`r${i}`);
        for (let z = 0; z < r.zones; z++) {
          nodes.push({
            id: `r${i}z${z}`,
            kind: 'zone',
            parent: `r${i}`,
            availability: shape.zoneA,
          });
          places.push(`r${i}z${z}`);
        }
      });
      const ids = shape.components.map((_, i) => `c${i}`);
      const edges: Edge[] = [];
      shape.components.forEach((c, i) => {
        // Dependencies only on later components: the graph is acyclic by construction.
        const later = ids.length - i - 1;
        const targets =
          later === 0 ? [] : [...new Set(c.deps.map((d) => ids[i + 1 + (d % later)] as string))];
        for (const t of targets) edges.push({ from: ids[i] as string, to: t, kind: 'depends' });
        const parent = places[c.place % places.length];
        const base = { id: ids[i] as string, availability: c.a, ...(parent ? { parent } : {}) };
        if (c.kind === 'router') {
          // A router placed in a region or zone may run as instances of its own (a pair).
          const pair = parent !== undefined && c.instances > 1;
          nodes.push({
            ...base,
            kind: 'router',
            ...(targets.length > 0 ? { minTargets: 1 + (c.k % targets.length) } : {}),
            ...(pair ? { instances: c.instances, minHealthy: 1 + (c.k % c.instances) } : {}),
          });
        } else if (c.kind === 'external') {
          nodes.push({ ...base, kind: 'external' });
        } else {
          const tier = {
            instances: c.instances,
            minHealthy: 1 + (c.k % c.instances),
            ...(c.beta > 0 ? { betaFactor: c.beta } : {}),
            ...(c.maintenance === 'none'
              ? {}
              : {
                  maintenance: {
                    windowMinutes: c.windowMinutes,
                    perYear: c.perYear,
                    rolling: c.maintenance === 'rolling',
                  },
                }),
          };
          if (c.kind === 'datastore') {
            nodes.push({
              ...base,
              ...tier,
              kind: 'datastore',
              replication: c.replication,
              sync: c.isSync,
              autoFailover: c.isAutomatic,
              // A standby's warm-up is part of a manual failover's transition term.
              ...(c.isPrimary ? { role: 'primary' as const } : { warmupSeconds: 60 }),
            });
          } else nodes.push({ ...base, ...tier, kind: c.kind as 'service' | 'queue' });
        }
      });
      const datastores = nodes.filter((n) => n.kind === 'datastore').map((n) => n.id);
      for (const [x, y] of shape.replicates) {
        const from = datastores[x % Math.max(1, datastores.length)];
        const to = datastores[y % Math.max(1, datastores.length)];
        if (from && to && from !== to && !edges.some((e) => e.from === from && e.to === to)) {
          edges.push({ from, to, kind: 'replicates' });
        }
      }
      const links =
        shape.regions.length === 2 ? [{ a: 'r0', b: 'r1', availability: shape.linkA }] : [];
      const affectable = [...shape.regions.map((_, i) => `r${i}`), ...ids];
      const commonCause = shape.causes.map((c, i) => ({
        id: `cc${i}`,
        name: `cause ${i}`,
        mtbfHours: c.mtbfHours,
        mttrHours: c.mttrHours,
        affects: [...new Set(c.affects.map((a) => affectable[a % affectable.length] as string))],
      }));
      return {
        format: 'nines/1',
        name: 'random',
        variants: [
          {
            id: 'v',
            name: 'random',
            entry: 'c0',
            links,
            nodes,
            edges,
            ...(commonCause.length > 0 ? { commonCause } : {}),
          },
        ],
      };
    })
    .filter((doc) => countEvents(doc) <= maxEvents);
}

/**
 * Random small models for the capacity term: a global router (the entry) over one service per
 * region (1–3 instances over 0–2 zones, `capacityRps` given), optionally all calling one
 * datastore (global or in the first region, through the region links), with random traffic
 * shares and load.
 */
export function capacityModelArb(maxEvents = 14): fc.Arbitrary<NinesDocument> {
  return fc
    .record({
      router: availability,
      regions: fc.array(
        fc.record({
          zones: fc.integer({ min: 0, max: 2 }),
          a: availability,
          instances: fc.constantFrom(1, 1, 2, 3),
          k: fc.nat({ max: 2 }),
          appA: availability,
          capacityRps: fc.integer({ min: 100, max: 1000 }),
          share: fc.integer({ min: 0, max: 4 }),
          beta: fc.constantFrom(0, 0, 0.2),
          maintenance: fc.constantFrom('none', 'none', 'whole', 'rolling'),
        }),
        { minLength: 2, maxLength: 3 },
      ),
      database: fc.constantFrom('none', 'global', 'regional'),
      dbA: availability,
      linkA: availability,
      // A common cause over the first region's service, or over the first region.
      cause: fc.constantFrom('none', 'none', 'app0', 'r0'),
      requestsPerSecond: fc.integer({ min: 200, max: 2000 }),
    })
    .map((m): NinesDocument => {
      const nodes: ModelNode[] = [{ id: 'dns', kind: 'router', availability: m.router }];
      const edges: Edge[] = [];
      m.regions.forEach((r, i) => {
        nodes.push({ id: `r${i}`, kind: 'region', availability: r.a });
        for (let z = 0; z < r.zones; z++) {
          nodes.push({ id: `r${i}z${z}`, kind: 'zone', parent: `r${i}`, availability: r.a });
        }
        nodes.push({
          id: `app${i}`,
          kind: 'service',
          parent: `r${i}`,
          instances: r.instances,
          minHealthy: 1 + (r.k % r.instances),
          availability: r.appA,
          capacityRps: r.capacityRps,
          ...(r.beta > 0 ? { betaFactor: r.beta } : {}),
          ...(r.maintenance === 'none'
            ? {}
            : {
                maintenance: {
                  windowMinutes: 240,
                  perYear: 100,
                  rolling: r.maintenance === 'rolling',
                },
              }),
        });
        edges.push({ from: 'dns', to: `app${i}`, kind: 'depends' });
        if (m.database !== 'none') edges.push({ from: `app${i}`, to: 'db', kind: 'depends' });
      });
      if (m.database !== 'none') {
        nodes.push({
          id: 'db',
          kind: 'datastore',
          availability: m.dbA,
          ...(m.database === 'regional' ? { parent: 'r0' } : {}),
        });
      }
      const totalShare = m.regions.reduce((sum, r) => sum + r.share, 0);
      const trafficShare = Object.fromEntries(
        m.regions.map((r, i) => [
          `r${i}`,
          totalShare > 0 ? r.share / totalShare : 1 / m.regions.length,
        ]),
      );
      const links = m.regions.slice(1).map((_, i) => ({
        a: 'r0',
        b: `r${i + 1}`,
        availability: m.linkA,
      }));
      return {
        format: 'nines/1',
        name: 'capacity',
        workload: { requestsPerSecond: m.requestsPerSecond, trafficShare },
        variants: [
          {
            id: 'v',
            name: 'capacity',
            entry: 'dns',
            links,
            nodes,
            edges,
            ...(m.cause === 'none'
              ? {}
              : {
                  commonCause: [
                    { id: 'push', name: 'push', mtbfHours: 50, mttrHours: 5, affects: [m.cause] },
                  ],
                }),
          },
        ],
      };
    })
    .filter((doc) => countEvents(doc) <= maxEvents);
}
