/**
 * The runtime schema of the `nines/1` project file: the single source of the file format.
 *
 * Every type in `shared/model/types.ts` is inferred from these schemas, `parseDocument`
 * validates with them, and `serializeDocument` orders keys by them. Objects are strict: an
 * unknown field is reported (it is most often a typo such as `instance` for `instances`), so a
 * field that a later version adds needs a new format version and a migration.
 *
 * Units are in the names (`Hours`, `Seconds`, `Ms`, `Mbps`, `GiB`, `PerSecond`, `Usd`);
 * probabilities are plain numbers in [0, 1]. See ../../docs/model.md for every field and the
 * defaults that apply when a field is absent.
 */
import { z } from 'zod';

/** The format tag this schema describes. */
export const FORMAT_V1 = 'nines/1';

/** Upper bound on counts (instances, targets) that keeps every model evaluable. */
export const MAX_INSTANCES = 1000;

/**
 * Largest hours, seconds, dollars or rate a file may give (1e12 hours is 114 million years): far
 * beyond any real system, and small enough that the engine's products of a few such figures
 * (cost × hours × months, rate × duration) stay finite instead of overflowing to Infinity.
 */
export const MAX_QUANTITY = 1e12;

/** Smallest positive figure (hours, seconds, capacity): its inverse, a rate, stays finite. */
export const MIN_POSITIVE = 1e-9;

const id = () =>
  z.string({ error: 'must be a string id' }).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, {
    error:
      'must be an id of 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
  });
const text = (max: number) =>
  z.string({ error: 'must be a string' }).max(max, { error: `must be at most ${max} characters` });
const finite = (error: string) => z.number({ error }).refine(Number.isFinite, { error });
const positive = () =>
  finite('must be a positive number')
    .refine((n) => n > 0, { error: 'must be a positive number' })
    .refine((n) => n <= 0 || n >= MIN_POSITIVE, { error: `must be at least ${MIN_POSITIVE}` })
    .refine((n) => n <= MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` });
const nonNegative = () =>
  finite('must be a number ≥ 0')
    .refine((n) => n >= 0, { error: 'must be a number ≥ 0' })
    .refine((n) => n <= MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` });
const probability = () =>
  finite('must be a probability between 0 and 1').refine((n) => n >= 0 && n <= 1, {
    error: 'must be a probability between 0 and 1',
  });
const share = () =>
  finite('must be a share between 0 and 1').refine((n) => n >= 0 && n <= 1, {
    error: 'must be a share between 0 and 1',
  });
const count = () =>
  z
    .int({ error: 'must be a positive integer' })
    .min(1, { error: 'must be a positive integer' })
    .max(MAX_INSTANCES, { error: `must be at most ${MAX_INSTANCES}` });

/** Fields every node has: identity, placement, its own failure figure and cost overrides. */
const nodeId = { id: id() };
const nodeBase = {
  /** Display name; the id is shown when absent. */
  name: text(200).optional(),
  /** Zone or region the node sits in; absent means global (outside every region). */
  parent: id().optional(),
  /** Steady-state availability of one instance; excludes `mtbfHours`/`mttrHours`. */
  availability: probability().optional(),
  /** Mean time between failures of one instance, hours. */
  mtbfHours: positive().optional(),
  /** Mean time to repair one instance, hours. */
  mttrHours: positive().optional(),
  /** Price override for one instance, USD per hour (replaces the catalog price). */
  hourlyUsd: nonNegative().optional(),
  /** Price override for the whole node, USD per month (replaces every catalog price). */
  monthlyUsd: nonNegative().optional(),
  /** Licence cost of the whole node, USD per month, added to its price. */
  licenseMonthlyUsd: nonNegative().optional(),
  /** Free text for the person reading the plan. */
  notes: text(4000).optional(),
};

/**
 * Planned maintenance of a tier (docs/model.md "Planned maintenance"): `perYear` windows of
 * `windowMinutes` each, taken as independent of failures and of each other; during a window the
 * whole node is out, or, `rolling`, one of its working instances at a time.
 */
export const maintenanceSchema = z.strictObject({
  /** Length of one window, minutes. */
  windowMinutes: positive(),
  /** Windows a year. */
  perYear: positive(),
  /** True: the window takes one instance at a time out (a rolling patch); false: the whole node. */
  rolling: z.boolean({ error: 'must be true or false' }).optional(),
});

