/**
 * ElastiCache replication groups → `datastore` nodes (`engine` redis or valkey), and Global
 * Datastores → `replicates` edges from the primary group to each secondary.
 *
 * Attributes [terraform-provider-aws website/docs/r/elasticache_replication_group.html.markdown]:
 * `num_cache_clusters` ("primary and replicas", default 1), `num_node_groups` ×
 * (1 + `replicas_per_node_group`), `automatic_failover_enabled` ("a read-only replica will be
 * automatically promoted", default false), `multi_az_enabled`, `preferred_cache_cluster_azs`
 * ("The first item in the list will be the primary node"),
 * `node_group_configuration.primary_availability_zone/replica_availability_zones`, `node_type`,
 * `engine`, `port` (Redis default 6379), `snapshot_retention_limit` (days; 0 turns backups off),
 * `snapshot_window` ("Daily time range"), `global_replication_group_id`, `subnet_group_name`,
 * `security_group_ids`. Global replication group [elasticache_global_replication_group]:
 * `primary_replication_group_id`, `global_replication_group_id`; it has no argument for an
 * automatic promotion across regions.
 */
import { MANUAL_FAILOVER_SECONDS } from '../../../model/defaults';
import type { DraftNode, ImportContext } from '../context';
import { regionalNode } from '../draft';
import type { Mapper } from '../mapper';
import { bool, num, str, strings } from '../resources';
import type { TfResource } from '../types';
import { dailyBackup } from './backup';

const GROUPS = ['aws_elasticache_replication_group'];
const GLOBALS = ['aws_elasticache_global_replication_group'];
const REDIS_PORT = 6379;

/** The zones of a replication group: its AZ lists, else its subnet group's subnets. */
function zonesOf(ctx: ImportContext, r: TfResource, node: DraftNode) {
  const listed = [
    ...strings(r, 'preferred_cache_cluster_azs'),
    ...strings(r, 'node_group_configuration.primary_availability_zone'),
    ...strings(r, 'node_group_configuration.replica_availability_zones'),
  ];
  if (listed.length > 0) return [...new Set(listed)].sort();
  const subnetGroup = ctx.index.linked(r, 'subnet_group_name', 'name', [
    'aws_elasticache_subnet_group',
  ])[0];
  if (!subnetGroup) return undefined;
  ctx.use(subnetGroup, node);
  return ctx.subnetZones(subnetGroup, 'subnet_ids', node);
}

function mapGroup(ctx: ImportContext, r: TfResource): DraftNode | undefined {
  const engine = str(r, 'engine') ?? 'redis';
  const id = str(r, 'replication_group_id') ?? r.name;
  const node = regionalNode(ctx, r, {
    kind: 'datastore',
    prefix: engine === 'valkey' ? 'valkey' : 'redis',
    name: `ElastiCache ${id}`,
    provider: 'aws',
    fields: { engine },
  });
  if (!node) return undefined;
  ctx.spread(node, zonesOf(ctx, r, node));
  const shards = num(r, 'num_node_groups');
  const clusters = num(r, 'num_cache_clusters');
  let instances: number;
  if (shards !== undefined && shards >= 1 && clusters === undefined) {
    instances = shards * (1 + (num(r, 'replicas_per_node_group') ?? 0));
    if (shards > 1) {
      ctx.warn(
        'sharded-approximation',
        `${id}: ${shards} shards modelled as one tier of ${instances} nodes; Nines has no shards (each shard needs its own primary)`,
        { node },
      );
    }
  } else if (clusters !== undefined && clusters >= 1) instances = clusters;
  else {
    instances = 1;
    ctx.assume(node, 'instances', 1, 'num_cache_clusters not set: its default');
  }
  node.fields.instances = Math.min(instances, 1000);
  node.fields.minHealthy = 1;
  node.fields.replication = instances >= 2 ? 'primary-replica' : 'none';
  node.fields.autoFailover = bool(r, 'automatic_failover_enabled') ?? false;
  const type = str(r, 'node_type');
  if (type) node.fields.instanceType = type;
  node.port = num(r, 'port') ?? REDIS_PORT;
  node.securityGroups = ctx.index.linked(r, 'security_group_ids', 'id', ['aws_security_group']);
  const retention = num(r, 'snapshot_retention_limit');
  if (retention !== undefined && retention > 0) {
    dailyBackup(ctx, node, r, retention, 'ElastiCache daily snapshot', id);
  }
  return node;
}

