/**
 * Two sections of the reconstitution chapter that the ISCP template of NIST SP 800-34 Rev. 1
 * (Appendix A.3) asks of a high-impact system: 5.1 Concurrent Processing (running at the
 * alternate site and the recovered site in parallel before switching back) and 5.7 Offsite Data
 * Storage (where the copies used for a recovery are kept, and that they go back there). Both
 * follow from the model's regions, replication and backups.
 */
import { backupPolicy, replicationLagSeconds } from '../../engine';
import type { BackupNode, DatastoreNode } from '../../model/types';
import {
  bullets,
  heading,
  inline,
  numbered,
  paragraph,
  type Block,
  type Inline,
} from '../document';
import { blank } from './blanks';
import { components, datastores, labelOf, linkBetween, type PlanBasis } from './context';
import { regionRoles } from './preventive-controls';
import { hasActiveActive } from './roles';
import { formatDuration, formatInterval, formatCount, formatShare, listOf } from '../../text';

/** The steady replication lag between cross-region data-tier peers, the largest; null without any. */
function crossRegionLag(ctx: PlanBasis): number | null {
  let lag: number | null = null;
  for (const node of datastores(ctx)) {
    const region = ctx.graph.regionOf.get(node.id);
    for (const peer of ctx.graph.replicaPeers.get(node.id) ?? []) {
      const other = ctx.graph.regionOf.get(peer);
      if (region === undefined || other === undefined || region === other) continue;
      const link = linkBetween(ctx, region, other) ?? { a: region, b: other };
      const seconds = node.sync === true ? 0 : replicationLagSeconds(node, link);
      lag = Math.max(lag ?? 0, seconds);
    }
  }
  return lag;
}

/** Section 5.1 of the template: concurrent processing before the switch back. */
export function concurrentProcessing(ctx: PlanBasis): Block[] {
  const { serving, standby } = regionRoles(ctx);
  const rpo = ctx.doc.targets?.rpoSeconds;
  const lag = crossRegionLag(ctx);
  const period: Inline = inline('Run concurrently for ', blank('period, e.g. one business day'));
  const lagCondition =
    lag === null
      ? 'replication between the sites is back to its steady state'
      : `replication lag between the sites is back to its steady state (about ${formatDuration(lag)} in the model)${rpo === undefined ? '' : ` and below the RPO of ${formatDuration(rpo)}`}`;
  const blocks: Block[] = [heading(2, 'Concurrent processing')];
  if (ctx.graph.regions.length <= 1) {
    blocks.push(
      paragraph(
        'The design has one region, so there is no alternate site to run in parallel with: a region outage ends only when the region is repaired. Within the region, the instances that come back in a repaired zone join their tiers beside the surviving ones; keep watching error rate and latency for ',
        blank('period'),
        ' before closing the incident.',
      ),
    );
    return blocks;
  }
  if (standby.length > 0) {
    const primary = listOf(serving.map((r) => labelOf(ctx, r)));
    const alternate = listOf(standby.map((r) => labelOf(ctx, r)));
    blocks.push(
      paragraph(
        `After a failover the system runs from ${alternate}. Before traffic goes back to ${primary}, the two run concurrently, the repaired site in the background, until it is known to work:`,
      ),
      numbered([
        `Bring the components of ${primary} up again; its datastores rejoin as standbys of the new primary and resynchronise.`,
        'Test the repaired site with synthetic transactions (chapter “Reconstitution”, validation sections) while users stay on the alternate site.',
        inline(...period, `, and until ${lagCondition}.`),
        'Switch back in a planned window (section “Failback”), or keep running from the alternate site and record that in the record of changes.',
      ]),
    );
    return blocks;
  }
  const shares = ctx.variant.trafficShare ?? ctx.doc.workload?.trafficShare ?? {};
  const aa = hasActiveActive(ctx);
  blocks.push(
    paragraph(
      `Every region serves (${formatCount(serving.length, 'region')}), so a repaired region runs concurrently with the others before it takes its full share back:`,
    ),
    numbered([
      aa
        ? 'Bring the region’s components up; its Active-Active members resynchronise from their peers.'
        : 'Bring the region’s components up; its data-tier members resynchronise from the others.',
      inline(
        'Send it a small share of the traffic first (',
        blank('share of the traffic'),
        `) through the global router, then raise it in steps to its usual share${serving.some((r) => shares[r] !== undefined) ? ` (${listOf(serving.filter((r) => shares[r] !== undefined).map((r) => `${labelOf(ctx, r)} ${formatShare(shares[r] as number)}`))})` : ''}, watching error rate, latency and replication lag after each step.`,
      ),
      inline(...period, `, and until ${lagCondition}.`),
    ]),
  );
  return blocks;
}

