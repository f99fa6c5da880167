/**
 * Target rules: a scenario whose RTO exceeds the maximum tolerable downtime, or whose RTO or RPO
 * misses its target. The fix follows the critical chain of the miss (`ScenarioResult.rto.parts`,
 * `rpo.parts`): a slow restore gets the restore throughput the target needs, a manual promotion
 * gets automatic failover; either is proposed only when it shortens the scenario. Misses caused by
 * a missing backup, a backup interval or unbounded lag are left to those findings.
 */
import type { FixOp } from '../../model/ops/fixes';
import type { DatastoreNode } from '../../model/types';
import {
  BYTES_PER_GIB,
  BYTES_PER_MB,
  TIME_PART_LABELS,
  type ScenarioResult,
  type TimePart,
} from '../scenarios';
import type { AdviceContext, DraftFinding } from './context';
import { formatDuration, formatGiB, formatRate } from '../../text';

/** Parts whose miss another rule reports with its own fix. */
const COVERED: ReadonlySet<TimePart['kind']> = new Set(['backup-interval']);

/** Scenario findings, in document order: RTO (or MTD) first, then RPO. */
export function targetFindings(ctx: AdviceContext): DraftFinding[] {
  const findings: DraftFinding[] = [];
  const { rtoSeconds, rpoSeconds, mtdSeconds } = ctx.targets;
  for (const s of ctx.base.scenarios) {
    if (!s.applies) continue;
    const overMtd =
      mtdSeconds !== undefined && (s.rtoSeconds === null || s.rtoSeconds > mtdSeconds);
    if (overMtd || !s.meetsRto) {
      const limit = Math.min(rtoSeconds ?? Infinity, mtdSeconds ?? Infinity);
      const finding = rtoFinding(ctx, s, overMtd, limit);
      if (finding) findings.push(finding);
    }
    if (!s.meetsRpo && rpoSeconds !== undefined) {
      const finding = rpoFinding(ctx, s, rpoSeconds);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function partsText(ctx: AdviceContext, parts: readonly TimePart[]): string {
  return parts
    .map((p) =>
      p.nodeId === 'operations'
        ? `${TIME_PART_LABELS[p.kind]} by the people on call ${formatDuration(p.seconds)}`
        : `${TIME_PART_LABELS[p.kind]} of ${ctx.name(p.nodeId)} ${formatDuration(p.seconds)}`,
    )
    .join(' + ');
}

function rtoFinding(
  ctx: AdviceContext,
  s: ScenarioResult,
  overMtd: boolean,
  limit: number,
): DraftFinding | undefined {
  const parts = s.rto.parts;
  // No backup: the no-backup finding adds one.
  if (parts.some((p) => p.kind === 'restore' && p.seconds === null)) return undefined;
  const { mtdSeconds, rtoSeconds } = ctx.targets;
  const against = overMtd
    ? `the maximum tolerable downtime of ${formatDuration(mtdSeconds ?? null)} (NIST SP 800-34 Rev. 1, 3.2.1: the RTO must normally be shorter than the MTD)`
    : `the RTO target of ${formatDuration(rtoSeconds ?? null)}`;
  const candidate = rtoOp(ctx, parts, limit);
  const helps = candidate && shortensRto(ctx, s.id, candidate.op);
  const repair = parts.find((p) => p.kind === 'repair');
  const repairNode = repair ? ctx.graph.byId.get(repair.nodeId) : undefined;
  // Without a model change that helps: what would, in words.
  const manualFix: { advice: string; label: string } =
    repairNode?.kind === 'region'
      ? {
          advice: ` Nothing in ${ctx.name(repairNode.id)} can come back sooner than its repair: only a second region that serves on its own avoids the wait.`,
          label: `Serve from a second region that takes over without ${ctx.name(repairNode.id)}`,
        }
      : parts.some((p) => p.nodeId === 'operations')
        ? {
            advice:
              ' Most of it is people: noticing the failure and deciding. Data checks and alerts that page sooner (operations.detectionSeconds), a rehearsed runbook with a pre-agreed decision (operations.decisionSeconds), and automation for the manual steps shorten it.',
            label: 'Notice and decide sooner; automate the manual steps',
          }
        : parts.some((p) => p.kind === 'detection' || p.kind === 'dns-ttl')
          ? {
              advice:
                ' Shorter health checks (interval × threshold) or a shorter DNS TTL shorten the detection.',
              label: 'Shorten the health checks or the DNS TTL',
            }
          : parts.some((p) => p.kind === 'promotion' || p.kind === 'warm-up')
            ? {
                advice:
                  ' A faster promotion (a smaller failoverSeconds) and a warm standby (no warm-up) shorten it.',
                label: 'Promote faster and keep the standby warm',
              }
            : { advice: '', label: 'Shorten the recovery chain listed above' };
  return {
    code: overMtd ? 'rto-exceeds-mtd' : 'scenario-misses-rto',
    severity: 'high',
    nodeIds: [...new Set(parts.map((p) => p.nodeId))],
    subject: `scenario:${s.id}`,
    title: `${s.name}: RTO ${formatDuration(s.rtoSeconds)} ${overMtd ? 'exceeds the MTD' : 'misses the target'}`,
    message: `${s.name}: users wait ${formatDuration(s.rtoSeconds)} (${partsText(ctx, parts) || 'no recovery path'}), beyond ${against}.${helps ? '' : manualFix.advice}`,
    principle: 'recoverability',
    fix: helps && candidate ? candidate : { label: manualFix.label, op: null },
  };
}

/** The model operation that shortens the critical RTO chain, if one does. */
function rtoOp(
  ctx: AdviceContext,
  parts: readonly TimePart[],
  limit: number,
): { label: string; op: FixOp } | undefined {
  const restore = parts.find((p) => p.kind === 'restore' && p.seconds !== null);
  const restored = restore && ctx.graph.byId.get(restore.nodeId);
  if (restore && restored?.kind === 'backup' && Number.isFinite(limit)) {
    // The other parts of the chain (warm-up; with people, detection and decision) run in series
    // with the restore: the restore has what they leave of the limit.
    const others = parts.filter((p) => p !== restore).reduce((sum, p) => sum + (p.seconds ?? 0), 0);
    const stores = ctx.variant.edges
      .filter((e) => e.kind === 'backs-up' && e.from === restored.id)
      .map((e) => ctx.graph.byId.get(e.to))
      .filter((n): n is DatastoreNode => n?.kind === 'datastore');
    const gib = Math.max(0, ...stores.map((n) => n.memoryGiB ?? ctx.doc.workload?.dataSetGiB ?? 0));
    const window = limit - others;
    if (window > 0 && gib > 0) {
      // size / throughput ≤ window (REF-25), rounded up to a whole MB/s.
      const mbps = Math.ceil((gib * BYTES_PER_GIB) / BYTES_PER_MB / window);
      return {
        label: `Restore ${ctx.name(restored.id)} at ${formatRate(mbps, 'MB/s')} (${formatGiB(gib)} within ${formatDuration(window)})`,
        op: { kind: 'set-restore-throughput', backupId: restored.id, restoreThroughputMBps: mbps },
      };
    }
  }
  const promotion = parts.find((p) => p.kind === 'promotion');
  const group = promotion && ctx.graph.groupOf.get(promotion.nodeId);
  const manual =
    promotion &&
    ((group && !group.isAutomatic) ||
      (ctx.graph.byId.get(promotion.nodeId) as DatastoreNode | undefined)?.autoFailover === false);
  if (promotion && manual) {
    const members = group ? [...group.members] : [promotion.nodeId];
    return {
      label: `Fail ${ctx.nameList(members)} over automatically`,
      op: { kind: 'set-auto-failover', nodeIds: members },
    };
  }
  return undefined;
}

/** True when `op` makes the scenario's RTO shorter. */
function shortensRto(ctx: AdviceContext, scenarioId: string, op: FixOp): boolean {
  const before = ctx.base.scenarios.find((s) => s.id === scenarioId)?.rtoSeconds;
  const after = ctx.evaluateWith(op)?.scenarios.find((s) => s.id === scenarioId)?.rtoSeconds;
  return (
    after !== undefined &&
    after !== null &&
    (before === null || (before !== undefined && after < before))
  );
}

function rpoFinding(
  ctx: AdviceContext,
  s: ScenarioResult,
  target: number,
): DraftFinding | undefined {
  const parts = s.rpo.parts;
  if (parts.some((p) => COVERED.has(p.kind))) return undefined;
  // Unbounded lag and a lone node without persistence or backup have their own findings.
  if (parts.some((p) => p.seconds === null)) return undefined;
  const lag = parts.find((p) => p.kind === 'replication-lag');
  const persistence = parts.find((p) => p.kind === 'persistence-window');
  const fix = lag
    ? {
        advice: ' Synchronous replication loses nothing but costs every write a round trip.',
        label: 'Replicate synchronously where the RPO matters more than write latency',
      }
    : persistence
      ? {
          advice:
            ' A shorter persistence window bounds what a lone node loses (AOF every second: 1 s; always: 0 s).',
          label: `Persist ${ctx.name(persistence.nodeId)} more often (AOF)`,
        }
      : { advice: '', label: 'Shorten the loss chain listed above' };
  return {
    code: 'scenario-misses-rpo',
    severity: 'high',
    nodeIds: [...new Set(parts.map((p) => p.nodeId))],
    subject: `scenario:${s.id}`,
    title: `${s.name}: RPO ${formatDuration(s.rpoSeconds)} misses the target`,
    message: `${s.name}: up to ${formatDuration(s.rpoSeconds)} of writes are lost (${partsText(ctx, parts)}), beyond the RPO target of ${formatDuration(target)}.${fix.advice}`,
    principle: 'recoverability',
    fix: { label: fix.label, op: null },
  };
}
