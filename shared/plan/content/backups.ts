/**
 * Section of the preventive controls: the backups as SP 800-53 CP-9 expects them. Where each
 * copy lives against the region of the data it protects (a copy in the data's own region does not
 * survive the loss of that region: CP-6(1) asks for an alternate storage site separated from the
 * primary one), whether the retention still holds a clean copy when a corruption is noticed late
 * (a closed form on the model's times), and what the model cannot know (encryption, immutability,
 * restore tests) as blanks for the plan owner.
 *
 * Sources (NIST SP 800-53 Rev. 5): CP-9 "System Backup" (backups at a frequency consistent with
 * the RTO and RPO; their confidentiality, integrity and availability protected at the storage
 * location); CP-9(1) "Testing for Reliability and Integrity" (test backup information at an
 * organization-defined frequency); CP-9(8) "Cryptographic Protection"; CP-6(1) "Separation from
 * Primary Site". Baselines from `./nist`.
 */
import { backupPolicy } from '../../engine';
import { operationsTime } from '../../model/operations';
import type { BackupNode, DatastoreNode } from '../../model/types';
import { bold, heading, inline, paragraph, type Block, type Cell } from '../document';
import { blank } from './blanks';
import { eventLabel, labelOf, type PlanBasis } from './context';
import { formatCount, formatDuration, formatInterval, listOf } from '../../text';
import { CP_BASELINE, type ImpactLevel } from './nist';

const SECONDS_PER_DAY = 86_400;

/** The datastores a backup protects, file order. */
function protectedBy(ctx: PlanBasis, backup: BackupNode): DatastoreNode[] {
  return ctx.variant.edges
    .filter((e) => e.kind === 'backs-up' && e.from === backup.id)
    .map((e) => ctx.graph.byId.get(e.to))
    .filter((n): n is DatastoreNode => n?.kind === 'datastore');
}

/** Where a backup is kept against the region of the data it protects. */
export type BackupPlacement = 'same-region' | 'other-region' | 'unplaced';

/** `same-region` when the backup sits in the datastore's region, `unplaced` without a region. */
export function backupPlacement(
  ctx: PlanBasis,
  backup: BackupNode,
  store: DatastoreNode,
): BackupPlacement {
  const kept = ctx.graph.regionOf.get(backup.id);
  if (kept === undefined) return 'unplaced';
  return kept === ctx.graph.regionOf.get(store.id) ? 'same-region' : 'other-region';
}

function survivesCell(ctx: PlanBasis, placement: BackupPlacement, store: DatastoreNode): Cell {
  const region = ctx.graph.regionOf.get(store.id);
  const site = region === undefined ? 'its site' : eventLabel(ctx, region);
  if (placement === 'other-region') return `yes: kept outside ${site}`;
  if (placement === 'same-region')
    return [bold('no'), ...inline(`: kept in ${site} with the data`)];
  return [...inline('not placed in the model: '), blank('where the copy is kept')];
}

/** The backups of the replicas of `store` kept outside its region, as phrases. */
function copiesElsewhere(ctx: PlanBasis, store: DatastoreNode): string[] {
  const region = ctx.graph.regionOf.get(store.id);
  return (ctx.graph.replicaPeers.get(store.id) ?? []).flatMap((peer) =>
    ctx.variant.edges
      .filter((e) => e.kind === 'backs-up' && e.to === peer)
      .map((e) => e.from)
      .filter((b) => ctx.graph.regionOf.get(b) !== region)
      .map((b) => `${labelOf(ctx, b)} backs up its replica ${labelOf(ctx, peer)}`),
  );
}

/** The per-datastore statement: does any copy of its data survive the loss of its region? */
export function dataStatement(
  ctx: PlanBasis,
  store: DatastoreNode,
  backups: readonly BackupNode[],
): string {
  const region = ctx.graph.regionOf.get(store.id);
  const name = labelOf(ctx, store.id);
  if (backups.length === 0) return `${name} has no backup: a corruption of it cannot be undone.`;
  const inRegion = backups.filter((b) => backupPlacement(ctx, b, store) === 'same-region');
  if (region === undefined || inRegion.length < backups.length)
    return `${name} has a backup kept outside its own region.`;
  const site = eventLabel(ctx, region);
  const lead = `Every backup of ${name} is kept in ${site}, its own region: a loss of ${site} takes the data and its backups together.`;
  const elsewhere = copiesElsewhere(ctx, store);
  if (elsewhere.length > 0)
    return `${lead} A copy of the same data survives elsewhere: ${listOf(elsewhere)}.`;
  return ctx.graph.regions.length > 1
    ? `${lead} No copy of it is kept in another region: the design advisor proposes one (Recommendations).`
    : `${lead} The model has no other region to keep a copy in.`;
}

