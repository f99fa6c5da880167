/**
 * Backups: a service's own daily snapshots (ElastiCache `snapshot_retention_limit`, RDS
 * `backup_retention_period`) and AWS Backup plans (`aws_backup_plan` rules with their
 * `schedule` and `lifecycle.delete_after`, and `aws_backup_selection` naming resources by ARN)
 * → `backup` nodes with `backs-up` edges.
 *
 * Sources [terraform-provider-aws website/docs/r/backup_plan.html.markdown,
 * backup_selection]: rule `schedule` ("A CRON expression"), `lifecycle.delete_after` ("number of
 * days after creation that a recovery point is deleted"), `copy_action.destination_vault_arn`;
 * selection `plan_id`, `resources` (ARNs).
 */
import type { DraftNode, ImportContext } from '../context';
import { draftNode } from '../draft';
import type { Mapper } from '../mapper';
import { regionOfArn } from '../placement';
import { num, str, strings } from '../resources';
import type { TfResource } from '../types';

/** Seconds in a day: a daily snapshot's interval. */
const DAY_SECONDS = 86_400;

/**
 * A daily automated backup of `datastore`, kept `retentionDays` (a service's own snapshots:
 * ElastiCache "daily snapshot", RDS automated backups, both taken once a day).
 */
export function dailyBackup(
  ctx: ImportContext,
  datastore: DraftNode,
  r: TfResource,
  retentionDays: number,
  what: string,
  label: string,
): void {
  const backup = ctx.add({
    key: `${r.address}#backup`,
    addresses: [],
    kind: 'backup',
    idHint: `backup-${datastore.idHint}`,
    name: `${what} ${label}`.slice(0, 200),
    provider: datastore.provider,
    ...(datastore.region === undefined ? {} : { region: datastore.region }),
    fields: { intervalSeconds: DAY_SECONDS, retentionDays: Math.min(retentionDays, 1e6) },
    notes: [`${what.toLowerCase()}, kept ${retentionDays} days`],
  });
  ctx.edge(backup, datastore, 'backs-up');
}

/**
 * The interval of an AWS cron schedule, seconds: `cron(M H * * ? *)` runs daily, `cron(M * * *
 * ? *)` hourly, `cron(M H ? * D *)` weekly; `rate(n unit)` as written; undefined otherwise.
 */
export function scheduleSeconds(schedule: string): number | undefined {
  const rate = /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(schedule.trim());
  if (rate) {
    const unit = { minute: 60, hour: 3600, day: DAY_SECONDS }[rate[2] as 'minute' | 'hour' | 'day'];
    return Number(rate[1]) * unit;
  }
  const cron = /^cron\((.+)\)$/.exec(schedule.trim());
  const fields = cron?.[1]?.trim().split(/\s+/);
  if (!fields || fields.length !== 6) return undefined;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const fixed = (f: string) => /^\d+$/.test(f);
  const every = (f: string) => f === '*' || f === '?';
  if (!fixed(minute) || !every(month)) return undefined;
  if (hour === '*' && every(dom) && every(dow)) return 3600;
  if (!fixed(hour)) return undefined;
  if (every(dom) && every(dow)) return DAY_SECONDS;
  if (every(dom) && /^[A-Z]{3}$|^\d$/.test(dow)) return 7 * DAY_SECONDS;
  return undefined;
}

export const backupPlanMapper: Mapper = {
  types: ['aws_backup_plan'],
  reads: ['aws_backup_selection', 'aws_backup_vault'],
  map(resources, ctx) {
    for (const plan of resources) {
      const selections = ctx.index
        .ofType('aws_backup_selection')
        .filter((s) => ctx.index.linked(s, 'plan_id', 'id', ['aws_backup_plan']).includes(plan));
      const protectedNodes: DraftNode[] = [];
      for (const selection of selections) {
        const byArn = strings(selection, 'resources').flatMap((arn) =>
          ctx.index.withKey('arn', arn),
        );
        const byRef = ctx.index.linked(
          selection,
          'resources',
          'arn',
          ctx.index.all.map((x) => x.type),
        );
        for (const target of [...byArn, ...byRef]) {
          const node = ctx.nodeOf(target);
          if (node?.kind === 'datastore' && !protectedNodes.includes(node))
            protectedNodes.push(node);
        }
      }
      if (protectedNodes.length === 0) {
        ctx.warn(
          'backup-plan-unlinked',
          `${plan.address}: no selection names a mapped datastore; left out`,
          { address: plan.address },
        );
        continue;
      }
      const where = ctx.region(plan);
      const region = where?.region ?? protectedNodes[0]?.region;
      const node = draftNode(ctx, plan, {
        kind: 'backup',
        prefix: 'backup',
        name: `AWS Backup ${str(plan, 'name') ?? plan.name}`,
        provider: 'aws',
        ...(region === undefined ? {} : { region }),
      });
      for (const selection of selections) ctx.use(selection, node);
      const schedule = str(plan, 'rule.schedule');
      const interval = schedule === undefined ? undefined : scheduleSeconds(schedule);
      if (interval !== undefined) node.fields.intervalSeconds = interval;
      else
        ctx.assume(
          node,
          'intervalSeconds',
          DAY_SECONDS,
          `schedule ${schedule ?? 'not set'} not read: daily`,
        );
      const days = num(plan, 'rule.lifecycle.delete_after');
      if (days !== undefined && days >= 1) node.fields.retentionDays = days;
      else
        ctx.assume(
          node,
          'retentionDays',
          3650,
          'no lifecycle.delete_after: recovery points are kept until deleted; ten years',
        );
      const copy = str(plan, 'rule.copy_action.destination_vault_arn');
      const copyRegion = regionOfArn(copy);
      if (copyRegion && copyRegion !== region)
        node.notes.push(`cross-region copy to ${copyRegion}`);
      for (const target of protectedNodes) ctx.edge(node, target, 'backs-up');
    }
  },
};
