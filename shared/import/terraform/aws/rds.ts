/**
 * RDS → `datastore` nodes: DB instances (Multi-AZ or single), Aurora clusters with their
 * instances, and Aurora global databases → `replicates` edges from the writer to each
 * secondary cluster.
 *
 * Attributes [terraform-provider-aws website/docs/r/db_instance.html.markdown, rds_cluster,
 * rds_cluster_instance, rds_global_cluster, db_subnet_group]: db_instance `multi_az`
 * ("Specifies if the RDS instance is multi-AZ"), `engine`, `instance_class`,
 * `availability_zone`, `backup_retention_period` (days, 0 disables), `port`,
 * `vpc_security_group_ids`, `db_subnet_group_name`; rds_cluster `engine`,
 * `availability_zones`, `backup_retention_period`, `global_cluster_identifier`,
 * `cluster_identifier`, `port`; rds_cluster_instance `cluster_identifier`, `instance_class`,
 * `availability_zone`; rds_global_cluster `global_cluster_members.db_cluster_arn/is_writer`.
 */
import type { DraftNode, ImportContext } from '../context';
import { regionalNode } from '../draft';
import type { Mapper } from '../mapper';
import { attrs, bool, num, str } from '../resources';
import type { TfResource } from '../types';
import { dailyBackup } from './backup';
import { manualPromotion } from './elasticache';

/** Default ports by engine family (PostgreSQL 5432, MySQL/MariaDB/Aurora MySQL 3306). */
function defaultPort(engine: string): number | undefined {
  if (engine.includes('postgres')) return 5432;
  if (engine.includes('mysql') || engine.includes('mariadb') || engine === 'aurora') return 3306;
  if (engine.startsWith('sqlserver')) return 1433;
  if (engine.startsWith('oracle')) return 1521;
  return undefined;
}

function subnetGroupZones(ctx: ImportContext, r: TfResource, node: DraftNode) {
  const group = ctx.index.linked(r, 'db_subnet_group_name', 'name', ['aws_db_subnet_group'])[0];
  if (!group) return undefined;
  ctx.use(group, node);
  return ctx.subnetZones(group, 'subnet_ids', node);
}

function backups(ctx: ImportContext, node: DraftNode, r: TfResource, label: string): void {
  const days = num(r, 'backup_retention_period');
  if (days !== undefined && days > 0)
    dailyBackup(ctx, node, r, days, 'RDS automated backup', label);
}

export const dbInstanceMapper: Mapper = {
  types: ['aws_db_instance'],
  reads: ['aws_db_subnet_group', 'aws_db_parameter_group', 'aws_db_option_group'],
  map(resources, ctx) {
    for (const r of resources) {
      const engine = str(r, 'engine') ?? 'postgres';
      const node = regionalNode(ctx, r, {
        kind: 'datastore',
        prefix: 'db',
        name: `RDS ${str(r, 'identifier') ?? r.name}`,
        provider: 'aws',
        fields: { engine },
      });
      if (!node) continue;
      const multiAz = bool(r, 'multi_az') ?? false;
      const zone = str(r, 'availability_zone');
      if (multiAz) {
        node.fields.instances = 2;
        node.fields.minHealthy = 1;
        node.fields.replication = 'primary-replica';
        node.fields.autoFailover = true;
        ctx.assume(node, 'sync', true, 'RDS Multi-AZ keeps a synchronous standby in another zone');
        ctx.assume(
          node,
          'failoverSeconds',
          120,
          'RDS Multi-AZ failover typically completes in 60–120 s: the upper figure',
        );
        ctx.spread(node, subnetGroupZones(ctx, r, node));
      } else {
        node.fields.replication = 'none';
        if (zone) ctx.spread(node, [zone]);
        else node.zones = subnetGroupZones(ctx, r, node) ?? 'unknown';
      }
      const type = str(r, 'instance_class');
      if (type) node.fields.instanceType = type;
      node.port = num(r, 'port') ?? defaultPort(engine);
      node.securityGroups = ctx.index.linked(r, 'vpc_security_group_ids', 'id', [
        'aws_security_group',
      ]);
      if (str(r, 'replicate_source_db')) {
        ctx.warn(
          'read-replica',
          `${r.address} is a read replica; it is mapped as its own datastore, not joined to its source`,
          { node },
        );
      }
      backups(ctx, node, r, str(r, 'identifier') ?? r.name);
    }
  },
};

