/**
 * DynamoDB tables → one `datastore` per region (the table's and each `replica`'s), joined by
 * `replicates` edges when the table is a global table (version 2019.11.21), and a backup node
 * when point-in-time recovery is on.
 *
 * Attributes [terraform-provider-aws website/docs/r/dynamodb_table.html.markdown]: `name`,
 * `replica.region_name` ("Region name of the replica"), `replica.point_in_time_recovery`,
 * `point_in_time_recovery.enabled` (default false); `aws_dynamodb_table_replica`
 * `global_table_arn` (the resource form of a replica).
 */
import type { DraftNode, ImportContext } from '../context';
import type { Mapper } from '../mapper';
import { regionOfArn } from '../placement';
import { attrs, bool, str } from '../resources';
import type { TfResource } from '../types';

/** Days of point-in-time recovery (DynamoDB keeps the last 35 days). */
const PITR_DAYS = 35;

function tableNode(
  ctx: ImportContext,
  r: TfResource,
  key: string,
  region: string,
  name: string,
): DraftNode {
  const node = ctx.add({
    key,
    addresses: key === r.address ? [r.address] : [],
    kind: 'datastore',
    idHint: `ddb-${name}-${region}`,
    name: `DynamoDB ${name} (${region})`.slice(0, 200),
    provider: 'aws',
    region,
    fields: { engine: 'dynamodb', instances: 3, minHealthy: 1 },
    notes: key === r.address ? [] : [`tf: ${r.address} replica in ${region}`],
  });
  ctx.assumptions.push({
    key,
    field: 'instances',
    value: 3,
    why: 'DynamoDB stores a table in three zones of its region; any one serves',
  });
  node.notes.push('assumed instances = 3, minHealthy = 1 (three zones of the region)');
  return node;
}

function pitrBackup(ctx: ImportContext, node: DraftNode): void {
  const backup = ctx.add({
    key: `${node.key}#pitr`,
    addresses: [],
    kind: 'backup',
    idHint: `pitr-${node.idHint}`,
    name: `Point-in-time recovery ${node.name}`.slice(0, 200),
    provider: 'aws',
    ...(node.region ? { region: node.region } : {}),
    fields: { intervalSeconds: 1, retentionDays: PITR_DAYS },
    notes: ['point_in_time_recovery enabled: restore to any second of the last 35 days'],
  });
  ctx.edge(backup, node, 'backs-up');
}

export const dynamodbMapper: Mapper = {
  types: ['aws_dynamodb_table'],
  reads: ['aws_dynamodb_table_replica'],
  map(resources, ctx) {
    for (const r of resources) {
      const where = ctx.region(r);
      if (!where) continue;
      const name = str(r, 'name') ?? r.name;
      const main = tableNode(ctx, r, r.address, where.region, name);
      if (where.fromDefault) main.notes.push(`assumed region ${where.region} (--default-region)`);
      if (bool(r, 'point_in_time_recovery.enabled')) pitrBackup(ctx, main);
      const replicas = attrs(r, 'replica').filter(
        (x): x is Record<string, unknown> => typeof x === 'object' && x !== null,
      );
      const regions = replicas.map((x) => ({
        region: x.region_name,
        pitr: x.point_in_time_recovery,
      }));
      for (const replicaResource of ctx.index.ofType('aws_dynamodb_table_replica')) {
        const linked = ctx.index.linked(replicaResource, 'global_table_arn', 'arn', [
          'aws_dynamodb_table',
        ]);
        if (!linked.includes(r)) continue;
        const region =
          ctx.region(replicaResource)?.region ?? regionOfArn(str(replicaResource, 'arn'));
        ctx.use(replicaResource, main);
        regions.push({ region, pitr: bool(replicaResource, 'point_in_time_recovery') });
      }
      const members: DraftNode[] = [main];
      const placed = new Set([where.region]);
      for (const { region, pitr } of regions) {
        if (typeof region !== 'string' || placed.has(region)) continue;
        placed.add(region);
        const replica = tableNode(ctx, r, `${r.address}#${region}`, region, name);
        if (pitr === true) pitrBackup(ctx, replica);
        members.push(replica);
      }
      if (members.length > 1) {
        for (const m of members) {
          m.fields.replication = 'active-active';
          m.fields.sync = false;
        }
        for (const replica of members.slice(1)) ctx.edge(main, replica, 'replicates');
      }
    }
  },
};
