/**
 * Where the requests arrive: the share of the workload each region of a variant serves.
 */
import type { NinesDocument, Variant } from './types';

/**
 * Share of the requests served by each region of `variant`, in node order, summing to 1:
 * the variant's own `trafficShare`, else the document's `workload.trafficShare` restricted to
 * the variant's regions and renormalised, else an equal split. Regions absent from a given
 * table get 0. Empty when the variant has no region.
 */
export function regionTrafficShares(
  doc: Pick<NinesDocument, 'workload'>,
  variant: Variant,
): Map<string, number> {
  const regions = variant.nodes.filter((n) => n.kind === 'region').map((n) => n.id);
  const table = variant.trafficShare ?? doc.workload?.trafficShare;
  const given = regions.map((r) => table?.[r] ?? 0);
  const total = given.reduce((a, b) => a + b, 0);
  if (!table || total <= 0) {
    return new Map(regions.map((r) => [r, 1 / regions.length]));
  }
  return new Map(regions.map((r, i) => [r, (given[i] ?? 0) / total]));
}
