/**
 * Editing where the requests arrive: one region's share set, the others rescaled so that the
 * shares still add up to 1.
 */
import { regionTrafficShares } from '../traffic';
import type { NinesDocument } from '../types';
import { acceptIfSound, type EditResult } from './validation';
import { variantOf, withVariant } from './variant-utils';

/**
 * Gives `region` the share `share` (in [0, 1]) of the requests of variant `variantId`; the other
 * regions keep their proportions of the rest (an equal split of it when they had none). The
 * table edited is the variant's own when it has one, else the workload's when that names the
 * region, else a new table on the variant.
 */
export function setTrafficShare(
  doc: NinesDocument,
  variantId: string,
  region: string,
  share: number,
): EditResult {
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    return { ok: false, message: 'must be a share between 0 and 1' };
  }
  const variant = variantOf(doc, variantId);
  const regions = variant.nodes.filter((n) => n.kind === 'region').map((n) => n.id);
  if (!regions.includes(region)) return { ok: false, message: `no region "${region}"` };
  if (regions.length === 1 && share !== 1) {
    return { ok: false, message: 'the only region serves every request (100 %)' };
  }
  const inWorkload =
    variant.trafficShare === undefined && doc.workload?.trafficShare?.[region] !== undefined;
  const base: Record<string, number> = inWorkload
    ? { ...doc.workload?.trafficShare }
    : { ...(variant.trafficShare ?? Object.fromEntries(regionTrafficShares(doc, variant))) };
  for (const r of regions) base[r] ??= 0;
  const others = Object.keys(base).filter((r) => r !== region);
  const rest = others.reduce((sum, r) => sum + (base[r] ?? 0), 0);
  const table: Record<string, number> = {};
  for (const r of Object.keys(base)) {
    if (r === region) table[r] = share;
    else table[r] = rest > 0 ? ((base[r] ?? 0) * (1 - share)) / rest : (1 - share) / others.length;
  }
  const next = inWorkload
    ? { ...doc, workload: { ...doc.workload, trafficShare: table } }
    : withVariant(doc, variantId, (v) => ({ ...v, trafficShare: table }));
  return acceptIfSound(doc, next);
}