export const rdsClusterMapper: Mapper = {
  types: ['aws_rds_cluster'],
  reads: ['aws_rds_cluster_instance', 'aws_rds_global_cluster', 'aws_rds_cluster_parameter_group'],
  map(resources, ctx) {
    for (const r of resources) {
      const engine = str(r, 'engine') ?? 'aurora-mysql';
      const node = regionalNode(ctx, r, {
        kind: 'datastore',
        prefix: 'db',
        name: `Aurora ${str(r, 'cluster_identifier') ?? r.name}`,
        provider: 'aws',
        fields: { engine },
      });
      if (!node) continue;
      const members = ctx.index
        .ofType('aws_rds_cluster_instance')
        .filter((i) =>
          ctx.index
            .linked(i, 'cluster_identifier', 'cluster_identifier', ['aws_rds_cluster'])
            .includes(r),
        );
      for (const m of members) ctx.use(m, node);
      const instances = Math.max(members.length, 1);
      if (members.length === 0)
        ctx.assume(node, 'instances', 1, 'no aws_rds_cluster_instance in the input');
      node.fields.instances = instances;
      node.fields.minHealthy = 1;
      node.fields.replication = instances >= 2 ? 'primary-replica' : 'none';
      if (instances >= 2) {
        ctx.assume(
          node,
          'sync',
          true,
          'Aurora writes each commit to a cluster volume spread over three zones',
        );
      }
      const zones = [
        ...new Set(members.map((m) => str(m, 'availability_zone')).filter((z): z is string => !!z)),
      ].sort();
      const listed = ctx.zoneList(r, 'availability_zones', node.region);
      ctx.spread(node, zones.length > 0 ? zones : (listed ?? subnetGroupZones(ctx, r, node)));
      const type = members.map((m) => str(m, 'instance_class')).find((t) => t !== undefined);
      if (type) node.fields.instanceType = type;
      node.port = num(r, 'port') ?? defaultPort(engine);
      node.securityGroups = ctx.index.linked(r, 'vpc_security_group_ids', 'id', [
        'aws_security_group',
      ]);
      backups(ctx, node, r, str(r, 'cluster_identifier') ?? r.name);
    }
    for (const global of ctx.index.ofType('aws_rds_global_cluster')) {
      const id = str(global, 'global_cluster_identifier') ?? str(global, 'id');
      const members = resources.filter(
        (r) =>
          (id !== undefined && str(r, 'global_cluster_identifier') === id) ||
          ctx.index
            .linked(r, 'global_cluster_identifier', 'id', ['aws_rds_global_cluster'])
            .includes(global),
      );
      const writers = attrs(global, 'global_cluster_members')
        .filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null)
        .filter((m) => m.is_writer === true)
        .map((m) => m.db_cluster_arn);
      const writer = members.find((m) => writers.includes(str(m, 'arn'))) ?? members[0];
      const primary = writer && ctx.nodeOf(writer);
      if (!primary) continue;
      ctx.use(global, primary);
      if (writers.length === 0 && members.length > 1) {
        ctx.assume(
          primary,
          'role',
          'primary',
          'the writer is not in the input (no global_cluster_members): the first member',
        );
      }
      primary.fields.role = 'primary';
      primary.fields.replication = 'active-passive';
      for (const member of members) {
        const secondary = ctx.nodeOf(member);
        if (!secondary || secondary === primary) continue;
        secondary.fields.replication = 'active-passive';
        manualPromotion(ctx, primary, secondary, 'an Aurora global database');
      }
    }
  },
};
