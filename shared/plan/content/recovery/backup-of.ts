/** The backup a datastore is restored from, as the engine picks it: the shortest interval. */
import { backupPolicy } from '../../../engine';
import type { BackupNode } from '../../../model/types';
import type { PlanBasis } from '../context';

/** The backup of a datastore with the shortest interval, as the engine restores from. */
export function backupOf(ctx: PlanBasis, storeId: string): BackupNode | undefined {
  return ctx.variant.edges
    .filter((e) => e.kind === 'backs-up' && e.to === storeId)
    .map((e) => ctx.graph.byId.get(e.from))
    .filter((n): n is BackupNode => n?.kind === 'backup')
    .sort((x, y) => backupPolicy(x).intervalSeconds - backupPolicy(y).intervalSeconds)[0];
}
