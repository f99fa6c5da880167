/**
 * Which fields the inspector shows for each node kind, in which group, with which label and
 * unit. The kinds' fields come from the schema itself; a test checks that every field of every
 * kind has a place here.
 */
import { nodeSchema } from '../../../shared/schema/nines-v1';
import type { NodeKind } from '../../../shared/model/types';

/** How a field's value reads. */
export type FieldUnit =
  | 'text'
  | 'count'
  | 'boolean'
  | 'probability'
  | 'hours'
  | 'seconds'
  | 'ms'
  | 'days'
  | 'rps'
  | 'gib'
  | 'mbps'
  | 'mbytesps'
  | 'usdPerHour'
  | 'usdPerMonth';

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly unit: FieldUnit;
}

export interface FieldGroup {
  readonly title: string;
  readonly fields: readonly FieldSpec[];
}

const f = (key: string, label: string, unit: FieldUnit): FieldSpec => ({ key, label, unit });

/** Every node field but `id` and `kind`, grouped as the inspector shows them. */
export const FIELD_GROUPS: readonly FieldGroup[] = [
  {
    title: 'General',
    fields: [
      f('name', 'Name', 'text'),
      f('parent', 'Placed in', 'text'),
      f('provider', 'Provider', 'text'),
      f('location', 'Location', 'text'),
      f('vendor', 'Vendor', 'text'),
      f('engine', 'Engine', 'text'),
    ],
  },
  {
    title: 'Capacity',
    fields: [
      f('instances', 'Instances', 'count'),
      f('minHealthy', 'Needed', 'count'),
      f('instanceType', 'Instance type', 'text'),
      f('capacityRps', 'Capacity per instance', 'rps'),
      f('maxInstances', 'Grows to (after a failure)', 'count'),
      f('autoscaling', 'Scales out by itself', 'boolean'),
      f('scaleOutSeconds', 'Scale-out time', 'seconds'),
      f('memoryGiB', 'Memory per member', 'gib'),
      f('storageGiB', 'Stored data', 'gib'),
    ],
  },
  {
    title: 'Failure',
    fields: [
      f('availability', 'Availability', 'probability'),
      f('mtbfHours', 'MTBF', 'hours'),
      f('mttrHours', 'MTTR', 'hours'),
      f('betaFactor', 'Common-cause share (β)', 'probability'),
    ],
  },
  // Shown by its own editor (InspectorMaintenance.tsx): window, windows a year, rolling.
  { title: 'Planned maintenance', fields: [f('maintenance', 'Planned maintenance', 'text')] },
  {
    title: 'Routing',
    fields: [
      f('minTargets', 'Targets needed', 'count'),
      f('healthCheckSeconds', 'Health check interval', 'seconds'),
      f('failureThreshold', 'Failure threshold', 'count'),
      f('dnsTtlSeconds', 'DNS TTL', 'seconds'),
      f('capacityAware', 'Capacity-aware', 'boolean'),
    ],
  },
  {
    title: 'Data',
    fields: [
      f('replication', 'Replication', 'text'),
      f('sync', 'Synchronous', 'boolean'),
      f('role', 'Role', 'text'),
      f('autoFailover', 'Automatic failover', 'boolean'),
      f('failoverSeconds', 'Failover time', 'seconds'),
      f('witness', 'Witness / quorum', 'boolean'),
      f('persistence', 'Persistence', 'text'),
      f('snapshotIntervalSeconds', 'Snapshot interval', 'seconds'),
      f('replicationDelayMs', 'Replication delay', 'ms'),
      f('warmupSeconds', 'Warm-up', 'seconds'),
      f('conflictResolution', 'Conflict resolution', 'text'),
    ],
  },
  {
    title: 'Backup',
    fields: [
      f('intervalSeconds', 'Interval', 'seconds'),
      f('retentionDays', 'Retention', 'days'),
      f('restoreThroughputMBps', 'Restore throughput', 'mbytesps'),
    ],
  },
  {
    title: 'Cost',
    fields: [
      f('hourlyUsd', 'Price per instance', 'usdPerHour'),
      f('monthlyUsd', 'Price of the node', 'usdPerMonth'),
      f('licenseMonthlyUsd', 'Licence', 'usdPerMonth'),
      f('queriesPerMonth', 'DNS queries a month', 'count'),
      f('routingPolicy', 'DNS routing policy', 'text'),
    ],
  },
  { title: 'Notes', fields: [f('notes', 'Notes', 'text')] },
];

/** The field names of a node kind but `id` and `kind`, from the schema. */
export function kindFields(kind: NodeKind): ReadonlySet<string> {
  const option = nodeSchema.options.find((o) => o.shape.kind.value === kind);
  return new Set(Object.keys(option?.shape ?? {}).filter((key) => key !== 'id' && key !== 'kind'));
}

/** Fields a kind shows in another group than FIELD_GROUPS says: a router's address failover. */
const MOVED: Partial<Record<NodeKind, Readonly<Record<string, string>>>> = {
  router: { failoverSeconds: 'Routing' },
};

/** The groups of fields a node of `kind` has, leaving out groups with none. */
export function fieldGroupsFor(kind: NodeKind): FieldGroup[] {
  const own = kindFields(kind);
  const moved = MOVED[kind] ?? {};
  const all = FIELD_GROUPS.flatMap((g) => g.fields.map((field) => ({ field, home: g.title })));
  return FIELD_GROUPS.map((group) => ({
    title: group.title,
    fields: all
      .filter(({ field, home }) => own.has(field.key) && (moved[field.key] ?? home) === group.title)
      .map(({ field }) => field),
  })).filter((group) => group.fields.length > 0);
}
