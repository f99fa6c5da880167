/**
 * Chapter: preventive controls — the redundancy in place, the common causes that defeat it
 * (`./common-causes`), how it compares with NIST's backup and
 * alternate-site examples for the impact level (SP 800-34 Rev. 1 Table 3-2 and section 3.4.3,
 * SP 800-53B CP baselines; see `./nist`), and the open findings with their recommendations.
 */
import { NODE_DEFAULTS } from '../../model/defaults';
import { nodeFailureFigure, tierSize } from '../../model/nodes';
import type { ModelNode } from '../../model/types';
import { routerDetection, backupPolicy, persistenceWindowSeconds } from '../../engine';
import { bold, heading, inline, numbered, paragraph, type Block } from '../document';
import { components, groupOf, labelOf, type PlanBasis, type PlanContext } from './context';
import {
  capitalise,
  formatAvailability,
  formatCount,
  formatDuration,
  formatInterval,
  formatRate,
  listOf,
} from '../../text';
import { CP_BASELINE, NIST_ALTERNATE_SITE, NIST_STRATEGY, SP_800_34 } from './nist';
import { backupsSection } from './backups';
import { commonCausesSection } from './common-causes';

/** Zones a tier's instances are spread over: its own zone, its region's zones, or none. */
function zoneSpread(ctx: PlanBasis, node: ModelNode, instances: number): number {
  if (ctx.graph.zoneOf.has(node.id)) return 1;
  const region = ctx.graph.regionOf.get(node.id);
  const zones = region === undefined ? 0 : (ctx.graph.zonesOf.get(region)?.length ?? 0);
  return Math.min(zones, instances);
}

/** One sentence on how `node` is made redundant or protected. */
export function redundancyOf(ctx: PlanBasis, node: ModelNode): string {
  switch (node.kind) {
    case 'router': {
      const targets = ctx.graph.dependsOn.get(node.id) ?? [];
      const { detectionSeconds, dnsTtlSeconds } = routerDetection(node);
      const ttl = dnsTtlSeconds > 0 ? ` + DNS TTL ${formatDuration(dnsTtlSeconds)}` : '';
      return `${node.minTargets ?? 1} of ${formatCount(targets.length, 'target')} needed; a failed target is taken out after ${formatDuration(detectionSeconds)} (${formatInterval(Number(node.healthCheckSeconds ?? NODE_DEFAULTS.router.healthCheckSeconds?.value))} × ${formatCount(Number(node.failureThreshold ?? NODE_DEFAULTS.router.failureThreshold?.value), 'check')})${ttl}; availability ${formatAvailability(nodeFailureFigure(node).availability)}.`;
    }
    case 'service':
    case 'queue':
    case 'datastore': {
      const { instances, minHealthy } = tierSize(node);
      const zones = zoneSpread(ctx, node, instances);
      const parts = [
        `${formatCount(instances, 'instance')}${zones > 1 ? ` over ${formatCount(zones, 'zone')}` : zones === 1 ? ' in one zone' : ''}, ${minHealthy} needed`,
      ];
      if (node.kind === 'datastore') {
        const peers = ctx.graph.replicaPeers.get(node.id) ?? [];
        const mode = node.replication ?? 'none';
        if (mode !== 'none' && peers.length > 0) {
          parts.push(
            `${mode} ${node.sync === true ? 'synchronous' : 'asynchronous'} replication with ${listOf(peers.map((p) => labelOf(ctx, p)))}`,
          );
        }
        const group = groupOf(ctx, node.id);
        if (group && group.members[0] === node.id) {
          parts.push(
            group.isAutomatic
              ? `automatic failover in ${formatDuration(group.failoverSeconds)}`
              : `manual failover (${formatDuration(group.failoverSeconds)} to decide and promote)`,
          );
        }
        const window = persistenceWindowSeconds(node);
        parts.push(
          window === undefined
            ? 'no persistence'
            : `persistence ${node.persistence ?? ''} (loses at most ${formatDuration(window)} on its own)`,
        );
      }
      return `${capitalise(parts.join('; '))}.`;
    }
    case 'backup': {
      const policy = backupPolicy(node);
      const protects = ctx.variant.edges
        .filter((e) => e.kind === 'backs-up' && e.from === node.id)
        .map((e) => labelOf(ctx, e.to));
      return `Every ${formatInterval(policy.intervalSeconds)}, kept ${formatCount(policy.retentionDays, 'day')}, restored at ${formatRate(policy.restoreThroughputMBps, 'MB/s')}${protects.length === 0 ? '' : `; protects ${listOf(protects)}`}.`;
    }
    case 'objectStore':
    case 'external':
      return `Relies on the provider's own redundancy: availability ${formatAvailability(nodeFailureFigure(node).availability)}.`;
    case 'region':
    case 'zone':
      return '';
  }
}

/** Regions that take traffic, and standby regions (share 0 while another region has some). */
export function regionRoles(ctx: PlanBasis): { serving: string[]; standby: string[] } {
  const shares = ctx.variant.trafficShare ?? ctx.doc.workload?.trafficShare;
  const serving = ctx.graph.regions.filter((r) => shares === undefined || (shares[r] ?? 0) > 0);
  return { serving, standby: ctx.graph.regions.filter((r) => !serving.includes(r)) };
}