/** The controls of the baseline about backups and where they are stored, with what they ask. */
function baselineText(impact: ImpactLevel | undefined): string {
  if (impact === undefined) return '.';
  const baseline = CP_BASELINE[impact];
  const selected = (control: string, enhancement: string) =>
    baseline.some((c) => c.startsWith(`${control}(`) && c.includes(`(${enhancement})`));
  const named = [
    ...(selected('CP-9', '1')
      ? ['CP-9(1) (testing the backups for reliability and integrity)']
      : []),
    ...(selected('CP-9', '8') ? ['CP-9(8) (protecting them cryptographically)'] : []),
    ...(selected('CP-6', '1')
      ? ['CP-6(1) (an alternate storage site separated from the primary one)']
      : []),
  ];
  const controls = baseline.filter((c) => c.startsWith('CP-9') || c.startsWith('CP-6'));
  return `; at the ${impact} baseline SP 800-53B selects ${listOf(controls)}${named.length === 0 ? '' : `, among them ${listOf(named)}`}.`;
}

/** The backups section (CP-9) of the preventive controls. */
export function backupsSection(ctx: PlanBasis, impact: ImpactLevel | undefined): Block[] {
  const backups = ctx.variant.nodes.filter((n): n is BackupNode => n.kind === 'backup');
  const stores = ctx.variant.nodes.filter((n): n is DatastoreNode => n.kind === 'datastore');
  const { detectionSeconds, decisionSeconds } = operationsTime(ctx.doc);
  const head: Block[] = [
    heading(2, 'Backups'),
    paragraph(
      'SP 800-53 CP-9 asks for backups at a frequency consistent with the RTO and RPO, their confidentiality, integrity and availability protected where they are stored',
      baselineText(impact),
      ' A copy kept in the region of the data it protects does not survive the loss of that region.',
    ),
  ];
  if (backups.length === 0)
    return [
      ...head,
      paragraph(
        'No backup is modelled: a logical corruption, which replication copies to every member, cannot be undone.',
      ),
    ];
  const rows = backups.flatMap((b) =>
    protectedBy(ctx, b).map((store): Cell[] => {
      const kept = ctx.graph.regionOf.get(b.id);
      const policy = backupPolicy(b);
      return [
        labelOf(ctx, b.id),
        labelOf(ctx, store.id),
        kept === undefined ? 'no region' : eventLabel(ctx, kept),
        `every ${formatInterval(policy.intervalSeconds)}, kept ${formatCount(policy.retentionDays, 'day')}`,
        survivesCell(ctx, backupPlacement(ctx, b, store), store),
      ];
    }),
  );
  const retentionRows = backups.map((b): Cell[] => {
    const policy = backupPolicy(b);
    const kept = policy.retentionDays * SECONDS_PER_DAY;
    // The last clean copy is at most one interval older than the corruption, which is noticed
    // `detection` later and acted on `decision` after that.
    const needed = policy.intervalSeconds + detectionSeconds + decisionSeconds;
    const latest = kept - policy.intervalSeconds - decisionSeconds;
    return [
      labelOf(ctx, b.id),
      formatDuration(needed),
      formatCount(policy.retentionDays, 'day'),
      kept >= needed ? `yes, noticed up to ${formatDuration(latest)} late` : [bold('no')],
    ];
  });
  return [
    ...head,
    {
      kind: 'table',
      caption: 'Where each backup is kept',
      columns: [
        { header: 'Backup', width: 2.2 },
        { header: 'Protects', width: 2.2 },
        { header: 'Kept in', width: 2 },
        { header: 'Schedule', width: 1.8 },
        { header: 'Survives the loss of the data’s region', width: 2.2 },
      ],
      rows,
    },
    ...stores.map((store) =>
      paragraph(
        dataStatement(
          ctx,
          store,
          backups.filter((b) => protectedBy(ctx, b).some((p) => p.id === store.id)),
        ),
      ),
    ),
    paragraph(
      `A corruption is undone from the last backup taken before it began, so that backup must still be kept when the restore starts: its age is at most the backup interval + the time to notice the corruption (${formatDuration(detectionSeconds)} in the model) + the decision (${formatDuration(decisionSeconds)}). A corruption noticed later than the retention − interval − decision cannot be undone.`,
    ),
    {
      kind: 'table',
      caption: 'Retention against a corruption noticed late',
      columns: [
        { header: 'Backup', width: 2.6 },
        { header: 'Oldest copy needed', width: 1.8 },
        { header: 'Kept', width: 1.2 },
        { header: 'A corruption can be undone', width: 3 },
      ],
      rows: retentionRows,
    },
    paragraph(
      'The model does not know how the copies are protected or tested. Fill in, per backup, how it is encrypted (CP-9(8)), whether it is immutable and until when, how often a restore is tested (CP-9(1): a frequency the organisation defines) and the last test:',
    ),
    {
      kind: 'table',
      caption: 'Protection and restore tests of the backups',
      columns: [
        { header: 'Backup', width: 2.2 },
        { header: 'Encryption (key)', width: 2 },
        { header: 'Immutability', width: 1.8 },
        { header: 'Restore test every', width: 1.6 },
        { header: 'Last restore test', width: 2 },
      ],
      rows: backups.map((b): Cell[] => [
        labelOf(ctx, b.id),
        [blank('algorithm and key owner')],
        [blank('lock mode, until')],
        [blank('cadence')],
        [blank('date, result')],
      ]),
    },
  ];
}
