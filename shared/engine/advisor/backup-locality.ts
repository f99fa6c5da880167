/**
 * Backup locality: every backup of a datastore's data (its own, and its replicas') is kept in the
 * datastore's region while the variant has another region. A loss of that region then takes the
 * data and all its backups together, and a corruption found afterwards cannot be undone (NIST SP
 * 800-53 CP-6(1): an alternate storage site separated from the primary one, so that one threat
 * does not take both). A replica's backup in another region keeps a copy of the same data, so it
 * counts.
 *
 * The fix copies the backups to another region: an `add-backup` in the first other region of the
 * variant (file order), at the interval of the datastore's shortest backup. (A datastore with no
 * backup at all is the no-backup finding's, whose fix keeps the backup in that other region, so
 * that it raises no finding of this rule.) It is measured like
 * every fix, but the engine does not model where a restore reads from (a corruption is restored
 * from the shortest-interval backup wherever it is kept, and a region outage is repaired, not
 * restored), so its measured effect is the copy's cost alone; the message says so.
 */
import { freshFixId } from '../../model/ops/fixes';
import { backupPolicy } from '../scenarios';
import type { AdviceContext, DraftFinding } from './context';
import { formatInterval } from '../../text';

/** A node by its name, with its region's location when the name does not carry it. */
function nameOf(ctx: AdviceContext, id: string): string {
  const node = ctx.graph.byId.get(id);
  const name = node?.name ?? id;
  const region = ctx.graph.byId.get(ctx.graph.regionOf.get(id) ?? '');
  const location = region?.kind === 'region' ? region.location : undefined;
  return location === undefined || name.includes(location) ? name : `${name} (${location})`;
}

/** A region by its name and location. */
function regionName(ctx: AdviceContext, id: string): string {
  const node = ctx.graph.byId.get(id);
  if (node?.kind !== 'region') return id;
  const name = node.name ?? id;
  return node.location === undefined || name.includes(node.location)
    ? name
    : `${name}, ${node.location}`;
}

/**
 * The first other region of the variant (file order) when no backup of the data of `storeId` (its
 * own, or its replicas') is kept outside the datastore's region; undefined when one is, when the
 * datastore has no region, or when the variant has no other region. A backup added there keeps a
 * copy that survives the loss of the datastore's region.
 */
export function offsiteRegion(ctx: AdviceContext, storeId: string): string | undefined {
  const region = ctx.graph.regionOf.get(storeId);
  if (region === undefined) return undefined;
  const peers = ctx.graph.replicaPeers.get(storeId) ?? [];
  const all = [storeId, ...peers].flatMap((id) => ctx.backupsOf(id));
  // A backup outside every region, or in another one, survives the loss of this one.
  if (all.some((b) => ctx.graph.regionOf.get(b.id) !== region)) return undefined;
  return ctx.graph.regions.find((r) => r !== region);
}

/** Every datastore of the request path whose backups all sit in its own region. */
export function backupLocalityFindings(ctx: AdviceContext): DraftFinding[] {
  const findings: DraftFinding[] = [];
  for (const node of ctx.variant.nodes) {
    if (node.kind !== 'datastore' || !ctx.structure.nodeExprs.has(node.id)) continue;
    const own = ctx.backupsOf(node.id);
    // No backup at all is the no-backup finding's.
    if (own.length === 0) continue;
    const region = ctx.graph.regionOf.get(node.id);
    const other = offsiteRegion(ctx, node.id);
    if (region === undefined || other === undefined) continue;
    const peers = ctx.graph.replicaPeers.get(node.id) ?? [];
    const shortest = Math.min(...own.map((b) => backupPolicy(b).intervalSeconds));
    const name = nameOf(ctx, node.id);
    const here = regionName(ctx, region);
    const there = regionName(ctx, other);
    findings.push({
      code: 'backup-same-region',
      severity: 'medium',
      nodeIds: [node.id, ...own.map((b) => b.id)],
      subject: node.id,
      title: `Every backup of ${name} is kept in its own region, ${here}`,
      message: `Every backup of ${name}${peers.length > 0 ? ' and of its replicas' : ''} is kept in ${here}, the region of the data itself: a loss of ${here} takes the data and its backups together, and a corruption found afterwards cannot be undone. NIST SP 800-53 CP-6(1) asks for an alternate storage site separated from the primary one. The model does not tell where a restore reads from, so the effect below is the cost of the copy only.`,
      principle: 'recoverability',
      fix: {
        label: `Copy the backups of ${name} to ${there}, every ${formatInterval(shortest)}`,
        op: {
          kind: 'add-backup',
          datastoreId: node.id,
          backupId: freshFixId(ctx.doc, ctx.variant.id, `backup-${node.id}-${other}`),
          regionId: other,
          intervalSeconds: shortest,
        },
      },
    });
  }
  return findings;
}