/**
 * Joins a cross-region secondary to its primary by a `replicates` edge whose promotion a person
 * starts (`failover: manual`, the documented `MANUAL_FAILOVER_SECONDS`, both assumed): the
 * provider promotes a secondary region only on request, while the secondary keeps its own
 * in-region failover (`automatic_failover_enabled`, Multi-AZ).
 */
export function manualPromotion(
  ctx: ImportContext,
  primary: DraftNode,
  secondary: DraftNode,
  what: string,
): void {
  secondary.fields.role = 'standby';
  const seconds = MANUAL_FAILOVER_SECONDS.value as number;
  const why = `${what}: promotion across regions is a manual action`;
  ctx.assumeOnEdge(secondary, 'replicates.failover', 'manual', why);
  ctx.assumeOnEdge(
    secondary,
    'replicates.failoverSeconds',
    seconds,
    'a person promotes the secondary from the runbook once decided (the documented default)',
  );
  ctx.edge(primary, secondary, 'replicates', undefined, {
    failover: 'manual',
    failoverSeconds: seconds,
  });
  ctx.warn(
    'manual-region-promotion',
    `${secondary.name}: ${what} promotes a secondary region only when a person starts it (failover: manual on its replicates edge, ${seconds} s)`,
    { node: secondary },
  );
}

export const elasticacheMapper: Mapper = {
  types: GROUPS,
  reads: [...GLOBALS, 'aws_elasticache_subnet_group', 'aws_elasticache_parameter_group'],
  map(resources, ctx) {
    for (const r of resources) mapGroup(ctx, r);
    for (const global of ctx.index.ofType(...GLOBALS)) {
      const globalId = str(global, 'global_replication_group_id') ?? str(global, 'id');
      const label = str(global, 'global_replication_group_id_suffix') ?? globalId ?? global.address;
      const primaryResource = ctx.index.linked(
        global,
        'primary_replication_group_id',
        'replication_group_id',
        GROUPS,
      )[0];
      const primary = primaryResource && ctx.nodeOf(primaryResource);
      if (!primary) {
        ctx.warn(
          'global-primary-unknown',
          `${global.address}: its primary replication group is not in the input`,
          { address: global.address },
        );
        continue;
      }
      ctx.use(global, primary);
      const members = resources.filter((r) => {
        if (r === primaryResource) return false;
        const byValue =
          globalId !== undefined && str(r, 'global_replication_group_id') === globalId;
        return (
          byValue ||
          ctx.index.linked(r, 'global_replication_group_id', 'id', GLOBALS).includes(global)
        );
      });
      primary.fields.replication = 'active-passive';
      primary.fields.role = 'primary';
      primary.notes.push(`global datastore ${label} (primary)`);
      for (const member of members) {
        const secondary = ctx.nodeOf(member);
        if (!secondary) continue;
        secondary.fields.replication = 'active-passive';
        // A secondary cannot set node_type: it runs the global datastore's (the primary's).
        if (
          secondary.fields.instanceType === undefined &&
          primary.fields.instanceType !== undefined
        ) {
          secondary.fields.instanceType = primary.fields.instanceType;
        }
        secondary.notes.push(`global datastore ${label} (secondary)`);
        manualPromotion(ctx, primary, secondary, 'an ElastiCache Global Datastore');
      }
    }
  },
};
