/**
 * The common-cause fix: a cause staged region by region (`stage-common-cause`), and the regions a
 * cause's nodes sit in, which say whether it can be.
 */
import type { Variant } from '../types';

/**
 * The regions a common cause's affected nodes sit in, each with the nodes it holds (a region
 * affected as a whole holds itself), file order; undefined when one of them is global (a change
 * to a global node cannot be staged by region).
 */
export function causeRegions(variant: Variant, causeId: string): Map<string, string[]> | undefined {
  const cause = (variant.commonCause ?? []).find((c) => c.id === causeId);
  if (!cause) return undefined;
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const regionOf = (id: string): string | undefined => {
    const seen = new Set<string>();
    for (let node = byId.get(id); node && !seen.has(node.id);) {
      if (node.kind === 'region') return node.id;
      seen.add(node.id);
      node = node.parent === undefined ? undefined : byId.get(node.parent);
    }
    return undefined;
  };
  const regions = new Map<string, string[]>();
  for (const id of cause.affects) {
    const region = regionOf(id);
    if (region === undefined) return undefined;
    regions.set(region, [...(regions.get(region) ?? []), id]);
  }
  return regions;
}

/**
 * A rollout staged one region at a time: a bad change is stopped in the region it reached first,
 * so the cause becomes one cause per region, each affecting that region's nodes. Each keeps the
 * whole MTBF (conservative: every region may still receive a bad change as often as the whole
 * estate did, only never all at once) and its MTTR.
 */
export function stageCommonCause(variant: Variant, causeId: string): Variant {
  const causes = variant.commonCause ?? [];
  const cause = causes.find((c) => c.id === causeId);
  const regions = causeRegions(variant, causeId);
  if (!cause || !regions) {
    throw new Error(`applyFix: no common cause "${causeId}" over regions in "${variant.id}"`);
  }
  const used = new Set(causes.map((c) => c.id));
  const staged = [...regions].map(([region, affects]) => {
    let id = `${cause.id}-${region}`;
    for (let n = 2; used.has(id); n += 1) id = `${cause.id}-${region}-${n}`;
    used.add(id);
    return { ...cause, id, name: `${cause.name} (${region})`, affects };
  });
  return {
    ...variant,
    commonCause: causes.flatMap((c) => (c === cause ? staged : [c])),
  };
}
