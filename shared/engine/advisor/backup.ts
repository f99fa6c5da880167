/**
 * Backup rules: a datastore with no backup (a logical corruption, which replication copies,
 * cannot be undone: no RPO), a backup whose interval, plus the time to notice a corruption, is
 * longer than the RPO target, and an RPO target that no backup interval can meet because the
 * corruption is noticed too late.
 *
 * A corruption's RPO is backup interval + detection time (docs/scenarios.md, "Achieved RPO"):
 * worst case it begins just after a backup and is noticed `operations.detectionSeconds` later,
 * and the writes of both spans are lost. So a backup meets the RPO target only when
 * interval ≤ target − detection, and none can when target ≤ detection.
 */
import { OPERATIONS_DEFAULTS } from '../../model/defaults';
import { freshFixId } from '../../model/ops/fixes';
import type { BackupNode, NinesDocument } from '../../model/types';
import { backupPolicy } from '../scenarios';
import { offsiteRegion } from './backup-locality';
import type { AdviceContext, DraftFinding } from './context';
import { formatCount, formatDuration } from '../../text';

/**
 * Readable backup intervals, seconds, longest first: a fix backs up at the longest of them that
 * meets the RPO target (24 h, 12 h, 6 h, 4 h, 2 h, 1 h, 30 min, 15 min, 10 min, 5 min, 1 min).
 */
export const BACKUP_INTERVAL_LADDER: readonly number[] = [
  86_400, 43_200, 21_600, 14_400, 7_200, 3_600, 1_800, 900, 600, 300, 60,
];

/**
 * The longest readable backup interval at most `window` seconds (> 0): a step of the ladder,
 * else (below a minute) the whole seconds of the window, else the window itself.
 */
export function intervalWithin(window: number): number {
  const step = BACKUP_INTERVAL_LADDER.find((s) => s <= window);
  if (step !== undefined) return step;
  return window >= 1 ? Math.floor(window) : window;
}

/** Time until a logical corruption is noticed, seconds: the document's, else the default. */
export function corruptionDetectionSeconds(doc: NinesDocument): number {
  return (
    doc.operations?.detectionSeconds ?? (OPERATIONS_DEFAULTS.detectionSeconds?.value as number)
  );
}