/** The preventive-controls chapter. */
export function preventiveControlsChapter(ctx: PlanContext): Block[] {
  const impact = ctx.doc.targets?.impact;
  const { serving, standby } = regionRoles(ctx);
  const stores = components(ctx).filter((n) => n.kind === 'datastore');
  const acrossRegions = stores.some((n) =>
    (ctx.graph.replicaPeers.get(n.id) ?? []).some(
      (p) => ctx.graph.regionOf.get(p) !== ctx.graph.regionOf.get(n.id),
    ),
  );
  const withinSite = stores.some(
    (n) =>
      n.kind === 'datastore' &&
      ((ctx.graph.replicaPeers.get(n.id) ?? []).length > 0 ||
        ((n.replication ?? 'none') !== 'none' && tierSize(n).instances > 1)),
  );
  const hasBackup = components(ctx).some((n) => n.kind === 'backup');
  const data =
    stores.length === 0
      ? 'the design holds no data tier'
      : `data is ${acrossRegions ? 'replicated to another region' : withinSite ? 'replicated only within its site (between instances and zones), not to another region' : 'not replicated'}; ${hasBackup ? 'it is backed up (see Backups below)' : 'no backup is modelled'}`;
  const site =
    serving.length > 1
      ? // SP 800-34 Rev. 1 section 5.1.5: "One example of a hot site is two identical systems at
        // alternate locations that are in production ... Each location is built to handle the
        // full workload, and data is continuously synchronized between the systems."
        `the ${serving.length} serving regions are all in production, which ${SP_800_34} (section 5.1.5) gives as its example of a hot site provided each region is built to carry the full workload`
      : standby.length > 0
        ? `${listOf(standby.map((r) => labelOf(ctx, r)))} ${standby.length === 1 ? 'is a standby region' : 'are standby regions'} that take${standby.length === 1 ? 's' : ''} traffic only after a failover`
        : 'the model has no alternate region: a region outage is recovered only by the region’s repair';
  return [
    heading(1, 'Preventive controls'),
    paragraph(
      'These controls keep the service running through the failures they were designed for, without anyone acting. The figures are those of the model (Appendix A).',
    ),
    heading(2, 'Redundancy in place'),
    {
      kind: 'table',
      caption: 'Table 4. Redundancy of each component',
      columns: [
        { header: 'Component', width: 2.6 },
        { header: 'Redundancy and protection', width: 6 },
      ],
      rows: components(ctx).map((n) => [labelOf(ctx, n.id), redundancyOf(ctx, n)]),
    },
    ...commonCausesSection(ctx),
    heading(2, 'Backup and alternate site'),
    paragraph(
      impact === undefined
        ? `No impact level is set, so ${SP_800_34}’s examples by impact level are not applied. `
        : `For a ${impact}-impact system, Table 3-2 of ${SP_800_34} gives as examples “${NIST_STRATEGY[impact].backup}” for backup and “${NIST_STRATEGY[impact].site}” as the recovery strategy, and ${NIST_ALTERNATE_SITE[impact]}. `,
      `In this design ${site}; ${data}.`,
    ),
    ...(impact === undefined
      ? []
      : [
          paragraph(
            `SP 800-53B selects these contingency-planning controls for the ${impact} baseline: ${listOf([...CP_BASELINE[impact]])}${impact === 'low' ? '; the alternate storage site (CP-6), alternate processing site (CP-7) and alternate telecommunications (CP-8) controls are not in it' : ''}. Most are met by the organisation (agreements, training, testing); this plan covers the design’s part.`,
          ),
        ]),
    ...backupsSection(ctx, impact),
    heading(2, 'Open findings'),
    ...(ctx.findings.length === 0
      ? [
          paragraph(
            'The design advisor raises no finding against the field guide’s principles (redundancy, locality, replication, backups, capacity, targets).',
          ),
        ]
      : [
          paragraph(
            'The design advisor checks the model against the field guide’s principles (single points of failure, tiers in one zone, cross-region calls, replication, backups, capacity after a loss, the targets). Each finding is either closed by a change to the design (then regenerate this plan) or accepted by the approving official and recorded in the record of changes.',
          ),
          {
            kind: 'table' as const,
            caption: 'Table 5. Open findings',
            columns: [
              { header: 'Severity', width: 1.1 },
              { header: 'Finding', width: 3 },
              { header: 'Detail', width: 6 },
            ],
            rows: ctx.findings.map((f) => [
              f.severity === 'high' ? [bold('high')] : f.severity,
              f.title,
              f.detail,
            ]),
          },
          heading(2, 'Recommendations'),
          paragraph(
            'The fix of each finding, with its effect measured by evaluating the model with the fix applied (availability and downtime before and after, change of the monthly cost); a fix that no change to the model expresses is not measured:',
          ),
          numbered(ctx.findings.map((f) => inline(bold(f.fix), ` — ${f.effect}.`))),
        ]),
  ];
}
