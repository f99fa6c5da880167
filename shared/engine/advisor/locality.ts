/**
 * Locality rule: a `depends` edge from a node in one region to a node in another puts the link
 * between them in the request path (its round trip on every call, its partitions as outages).
 * Members of an active-passive group are left out: consumers reach any member there and writes
 * go to the primary by design.
 */
import { LINK_DEFAULTS } from '../../model/defaults';
import { freshFixId, type FixOp } from '../../model/ops/fixes';
import { linkFailureFigure } from '../../model/nodes';
import type { RegionLink } from '../../model/types';
import type { AdviceContext, DraftFinding } from './context';
import { formatAvailability, formatNumber, withUnit } from '../../text';

/** Cross-region dependencies in the request path, each with the local alternative. */
export function crossRegionFindings(ctx: AdviceContext): DraftFinding[] {
  const { name: n } = ctx;
  const findings: DraftFinding[] = [];
  const inPath = new Set(ctx.structure.nodeExprs.keys());
  for (const [consumer, targets] of ctx.graph.dependsOn) {
    if (!inPath.has(consumer)) continue;
    const from = ctx.graph.regionOf.get(consumer);
    for (const dependency of targets) {
      const to = ctx.graph.regionOf.get(dependency);
      if (from === undefined || to === undefined || from === to) continue;
      if (ctx.graph.groupOf.has(dependency)) continue;
      const link = linkBetween(ctx, from, to);
      const rtt = link?.rttMs ?? (LINK_DEFAULTS.rttMs?.value as number);
      const local = (ctx.graph.replicaPeers.get(dependency) ?? []).find(
        (p) => ctx.graph.regionOf.get(p) === from,
      );
      const op: FixOp = local
        ? {
            kind: 'use-local-member',
            consumerId: consumer,
            dependencyId: dependency,
            memberId: local,
          }
        : {
            kind: 'add-local-copy',
            consumerId: consumer,
            dependencyId: dependency,
            regionId: from,
            newId: freshFixId(ctx.doc, ctx.variant.id, `${dependency}-${from}`),
          };
      const kind = ctx.graph.byId.get(dependency)?.kind;
      findings.push({
        code: 'cross-region-dependency',
        severity: 'medium',
        nodeIds: [consumer, dependency],
        title: `${n(consumer)} in ${n(from)} calls ${n(dependency)} in ${n(to)}`,
        message: `Every call from ${n(consumer)} to ${n(dependency)} crosses the ${n(from)}–${n(to)} link: a ${withUnit(formatNumber(rtt), 'ms')} round trip each, and the call fails whenever the link does (${formatAvailability(linkFailureFigure(link).availability)} by its figure).`,
        principle: 'local-resources',
        fix: {
          label: local
            ? `Point ${n(consumer)} at ${n(local)}, the member of the same replicated data tier in ${n(from)}`
            : kind === 'datastore'
              ? `Add a replica of ${n(dependency)} in ${n(from)} and point ${n(consumer)} at it`
              : `Deploy ${n(dependency)} in ${n(from)} as well and point ${n(consumer)} at it`,
          op,
        },
      });
    }
  }
  return findings;
}

function linkBetween(ctx: AdviceContext, a: string, b: string): RegionLink | undefined {
  return (ctx.variant.links ?? []).find(
    (l) => (l.a === a && l.b === b) || (l.a === b && l.b === a),
  );
}