/** Every backup finding of the variant. */
export function backupFindings(ctx: AdviceContext): DraftFinding[] {
  const { name: n } = ctx;
  const findings: DraftFinding[] = [];
  const rpo = ctx.targets.rpoSeconds;
  const detection = corruptionDetectionSeconds(ctx.doc);
  // The longest backup interval that meets the RPO target, if one can.
  const window = rpo === undefined ? undefined : rpo - detection;
  const interval = window !== undefined && window > 0 ? intervalWithin(window) : undefined;
  const rule = `RPO = backup interval + detection time: worst case a corruption begins just after a backup and is noticed ${formatDuration(detection)} later`;
  const reported = new Set<string>();
  const stores: string[] = [];
  for (const node of ctx.variant.nodes) {
    if (node.kind !== 'datastore' || !ctx.structure.nodeExprs.has(node.id)) continue;
    stores.push(node.id);
    const backups = ctx.backupsOf(node.id);
    const probes = ctx.probe({
      id: `advisor-corrupt-${node.id}`,
      name: `Corruption of ${n(node.id)}`,
      corrupt: [node.id],
    });
    if (backups.length === 0) {
      // Kept in another region when no copy of this data is kept outside its own (CP-6(1)).
      const region = offsiteRegion(ctx, node.id) ?? ctx.graph.regionOf.get(node.id);
      const every = interval === undefined ? 'daily' : `every ${formatDuration(interval)}`;
      findings.push({
        code: 'no-backup',
        severity: 'high',
        nodeIds: [node.id],
        title: `${n(node.id)} has no backup`,
        message: `Replication copies a logical corruption (a bad deploy, a mistaken delete) to every member of ${n(node.id)}: with no backup it cannot be undone, so its RPO is unbounded and its data must be rebuilt from the systems of record.${
          interval === undefined || rpo === undefined
            ? ''
            : ` Backed up every ${formatDuration(interval)}, a corruption loses at most ${formatDuration(interval + detection)} of writes, within the ${formatDuration(rpo)} RPO target (${rule}).`
        }`,
        principle: 'recoverability',
        probes,
        fix: {
          label: `Back up ${n(node.id)} ${every}, keeping ${formatCount(7, 'day')}${region ? `, in ${n(region)}` : ''}`,
          op: {
            kind: 'add-backup',
            datastoreId: node.id,
            backupId: freshFixId(ctx.doc, ctx.variant.id, `backup-${node.id}`),
            ...(region === undefined ? {} : { regionId: region }),
            ...(interval === undefined ? {} : { intervalSeconds: interval }),
          },
        },
      });
      continue;
    }
    // No target; or no interval can meet it (the detection finding below says so once).
    if (rpo === undefined || (interval === undefined && detection > 0)) continue;
    const best = backups
      .map((b) => ({ backup: b, interval: backupPolicy(b).intervalSeconds }))
      .sort((x, y) => x.interval - y.interval)[0] as { backup: BackupNode; interval: number };
    const lost = best.interval + detection;
    if (lost <= rpo || reported.has(best.backup.id)) continue;
    reported.add(best.backup.id);
    findings.push({
      code: 'backup-interval-above-rpo',
      severity: 'high',
      nodeIds: [best.backup.id, node.id],
      title: `${n(best.backup.id)} runs every ${formatDuration(best.interval)}: a corruption of ${n(node.id)} can lose ${formatDuration(lost)}, above the ${formatDuration(rpo)} RPO`,
      message: `A corruption of ${n(node.id)} is undone from the last backup taken before it began, losing up to ${formatDuration(best.interval)} + ${formatDuration(detection)} = ${formatDuration(lost)} of writes against an RPO target of ${formatDuration(rpo)} (${rule}).${
        interval !== undefined
          ? ` Backing up every ${formatDuration(interval)} (at most ${formatDuration(rpo)} − ${formatDuration(detection)}) meets it; the cost below prices each backup as a full copy of the data set, so continuous (point-in-time) backups are usually far cheaper: give the backup their price as monthlyUsd.`
          : ' No backup interval meets a zero RPO: only a delayed replica or a point-in-time log can.'
      }`,
      principle: 'recoverability',
      probes,
      fix:
        interval !== undefined
          ? {
              label: `Back up ${n(node.id)} every ${formatDuration(interval)} (point-in-time recovery)`,
              op: {
                kind: 'set-backup-interval',
                backupId: best.backup.id,
                intervalSeconds: interval,
              },
            }
          : { label: `Keep a point-in-time log of ${n(node.id)}`, op: null },
    });
  }
  if (rpo !== undefined && interval === undefined && detection > 0 && stores.length > 0) {
    findings.push(detectionFinding(ctx, stores, rpo, detection));
  }
  return findings;
}

/**
 * The RPO target is at or below the time to notice a corruption: no backup interval can meet
 * it, whatever the backups, so the finding is about the detection, once for the variant.
 */
function detectionFinding(
  ctx: AdviceContext,
  stores: readonly string[],
  rpo: number,
  detection: number,
): DraftFinding {
  const source =
    ctx.doc.operations?.detectionSeconds === undefined
      ? 'the default of operations.detectionSeconds'
      : 'operations.detectionSeconds';
  return {
    code: 'detection-above-rpo',
    severity: 'high',
    nodeIds: [...stores],
    subject: 'variant',
    title: `A corruption is noticed after ${formatDuration(detection)}: no backup meets the ${formatDuration(rpo)} RPO`,
    message: `A corruption of ${ctx.nameList(stores)} is undone from the last backup taken before it began. Worst case it begins just after a backup and is noticed ${formatDuration(detection)} later (${source}), and the writes of both spans are lost: RPO = backup interval + detection time, at least ${formatDuration(detection)} however often the backups run, against an RPO target of ${formatDuration(rpo)}. Only noticing sooner can meet it: data-validation checks, alerts on error rates and failed reads; then set operations.detectionSeconds to the time measured.`,
    principle: 'recoverability',
    fix: {
      label:
        'Notice corruption sooner (data checks, alerts on error rates), then set operations.detectionSeconds',
      op: null,
    },
  };
}
