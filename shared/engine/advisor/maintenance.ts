/**
 * Planned-maintenance rule: a tier's window that takes the whole tier out (not rolling, or rolling
 * with no instance to spare) and alone stops the service is planned downtime (its event
 * `<id>#maint` is a single point of failure). The fix rolls the window over the instances, one at
 * a time, adding the instance that makes one spare when there is none (`roll-maintenance`),
 * measured like every fix. See docs/advisor.md.
 */
import { maintenanceOf, MAINTENANCE_SUFFIX, tierSize } from '../../model/nodes';
import type { Maintenance, ModelNode } from '../../model/types';
import {
  formatAvailability,
  formatCount,
  formatInterval,
  formatMinutesPerYear,
  formatShare,
} from '../../text';
import type { EventInfo } from '../types';
import type { AdviceContext, DraftFinding } from './context';
import { eventDowntime } from './redundancy';

/**
 * What a node's planned maintenance windows cost (docs/model.md, "Planned maintenance"):
 * `availability` when a window takes the whole node out (not rolling; or rolling on a tier with
 * no instance to spare, n < minHealthy + 1, where taking one out leaves too few);
 * `capacity` when it takes one of the n instances out while minHealthy still work; undefined
 * without maintenance.
 */
export function maintenanceCost(node: ModelNode): 'availability' | 'capacity' | undefined {
  const maintenance = maintenanceOf(node);
  if (!maintenance) return undefined;
  const { instances, minHealthy } = tierSize(node);
  return maintenance.rolling && instances >= minHealthy + 1 ? 'capacity' : 'availability';
}

/** One finding per tier whose maintenance window alone stops the service. */
export function maintenanceFindings(ctx: AdviceContext): DraftFinding[] {
  const spofs = new Set(ctx.base.singlePointsOfFailure);
  const findings: DraftFinding[] = [];
  for (const event of ctx.structure.events) {
    if (event.kind !== 'maintenance' || !spofs.has(event.name)) continue;
    const tierId = event.name.slice(0, -MAINTENANCE_SUFFIX.length);
    const node = ctx.graph.byId.get(tierId);
    const window = node && 'maintenance' in node ? node.maintenance : undefined;
    if (!node || !window) continue;
    findings.push(maintenanceFinding(ctx, node, window, event));
  }
  return findings;
}

function maintenanceFinding(
  ctx: AdviceContext,
  node: ModelNode,
  window: Maintenance,
  event: EventInfo,
): DraftFinding {
  const { name: n } = ctx;
  const { instances, minHealthy } = tierSize(node);
  const ceiling = 1 - event.unavailability;
  const share = eventDowntime(ctx, [event.name]);
  const total = ctx.base.availability.downtimeMinutesPerYear;
  const target = ctx.availabilityTarget;
  const excluded = ctx.base.availability.againstTarget.excludesPlannedDowntime;
  // Judged on the availability with planned downtime, the window's own figure caps the design.
  const caps = target !== undefined && !excluded && ceiling <= target;
  const rolled = Math.max(instances, minHealthy + 1);
  const how =
    window.rolling === true
      ? `its windows roll one instance at a time, but with ${formatCount(instances, 'instance')} and ${formatCount(minHealthy, 'instance')} needed none can be spared, so each window stops it`
      : `each window takes it out whole`;
  const judged =
    target === undefined
      ? ''
      : excluded
        ? ` The availability target (${formatAvailability(target)}) excludes planned downtime, so it is not judged on this; users still feel it.`
        : ` The availability target (${formatAvailability(target)}) counts planned downtime${caps ? ', and this window alone keeps the design below it' : ''}.`;
  return {
    code: 'planned-maintenance-downtime',
    severity: caps ? 'high' : 'medium',
    nodeIds: [node.id],
    subject: event.name,
    title: `The maintenance windows of ${n(node.id)} stop the service`,
    message:
      `${n(node.id)} is maintained ${formatCount(window.perYear, 'time')} a year for ${formatInterval(window.windowMinutes * 60)} and ${how}: ` +
      `planned downtime of ${formatMinutesPerYear(share)} of the ${formatMinutesPerYear(total)} of downtime (${formatShare(total > 0 ? share / total : 0)}).${judged}`,
    principle: 'redundancy',
    fix: {
      label:
        rolled > instances
          ? `Run ${formatCount(rolled, 'instance')} of ${n(node.id)} and roll its maintenance one instance at a time`
          : `Roll the maintenance of ${n(node.id)} one instance at a time (${formatCount(instances - minHealthy, 'instance')} can be spared)`,
      op: { kind: 'roll-maintenance', nodeId: node.id, instances: rolled },
    },
  };
}
