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
import * as z from './zod';
import {
  finite,
  flag,
  id,
  nonNegative,
  optional,
  positive,
  probability,
  share,
  text,
} from './fields';
import { nodeSchema } from './nodes';

/** The format tag this schema describes. */
export const FORMAT_V1 = 'nines/1';

export { MAX_INSTANCES, MAX_QUANTITY, MIN_POSITIVE } from './fields';
export {
  backupSchema,
  conflictResolutions,
  datastoreSchema,
  dnsRoutingPolicies,
  externalSchema,
  maintenanceSchema,
  nodeKinds,
  nodeSchema,
  objectStoreSchema,
  persistenceModes,
  queueSchema,
  regionSchema,
  replicationModes,
  routerSchema,
  serviceSchema,
  zoneSchema,
} from './nodes';

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
  failoverSeconds: optional(nonNegative()),
});

/** The network between two regions: an independent failure event (a partition). */
export const linkSchema = z.strictObject({
  a: id(),
  b: id(),
  availability: optional(probability()),
  mtbfHours: optional(positive()),
  mttrHours: optional(positive()),
  /** Round-trip time between the regions, milliseconds. */
  rttMs: optional(nonNegative()),
  /** Bandwidth available to replication, megabits per second. */
  bandwidthMbps: optional(positive()),
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
  source: optional(text(2000)),
});

export const positionSchema = z.strictObject({
  /** Position relative to the parent container (or the canvas for top-level nodes), px. */
  x: finite('must be a number'),
  y: finite('must be a number'),
  /** Size of a container (region or zone), px. */
  width: optional(positive()),
  height: optional(positive()),
});

export const variantSchema = z.strictObject({
  id: id(),
  name: text(200),
  description: optional(text(4000)),
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
  availability: optional(probability()),
  rtoSeconds: optional(nonNegative()),
  rpoSeconds: optional(nonNegative()),
  /** Maximum tolerable downtime, seconds (NIST SP 800-34). */
  mtdSeconds: optional(nonNegative()),
  impact: z
    .enum(['low', 'moderate', 'high'], {
      error: 'must be low, moderate or high',
    })
    .optional(),
  downtimeCostPerHour: optional(nonNegative()),
  /** Share of the requests that must be served again for a scenario to count as recovered. */
  minServedShare: optional(share()),
  /**
   * True: the availability target is judged on the availability without planned maintenance (an
   * SLA that excludes announced windows); false (default): with it, as users feel it.
   */
  excludePlannedDowntime: optional(flag()),
});

/** How long the people in a recovery take: added to every path that needs a person. */
export const operationsSchema = z.strictObject({
  /** Time until a failure that no health check sees (a logical corruption) is noticed, s. */
  detectionSeconds: optional(nonNegative()),
  /** Time for a person to be reached, assess, declare and decide on a recovery action, s. */
  decisionSeconds: optional(nonNegative()),
});

export const workloadSchema = z.strictObject({
  requestsPerSecond: optional(nonNegative()),
  writesPerSecond: optional(nonNegative()),
  avgWriteBytes: optional(nonNegative()),
  dataSetGiB: optional(nonNegative()),
  /** Share of the requests that arrive in each region (region id → share); sums to 1. */
  trafficShare: z.record(z.string(), share()).optional(),
  /** Internet egress, GiB per month (pricing). */
  egressGiBPerMonth: optional(nonNegative()),
});

export const scenarioSchema = z.strictObject({
  id: id(),
  name: text(200),
  /** Zones, regions, components (`id`) or instances (`id#i`) forced down. */
  fail: z.array(z.string()).optional(),
  /** Region pairs whose link is cut (split-brain). */
  partition: z.array(z.tuple([id(), id()])).optional(),
  /** A share of one region's traffic moved to another region (or spread over the others). */
  shift: z.strictObject({ from: id(), to: optional(id()), share: share() }).optional(),
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
  description: optional(text(20000)),
  targets: targetsSchema.optional(),
  workload: workloadSchema.optional(),
  operations: operationsSchema.optional(),
  variants: z.array(variantSchema).min(1, { error: 'must hold at least one variant' }),
  scenarios: z.array(scenarioSchema).optional(),
  catalog: catalogOverrideSchema.optional(),
  assumptions: optional(text(20000)),
});