/** Fields of a k-of-n tier: `instances` n, working while at least `minHealthy` k work. */
const tierFields = {
  instances: count().optional(),
  minHealthy: count().optional(),
  /** Catalog instance type (e.g. `m7i.large`) used for pricing. */
  instanceType: text(100).optional(),
  /** Requests per second one instance can serve; absent means capacity is not modelled. */
  capacityRps: positive().optional(),
  /** Largest number of instances the tier can grow to after a failure (scale-out). */
  maxInstances: count().optional(),
  /** Whether the tier grows to `maxInstances` by itself; false: a person scales it out. */
  autoscaling: z.boolean({ error: 'must be true or false' }).optional(),
  /** Time from the decision to scale out until the new instances serve, seconds. */
  scaleOutSeconds: nonNegative().optional(),
  /**
   * Beta factor β (IEC 61508-6 Annex D, NUREG/CR-5485): the share of one instance's failure rate
   * that fails every instance of the tier at once; the rest, (1 − β), fails one instance alone.
   */
  betaFactor: probability().optional(),
  /** Planned maintenance windows: their length, how often, and whether they roll. */
  maintenance: maintenanceSchema.optional(),
};

export const regionSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('region'),
  ...nodeBase,
  /** Cloud provider key in the price book (`aws`, `azure`, `gcp`, `custom`). */
  provider: text(40).optional(),
  /** Provider's region name, e.g. `us-east-1`. */
  location: text(100).optional(),
});

export const zoneSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('zone'),
  ...nodeBase,
  /** Provider's zone name, e.g. `us-east-1a`. */
  location: text(100).optional(),
});

/** DNS routing policies, each with its own query price (Route 53: simple, latency, geo, IP-based). */
export const dnsRoutingPolicies = ['simple', 'latency', 'geo', 'ip-based'] as const;

export const routerSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('router'),
  ...nodeBase,
  /** How many targets must work for the router to work (k of its `depends` targets). */
  minTargets: count().optional(),
  /** Interval between health checks, seconds. */
  healthCheckSeconds: positive().optional(),
  /** Consecutive failed checks before a target is taken out. */
  failureThreshold: count().optional(),
  /** DNS time-to-live clients cache an answer for, seconds; 0 for a non-DNS router. */
  dnsTtlSeconds: nonNegative().optional(),
  /** When true the router counts the survivors' capacity against the load. */
  capacityAware: z.boolean({ error: 'must be true or false' }).optional(),
  /**
   * DNS queries a global router answers a month (after resolvers' caching), priced per million
   * at its routing policy's query price; without it the queries are unpriced (docs/cost.md).
   */
  queriesPerMonth: nonNegative().optional(),
  /** The DNS routing policy, which sets the query price (`simple` when not given). */
  routingPolicy: z
    .enum(dnsRoutingPolicies, { error: `must be one of ${dnsRoutingPolicies.join(', ')}` })
    .optional(),
  /**
   * A regional router run as instances of its own (a self-managed HAProxy or Envoy pair with a
   * floating IP): n instances spread over its region's zones like a tier's, working while
   * `minHealthy` of them work. Not on a global router (docs/model.md).
   */
  instances: count().optional(),
  minHealthy: count().optional(),
  /** Time for the floating address to move to another instance when the one holding it fails, s. */
  failoverSeconds: nonNegative().optional(),
});

export const serviceSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('service'),
  ...nodeBase,
  ...tierFields,
});

export const replicationModes = [
  'none',
  'primary-replica',
  'active-passive',
  'active-active',
] as const;
export const persistenceModes = ['none', 'aof-always', 'aof-everysec', 'snapshot'] as const;
/** `last-write-wins`: one of two concurrent writes to a key is lost; `crdt`: merged (counters,
 * sets), nothing lost. */
export const conflictResolutions = ['last-write-wins', 'crdt'] as const;

