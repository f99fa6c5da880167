/**
 * Types of the `nines/1` document, inferred from the runtime schema so that the two can never
 * disagree. See `shared/schema/nines-v1.ts` and docs/model.md.
 */
import type { z } from 'zod';
import type {
  backupSchema,
  commonCauseSchema,
  datastoreSchema,
  documentSchema,
  edgeSchema,
  externalSchema,
  linkSchema,
  maintenanceSchema,
  nodeKinds,
  nodeSchema,
  objectStoreSchema,
  operationsSchema,
  positionSchema,
  queueSchema,
  regionSchema,
  routerSchema,
  scenarioSchema,
  serviceSchema,
  targetsSchema,
  variantSchema,
  workloadSchema,
  zoneSchema,
} from '../schema/nines-v1';

/** A whole `nines/1` project file. */
export type NinesDocument = z.infer<typeof documentSchema>;
/** One design variant: a whole topology with its own layout. */
export type Variant = z.infer<typeof variantSchema>;
/** Any node of a topology. */
export type ModelNode = z.infer<typeof nodeSchema>;
/** A node kind: region, zone, router, service, datastore, queue, objectStore, backup, external. */
export type NodeKind = (typeof nodeKinds)[number];
export type RegionNode = z.infer<typeof regionSchema>;
export type ZoneNode = z.infer<typeof zoneSchema>;
export type RouterNode = z.infer<typeof routerSchema>;
export type ServiceNode = z.infer<typeof serviceSchema>;
export type DatastoreNode = z.infer<typeof datastoreSchema>;
export type QueueNode = z.infer<typeof queueSchema>;
export type ObjectStoreNode = z.infer<typeof objectStoreSchema>;
export type BackupNode = z.infer<typeof backupSchema>;
export type ExternalNode = z.infer<typeof externalSchema>;
/** A node of a kind that is a k-of-n tier of instances. */
export type TierNode = ServiceNode | DatastoreNode | QueueNode;
export type Edge = z.infer<typeof edgeSchema>;
export type EdgeKind = Edge['kind'];
/** The network between two regions. */
export type RegionLink = z.infer<typeof linkSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Targets = z.infer<typeof targetsSchema>;
export type Workload = z.infer<typeof workloadSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
/** A common-cause event of a variant: fails every node it affects at once. */
export type CommonCause = z.infer<typeof commonCauseSchema>;
export type Operations = z.infer<typeof operationsSchema>;
/** Planned maintenance windows of a tier. */
export type Maintenance = z.infer<typeof maintenanceSchema>;
