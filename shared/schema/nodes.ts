/**
 * The node schemas of `nines/1` (./nines-v1.ts): the fields every node has, and each kind's own
 * (region, zone, router, service, datastore, queue, object store, backup, external).
 */
import * as z from './zod';
import { count, flag, id, nonNegative, optional, positive, probability, text } from './fields';

/** Fields every node has: identity, placement, its own failure figure and cost overrides. */
const nodeId = { id: id() };
const nodeBase = {
  /** Display name; the id is shown when absent. */
  name: optional(text(200)),
  /** Zone or region the node sits in; absent means global (outside every region). */
  parent: optional(id()),
  /** Steady-state availability of one instance; excludes `mtbfHours`/`mttrHours`. */
  availability: optional(probability()),
  /** Mean time between failures of one instance, hours. */
  mtbfHours: optional(positive()),
  /** Mean time to repair one instance, hours. */
  mttrHours: optional(positive()),
  /** Price override for one instance, USD per hour (replaces the catalog price). */
  hourlyUsd: optional(nonNegative()),
  /** Price override for the whole node, USD per month (replaces every catalog price). */
  monthlyUsd: optional(nonNegative()),
  /** Licence cost of the whole node, USD per month, added to its price. */
  licenseMonthlyUsd: optional(nonNegative()),
  /** Free text for the person reading the plan. */
  notes: optional(text(4000)),
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
  rolling: optional(flag()),
});

/** Fields of a k-of-n tier: `instances` n, working while at least `minHealthy` k work. */
const tierFields = {
  instances: optional(count()),
  minHealthy: optional(count()),
  /** Catalog instance type (e.g. `m7i.large`) used for pricing. */
  instanceType: optional(text(100)),
  /** Requests per second one instance can serve; absent means capacity is not modelled. */
  capacityRps: optional(positive()),
  /** Largest number of instances the tier can grow to after a failure (scale-out). */
  maxInstances: optional(count()),
  /** Whether the tier grows to `maxInstances` by itself; false: a person scales it out. */
  autoscaling: optional(flag()),
  /** Time from the decision to scale out until the new instances serve, seconds. */
  scaleOutSeconds: optional(nonNegative()),
  /**
   * Beta factor β (IEC 61508-6 Annex D, NUREG/CR-5485): the share of one instance's failure rate
   * that fails every instance of the tier at once; the rest, (1 − β), fails one instance alone.
   */
  betaFactor: optional(probability()),
  /** Planned maintenance windows: their length, how often, and whether they roll. */
  maintenance: maintenanceSchema.optional(),
};

export const regionSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('region'),
  ...nodeBase,
  /** Cloud provider key in the price book (`aws`, `azure`, `gcp`, `custom`). */
  provider: optional(text(40)),
  /** Provider's region name, e.g. `us-east-1`. */
  location: optional(text(100)),
});

export const zoneSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('zone'),
  ...nodeBase,
  /** Provider's zone name, e.g. `us-east-1a`. */
  location: optional(text(100)),
});

/** DNS routing policies, each with its own query price (Route 53: simple, latency, geo, IP-based). */
export const dnsRoutingPolicies = ['simple', 'latency', 'geo', 'ip-based'] as const;

export const routerSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('router'),
  ...nodeBase,
  /** How many targets must work for the router to work (k of its `depends` targets). */
  minTargets: optional(count()),
  /** Interval between health checks, seconds. */
  healthCheckSeconds: optional(positive()),
  /** Consecutive failed checks before a target is taken out. */
  failureThreshold: optional(count()),
  /** DNS time-to-live clients cache an answer for, seconds; 0 for a non-DNS router. */
  dnsTtlSeconds: optional(nonNegative()),
  /** When true the router counts the survivors' capacity against the load. */
  capacityAware: optional(flag()),
  /**
   * DNS queries a global router answers a month (after resolvers' caching), priced per million
   * at its routing policy's query price; without it the queries are unpriced (docs/cost.md).
   */
  queriesPerMonth: optional(nonNegative()),
  /** The DNS routing policy, which sets the query price (`simple` when not given). */
  routingPolicy: z
    .enum(dnsRoutingPolicies, { error: `must be one of ${dnsRoutingPolicies.join(', ')}` })
    .optional(),
  /**
   * A regional router run as instances of its own (a self-managed HAProxy or Envoy pair with a
   * floating IP): n instances spread over its region's zones like a tier's, working while
   * `minHealthy` of them work. Not on a global router (docs/model.md).
   */
  instances: optional(count()),
  minHealthy: optional(count()),
  /** Time for the floating address to move to another instance when the one holding it fails, s. */
  failoverSeconds: optional(nonNegative()),
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
  engine: optional(text(40)),
  replication: z
    .enum(replicationModes, {
      error: `must be one of ${replicationModes.join(', ')}`,
    })
    .optional(),
  /** Synchronous replication: writes wait for the peer (needs the link for writes). */
  sync: optional(flag()),
  /** For active-passive groups: which member serves writes before any failover. */
  role: z.enum(['primary', 'standby'], { error: 'must be primary or standby' }).optional(),
  /** Automatic failover (promotion without a person). */
  autoFailover: optional(flag()),
  /** Time to detect a failed primary and promote a replica, seconds. */
  failoverSeconds: optional(nonNegative()),
  /** A quorum or witness in a third location decides failovers. */
  witness: optional(flag()),
  persistence: z
    .enum(persistenceModes, {
      error: `must be one of ${persistenceModes.join(', ')}`,
    })
    .optional(),
  /** Snapshot interval for `persistence: snapshot`, seconds. */
  snapshotIntervalSeconds: optional(positive()),
  /** Replication delay added to the link's one-way latency, milliseconds. */
  replicationDelayMs: optional(nonNegative()),
  /** Memory of the data set per member, GiB (defaults to the workload's data set). */
  memoryGiB: optional(positive()),
  /** Seconds a restored or promoted member needs before serving at full speed. */
  warmupSeconds: optional(nonNegative()),
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
  storageGiB: optional(nonNegative()),
});

export const backupSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('backup'),
  ...nodeBase,
  /** Time between two backups, seconds. */
  intervalSeconds: optional(positive()),
  /** How long backups are kept, days. */
  retentionDays: optional(positive()),
  /** Sustained restore throughput, megabytes per second. */
  restoreThroughputMBps: optional(positive()),
});

export const externalSchema = z.strictObject({
  ...nodeId,
  kind: z.literal('external'),
  ...nodeBase,
  /** Vendor of the third-party dependency. */
  vendor: optional(text(100)),
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
