/**
 * Backup rules: a datastore with no backup (a logical corruption, which replication copies,
 * cannot be undone: no RPO), and a backup whose interval is longer than the RPO target.
 */
import { freshFixId } from '../../model/ops/fixes';
import type { BackupNode } from '../../model/types';
import { backupPolicy } from '../scenarios';
import type { AdviceContext, DraftFinding } from './context';
import { duration } from './format';

/** Backups of each datastore, file order. */
function backupsOf(ctx: AdviceContext, datastoreId: string): BackupNode[] {
  return ctx.variant.edges
    .filter((e) => e.kind === 'backs-up' && e.to === datastoreId)
    .map((e) => ctx.graph.byId.get(e.from))
    .filter((n): n is BackupNode => n?.kind === 'backup');
}

/** Every backup finding of the variant. */
export function backupFindings(ctx: AdviceContext): DraftFinding[] {
  const findings: DraftFinding[] = [];
  const rpo = ctx.targets.rpoSeconds;
  const reported = new Set<string>();
  for (const node of ctx.variant.nodes) {
    if (node.kind !== 'datastore' || !ctx.structure.nodeExprs.has(node.id)) continue;
    const backups = backupsOf(ctx, node.id);
    const probes = ctx.probe({
      id: `advisor-corrupt-${node.id}`,
      name: `Corruption of ${node.id}`,
      corrupt: [node.id],
    });
    if (backups.length === 0) {
      const region = ctx.graph.regionOf.get(node.id);
      findings.push({
        code: 'no-backup',
        severity: 'high',
        nodeIds: [node.id],
        title: `${node.id} has no backup`,
        message: `Replication copies a logical corruption (a bad deploy, a mistaken delete) to every member of ${node.id}: with no backup it cannot be undone, so its RPO is unbounded and its data must be rebuilt from the systems of record.`,
        principle: 'recoverability',
        probes,
        fix: {
          label: `Back up ${node.id} daily, keeping 7 days${region ? `, in ${region}` : ''}`,
          op: {
            kind: 'add-backup',
            datastoreId: node.id,
            backupId: freshFixId(ctx.doc, ctx.variant.id, `backup-${node.id}`),
            ...(region === undefined ? {} : { regionId: region }),
          },
        },
      });
      continue;
    }
    if (rpo === undefined) continue;
    const best = backups
      .map((b) => ({ backup: b, interval: backupPolicy(b).intervalSeconds }))
      .sort((x, y) => x.interval - y.interval)[0] as { backup: BackupNode; interval: number };
    if (best.interval <= rpo || reported.has(best.backup.id)) continue;
    reported.add(best.backup.id);
    findings.push({
      code: 'backup-interval-above-rpo',
      severity: 'high',
      nodeIds: [best.backup.id, node.id],
      title: `${best.backup.id} runs every ${duration(best.interval)}, above the ${duration(rpo)} RPO`,
      message: `A corruption of ${node.id} is undone from its last backup, losing up to ${duration(best.interval)} of writes against an RPO target of ${duration(rpo)}.${rpo > 0 ? ` Backing up every ${duration(rpo)} meets it; the cost below prices each backup as a full copy of the data set, so continuous (point-in-time) backups are usually far cheaper: give the backup their price as monthlyUsd.` : ' No backup interval meets a zero RPO: only a delayed replica or a point-in-time log can.'}`,
      principle: 'recoverability',
      probes,
      fix:
        rpo > 0
          ? {
              label: `Back up ${node.id} every ${duration(rpo)} (point-in-time recovery)`,
              op: { kind: 'set-backup-interval', backupId: best.backup.id, intervalSeconds: rpo },
            }
          : { label: `Keep a point-in-time log of ${node.id}`, op: null },
    });
  }
  return findings;
}