export const datastoreSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('datastore'),
  ...nodeBase,
  ...tierFields,
  /** Engine, e.g. `redis`, `postgres`; selects the engine's documented defaults. */
  engine: text(40).optional(),
  replication: z
    .enum(replicationModes, {
      error: `must be one of ${replicationModes.join(', ')}`,
    })
    .optional(),
  /** Synchronous replication: writes wait for the peer (needs the link for writes). */
  sync: z.boolean({ error: 'must be true or false' }).optional(),
  /** For active-passive groups: which member serves writes before any failover. */
  role: z.enum(['primary', 'standby'], { error: 'must be primary or standby' }).optional(),
  /** Automatic failover (promotion without a person). */
  autoFailover: z.boolean({ error: 'must be true or false' }).optional(),
  /** Time to detect a failed primary and promote a replica, seconds. */
  failoverSeconds: nonNegative().optional(),
  /** A quorum or witness in a third location decides failovers. */
  witness: z.boolean({ error: 'must be true or false' }).optional(),
  persistence: z
    .enum(persistenceModes, {
      error: `must be one of ${persistenceModes.join(', ')}`,
    })
    .optional(),
  /** Snapshot interval for `persistence: snapshot`, seconds. */
  snapshotIntervalSeconds: positive().optional(),
  /** Replication delay added to the link's one-way latency, milliseconds. */
  replicationDelayMs: nonNegative().optional(),
  /** Memory of the data set per member, GiB (defaults to the workload's data set). */
  memoryGiB: positive().optional(),
  /** Seconds a restored or promoted member needs before serving at full speed. */
  warmupSeconds: nonNegative().optional(),
  /** How Active-Active members merge concurrent writes to one key after a partition. */
  conflictResolution: z
    .enum(conflictResolutions, {
      error: `must be one of ${conflictResolutions.join(', ')}`,
    })
    .optional(),
});

export const queueSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('queue'),
  ...nodeBase,
  ...tierFields,
});

export const objectStoreSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('objectStore'),
  ...nodeBase,
  /** Stored data, GiB (pricing). */
  storageGiB: nonNegative().optional(),
});

export const backupSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('backup'),
  ...nodeBase,
  /** Time between two backups, seconds. */
  intervalSeconds: positive().optional(),
  /** How long backups are kept, days. */
  retentionDays: positive().optional(),
  /** Sustained restore throughput, megabytes per second. */
  restoreThroughputMBps: positive().optional(),
});

export const externalSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('external'),
  ...nodeBase,
  /** Vendor of the third-party dependency. */
  vendor: text(100).optional(),
});

/** The node kinds of `nines/1`, in palette order. */
export const nodeKinds = [
  'region',
  'zone',
  'router',
  'service',
  'datastore',
  'queue',
  'objectStore',
  'backup',
  'external',
] as const;

const nodeOptions = [
  regionSchema,
  zoneSchema,
  routerSchema,
  serviceSchema,
  datastoreSchema,
  queueSchema,
  objectStoreSchema,
  backupSchema,
  externalSchema,
] as const;

export const nodeSchema = z.discriminatedUnion('kind', nodeOptions, {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `unknown kind ${JSON.stringify((issue.input as { kind?: unknown } | undefined)?.kind)} (expected one of ${nodeKinds.join(', ')})`
      : undefined,
});

/** Edge kinds: `depends` (consumer → dependency), `replicates` (data tier members),
 * `backs-up` (backup → the datastore it protects). */
export const edgeKinds = ['depends', 'replicates', 'backs-up'] as const;

/** How the far side of a `replicates` edge takes over: by itself, or a person promotes it. */
export const failoverModes = ['automatic', 'manual'] as const;

export const edgeSchema = z.strictObject({
  from: id(),
  to: id(),
  kind: z.enum(edgeKinds, { error: `must be one of ${edgeKinds.join(', ')}` }),
  /**
   * `replicates` only: how a standby across this edge is promoted (e.g. a cross-region promotion
   * a person runs), overriding the members' own `autoFailover` for this promotion.
   */
  failover: z.enum(failoverModes, { error: 'must be automatic or manual' }).optional(),
  /** `replicates` only: time the promotion across this edge takes, seconds. */
  failoverSeconds: nonNegative().optional(),
});

/** The network between two regions: an independent failure event (a partition). */
export const linkSchema = z.strictObject({
  a: id(),
  b: id(),
  availability: probability().optional(),
  mtbfHours: positive().optional(),
  mttrHours: positive().optional(),
  /** Round-trip time between the regions, milliseconds. */
  rttMs: nonNegative().optional(),
  /** Bandwidth available to replication, megabits per second. */
  bandwidthMbps: positive().optional(),
});

/**
 * A common-cause event: one basic event (a global deploy or configuration push, an expired
 * certificate, a shared control plane) that, while it lasts, fails everything it affects at once.
 */
export const commonCauseSchema = z.strictObject({
  id: id(),
  name: text(200),
  /** Mean time between two occurrences, hours. */
  mtbfHours: positive(),
  /** Mean time until the affected nodes work again (rollback, renewal), hours. */
  mttrHours: positive(),
  /** Nodes it fails: components (every instance) or regions (everything placed in them). */
  affects: z.array(id()).min(1, { error: 'must name at least one node' }),
  /** Where the figures come from (shown in the plan and the inspector). */
  source: text(2000).optional(),
});