/** The datastores a backup protects (its `backs-up` edges), file order. */
function protectedBy(ctx: PlanBasis, backup: BackupNode): DatastoreNode[] {
  return ctx.variant.edges
    .filter((e) => e.kind === 'backs-up' && e.from === backup.id)
    .map((e) => ctx.graph.byId.get(e.to))
    .filter((n): n is DatastoreNode => n?.kind === 'datastore');
}

/** Section 5.7 of the template: where the copies of the data are kept, off the primary site. */
export function offsiteDataStorage(ctx: PlanBasis): Block[] {
  const backups = components(ctx).filter((n): n is BackupNode => n.kind === 'backup');
  const rows = backups.map((b) => {
    const region = ctx.graph.regionOf.get(b.id);
    const stores = protectedBy(ctx, b);
    const sameRegion = stores.some((s) => ctx.graph.regionOf.get(s.id) === region);
    const policy = backupPolicy(b);
    return [
      labelOf(ctx, b.id),
      stores.length === 0 ? '—' : listOf(stores.map((s) => labelOf(ctx, s.id))),
      region === undefined ? 'global' : labelOf(ctx, region),
      sameRegion ? 'no: same region as the data' : 'yes',
      formatInterval(policy.intervalSeconds),
      formatCount(policy.retentionDays, 'day'),
    ];
  });
  const onSite = backups.filter((b) => {
    const region = ctx.graph.regionOf.get(b.id);
    return protectedBy(ctx, b).some((s) => ctx.graph.regionOf.get(s.id) === region);
  });
  const replicatedAway = datastores(ctx).filter((n) =>
    (ctx.graph.replicaPeers.get(n.id) ?? []).some(
      (p) => ctx.graph.regionOf.get(p) !== ctx.graph.regionOf.get(n.id),
    ),
  );
  const blocks: Block[] = [
    heading(2, 'Offsite data storage'),
    paragraph(
      'The copies a recovery restores from must be kept away from the site they protect, and what is taken out for a recovery goes back there afterwards. In the cloud there are no media to carry: the copies are backups in object storage, and the region they are kept in is what makes them offsite.',
    ),
  ];
  if (backups.length === 0) {
    blocks.push(
      paragraph(
        'The model has no backup: no copy of the data survives a corruption, which replication copies to every member.',
      ),
    );
  } else {
    blocks.push({
      kind: 'table',
      caption: 'Table 22. Where the backups are kept',
      columns: [
        { header: 'Backup', width: 2.6 },
        { header: 'Protects', width: 2.4 },
        { header: 'Kept in', width: 2.4 },
        { header: 'Off the data’s region', width: 1.6 },
        { header: 'Every', width: 1, align: 'right' },
        { header: 'Kept for', width: 1.1, align: 'right' },
      ],
      rows,
    });
  }
  const notes: Inline[] = [];
  if (onSite.length > 0)
    notes.push(
      inline(
        `${listOf(onSite.map((b) => labelOf(ctx, b.id)))} ${onSite.length === 1 ? 'is' : 'are'} kept in the region of the data ${onSite.length === 1 ? 'it protects' : 'they protect'}: a region outage makes ${onSite.length === 1 ? 'it' : 'them'} unavailable with the data. Whether the storage copies ${onSite.length === 1 ? 'it' : 'them'} to another region is not in the model: `,
        blank('cross-region copy: yes or no, and where'),
        '.',
      ),
    );
  if (replicatedAway.length > 0)
    notes.push(
      inline(
        `${listOf(replicatedAway.map((n) => labelOf(ctx, n.id)))} ${replicatedAway.length === 1 ? 'has a replica' : 'have replicas'} in another region: an offsite copy of the current data, but not a backup, since replication copies a corruption too.`,
      ),
    );
  if (backups.length > 0)
    notes.push(
      inline(
        'After a restore, delete the temporary copies made for it, check that the backup schedule runs again into the same storage, and that the first backup after the recovery is there (deactivation, “Data backup”).',
      ),
    );
  if (notes.length > 0) blocks.push(bullets(notes));
  return blocks;
}