export const positionSchema = z.strictObject({
  /** Position relative to the parent container (or the canvas for top-level nodes), px. */
  x: finite('must be a number'),
  y: finite('must be a number'),
  /** Size of a container (region or zone), px. */
  width: positive().optional(),
  height: positive().optional(),
});

export const variantSchema = z.strictObject({
  id: id(),
  name: text(200),
  description: text(4000).optional(),
  /** The node whose working is the service working. */
  entry: id(),
  links: z.array(linkSchema).optional(),
  /** Share of the requests each region of this variant serves (region id → share, sums to 1);
   * overrides `workload.trafficShare`, e.g. 1 / 0 for an active-passive design. */
  trafficShare: z.record(z.string(), share()).optional(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  /** Common-cause events: each fails every node it affects at once. */
  commonCause: z.array(commonCauseSchema).optional(),
  layout: z.record(z.string(), positionSchema).optional(),
});

export const targetsSchema = z.strictObject({
  availability: probability().optional(),
  rtoSeconds: nonNegative().optional(),
  rpoSeconds: nonNegative().optional(),
  /** Maximum tolerable downtime, seconds (NIST SP 800-34). */
  mtdSeconds: nonNegative().optional(),
  impact: z
    .enum(['low', 'moderate', 'high'], {
      error: 'must be low, moderate or high',
    })
    .optional(),
  downtimeCostPerHour: nonNegative().optional(),
  /** Share of the requests that must be served again for a scenario to count as recovered. */
  minServedShare: share().optional(),
  /**
   * True: the availability target is judged on the availability without planned maintenance (an
   * SLA that excludes announced windows); false (default): with it, as users feel it.
   */
  excludePlannedDowntime: z.boolean({ error: 'must be true or false' }).optional(),
});

/** How long the people in a recovery take: added to every path that needs a person. */
export const operationsSchema = z.strictObject({
  /** Time until a failure that no health check sees (a logical corruption) is noticed, s. */
  detectionSeconds: nonNegative().optional(),
  /** Time for a person to be reached, assess, declare and decide on a recovery action, s. */
  decisionSeconds: nonNegative().optional(),
});

export const workloadSchema = z.strictObject({
  requestsPerSecond: nonNegative().optional(),
  writesPerSecond: nonNegative().optional(),
  avgWriteBytes: nonNegative().optional(),
  dataSetGiB: nonNegative().optional(),
  /** Share of the requests that arrive in each region (region id → share); sums to 1. */
  trafficShare: z.record(z.string(), share()).optional(),
  /** Internet egress, GiB per month (pricing). */
  egressGiBPerMonth: nonNegative().optional(),
});

export const scenarioSchema = z.strictObject({
  id: id(),
  name: text(200),
  /** Zones, regions, components (`id`) or instances (`id#i`) forced down. */
  fail: z.array(z.string()).optional(),
  /** Region pairs whose link is cut (split-brain). */
  partition: z.array(z.tuple([id(), id()])).optional(),
  /** A share of one region's traffic moved to another region (or spread over the others). */
  shift: z.strictObject({ from: id(), to: id().optional(), share: share() }).optional(),
  /** Datastores whose data is logically corrupted (replication copies it). */
  corrupt: z.array(id()).optional(),
  /** Common-cause events (ids of the variant's `commonCause`) forced to happen. */
  commonCause: z.array(id()).optional(),
});

export const catalogOverrideSchema = z.strictObject({
  /** Discount per provider, as a share of list price (0.2 = 20 % off). */
  discounts: z.record(z.string(), share()).optional(),
  /** Prices that replace or extend the bundled price book, keyed by catalog key, USD. */
  prices: z.record(z.string(), nonNegative()).optional(),
});

export const documentSchema = z.strictObject({
  format: z.literal(FORMAT_V1),
  name: text(200),
  description: text(20000).optional(),
  targets: targetsSchema.optional(),
  workload: workloadSchema.optional(),
  operations: operationsSchema.optional(),
  variants: z.array(variantSchema).min(1, { error: 'must hold at least one variant' }),
  scenarios: z.array(scenarioSchema).optional(),
  catalog: catalogOverrideSchema.optional(),
  assumptions: text(20000).optional(),
});
