/**
 * Redundancy rules: single points of failure read from the minimal cut sets, the routing service
 * whose own SLA caps the design below its target, and tiers that do not survive the loss of a
 * zone (all instances in one zone, or more instances needed than the other zones hold).
 */
import { tierSize, TIER_KINDS } from '../../model/nodes';
import { freshFixId } from '../../model/ops/fixes';
import type { ModelNode, RouterNode } from '../../model/types';
import { MAX_INSTANCES } from '../../schema/nines-v1';
import { MINUTES_PER_YEAR } from '../availability';
import type { AdviceContext, DraftFinding, EvaluatedVariant } from './context';
import { formatAvailability, formatCount, formatMinutesPerYear, formatNumber } from '../../text';

/**
 * Smallest instance count ≥ `atLeast` such that `minHealthy` instances are left after losing
 * the zone with the most of them, instances spread round-robin over `zones` zones
 * (n − ⌈n / z⌉ ≥ k). With fewer than two zones only instance failures can be covered: k + 1.
 * Example: k = 4 over 3 zones → 6 (two zones of two remain).
 */
export function zoneTolerantInstances(minHealthy: number, zones: number, atLeast: number): number {
  if (zones < 2) return Math.max(atLeast, minHealthy + 1);
  for (let n = Math.max(atLeast, minHealthy + 1); n <= MAX_INSTANCES; n += 1) {
    if (n - Math.ceil(n / zones) >= minHealthy) return n;
  }
  return MAX_INSTANCES;
}

/** Single points of failure and the availability ceiling they impose. */
export function singlePointFindings(ctx: AdviceContext): DraftFinding[] {
  const spofs = new Set(ctx.base.singlePointsOfFailure);
  const { name: n } = ctx;
  const findings: DraftFinding[] = [];
  const handled = new Set<string>();
  // Tiers first: their instances (and the zone they are pinned to) are fixed by one operation.
  for (const tierId of ctx.structure.tiers.keys()) {
    const node = ctx.graph.byId.get(tierId) as ModelNode;
    const { instances, minHealthy } = tierSize(node);
    const own =
      instances > 1 ? [...Array(instances).keys()].map((i) => `${tierId}#${i}`) : [tierId];
    const events = own.filter((e) => spofs.has(e));
    if (events.length === 0) continue;
    own.forEach((e) => handled.add(e));
    const zone = ctx.graph.zoneOf.get(tierId);
    const region = ctx.graph.regionOf.get(tierId);
    const zones = region === undefined ? 0 : (ctx.graph.zonesOf.get(region)?.length ?? 0);
    const spread = zone !== undefined && region !== undefined && zones >= 2;
    if (zone !== undefined && spofs.has(zone)) handled.add(zone);
    const needed = zoneTolerantInstances(minHealthy, zones, instances + 1);
    const share = eventDowntime(ctx, events);
    findings.push({
      code: 'single-point-of-failure',
      severity: capsTarget(ctx, spread ? [...events, zone] : events) ? 'high' : 'medium',
      nodeIds: spread ? [tierId, zone] : [tierId],
      title: `${n(tierId)} is a single point of failure`,
      message:
        `${n(tierId)} runs ${formatCount(instances, 'instance')} and needs ${formatNumber(minHealthy)}: ` +
        `the loss of ${events.length === 1 ? 'one instance' : 'any one instance'} stops the service ` +
        `(${formatMinutesPerYear(share)} of the ${formatMinutesPerYear(ctx.base.availability.structuralMinutesPerYear)} structural downtime). ` +
        (spread
          ? `Placed in ${n(zone)}, it also fails with that zone; placed in ${n(region)}, its instances spread over its ${formatCount(zones, 'zone')}.`
          : `With ${formatCount(needed, 'instance')} one can fail${zones >= 2 ? ', or a whole zone,' : ''} while ${formatNumber(minHealthy)} keep serving.`),
      principle: 'redundancy',
      fix: spread
        ? {
            label: `Place ${n(tierId)} in ${n(region)} with ${formatCount(needed, 'instance')} spread over its ${formatCount(zones, 'zone')}`,
            op: { kind: 'spread-tier', nodeId: tierId, regionId: region, instances: needed },
          }
        : {
            label: `Run ${formatCount(needed, 'instance')} of ${n(tierId)}${region !== undefined && zones >= 2 ? ` over the zones of ${n(region)}` : ''}`,
            op: { kind: 'scale-tier', nodeId: tierId, instances: needed },
          },
    });
  }
  for (const event of ctx.base.singlePointsOfFailure) {
    if (handled.has(event) || event.startsWith('link:')) continue;
    const node = ctx.graph.byId.get(event);
    if (!node) continue;
    findings.push(nodeSpof(ctx, event, node));
  }
  return findings;
}

/**
 * A single point of failure that is not a tier: a region, a zone, an external SLA, a router (a
 * DNS router gets a second provider as a measured fix; nothing else here has a model operation).
 */
function nodeSpof(ctx: AdviceContext, event: string, node: ModelNode): DraftFinding {
  const info = ctx.structure.events.find((e) => e.name === event);
  const ceiling = 1 - (info?.unavailability ?? 0);
  const target = ctx.availabilityTarget;
  // At its target, the ceiling leaves no room for any other downtime.
  const caps = target !== undefined && ceiling <= target;
  const { name: n } = ctx;
  const share = eventDowntime(ctx, [event]);
  const total = ctx.base.availability.downtimeMinutesPerYear;
  const cost = `it alone accounts for ${formatMinutesPerYear(share)} of the ${formatMinutesPerYear(total)} of downtime`;
  const ceilingText = `the design can never exceed ${formatAvailability(ceiling)}`;
  const targetText =
    target === undefined
      ? ''
      : caps
        ? `, so it cannot meet its ${formatAvailability(target)} target`
        : ` (the target is ${formatAvailability(target)})`;
  if (node.kind === 'router') {
    return routerSpof(ctx, event, node, { ceiling, caps, cost, ceilingText, targetText });
  }
  const isRegion = node.kind === 'region';
  const isZone = node.kind === 'zone';
  return {
    code: 'single-point-of-failure',
    severity: caps ? 'high' : TIER_KINDS.has(node.kind) || isZone ? 'medium' : 'low',
    nodeIds: [event],
    title: `${n(event)} is a single point of failure`,
    message: `The service needs ${n(event)} (${formatAvailability(ceiling)}): ${cost}, and ${ceilingText}${targetText}.`,
    principle: 'redundancy',
    fix: {
      label: isRegion
        ? `Serve from a second region behind a global router (see the Active-Active templates)`
        : isZone
          ? `Move what is placed in ${n(event)} to its region so that it spreads over the zones`
          : `Add a second, independent ${node.kind === 'external' ? 'provider' : 'instance'} of ${n(event)}, or choose one with a higher SLA`,
      op: null,
    },
    availabilityCeiling: ceiling,
  };
}

/**
 * A router through which every request goes. A DNS router (global, with a TTL) gets a second
 * provider as a measured fix (`add-dns-provider`): while it is the only one it is no ceiling.
 * A load balancer's or an anycast router's own SLA is, and the fix stays in words.
 */
function routerSpof(
  ctx: AdviceContext,
  event: string,
  node: RouterNode,
  text: {
    readonly ceiling: number;
    readonly caps: boolean;
    readonly cost: string;
    readonly ceilingText: string;
    readonly targetText: string;
  },
): DraftFinding {
  const { name: n } = ctx;
  const { ceiling, caps, cost, ceilingText, targetText } = text;
  const regional = ctx.graph.regionOf.has(event);
  const isDns = !regional && (node.dnsTtlSeconds ?? 0) > 0;
  const common = {
    code: caps ? 'router-caps-target' : 'single-point-of-failure',
    nodeIds: [event],
    title: caps
      ? `${n(event)}'s own SLA caps the design at or below its target`
      : `${n(event)} is a single point of failure`,
    principle: 'independence' as const,
  };
  if (isDns) {
    return {
      ...common,
      severity: caps ? 'high' : 'medium',
      message: `Every request goes through ${n(event)} (${formatAvailability(ceiling)} by its own figure): ${cost}, and while it is the only DNS provider ${ceilingText}${targetText}. With the name servers of a second provider beside it in the domain's delegation, resolvers ask the other when one does not answer: the service then stops only when both providers fail at once.`,
      fix: {
        label: `Add a second DNS provider beside ${n(event)}, both in the domain's delegation`,
        op: {
          kind: 'add-dns-provider',
          routerId: event,
          newId: freshFixId(ctx.doc, ctx.variant.id, `${event}-2`),
          resolverId: freshFixId(ctx.doc, ctx.variant.id, `${event}-resolvers`),
        },
      },
    };
  }
  return {
    ...common,
    severity: caps ? 'high' : 'low',
    message: `Every request goes through ${n(event)} (${formatAvailability(ceiling)} by its own figure): ${cost}, and ${ceilingText}${targetText}. Nothing in the model can change a routing service's own SLA.`,
    fix: {
      label: regional
        ? `Choose a load balancer with a higher SLA, or serve from a second region behind a global router`
        : `Choose a routing service with a higher SLA, or put it behind two DNS providers`,
      op: null,
    },
    availabilityCeiling: ceiling,
  };
}

/**
 * True when one of `events` is a single point of failure whose own availability is at or below
 * the availability target: while it stays, the design cannot meet the target.
 */
function capsTarget(ctx: AdviceContext, events: readonly string[]): boolean {
  const target = ctx.availabilityTarget;
  if (target === undefined) return false;
  const spofs = new Set(ctx.base.singlePointsOfFailure);
  return ctx.structure.events.some(
    (e) => events.includes(e.name) && spofs.has(e.name) && 1 - e.unavailability <= target,
  );
}

/**
 * Structural downtime the events take part in, minutes per year: Σ Fussell–Vesely × U_structural
 * (for single points of failure, exactly the downtime that would go away if they never failed).
 */
export function eventDowntime(ctx: AdviceContext, events: readonly string[]): number {
  return eventDowntimeMinutes(ctx.base, events);
}

/**
 * Structural downtime the basic `events` of an evaluated variant take part in, minutes per year:
 * Σ Fussell–Vesely × U_structural, where Fussell–Vesely q_e · Birnbaum / U is the share of the
 * structural unavailability that would go away if the event never happened. The advisor's
 * findings and the plan state a common cause's or a maintenance window's share of the downtime
 * with it.
 */
export function eventDowntimeMinutes(
  evaluation: Pick<EvaluatedVariant, 'importance' | 'availability'>,
  events: readonly string[],
): number {
  const fv = evaluation.importance
    .filter((i) => events.includes(i.event))
    .reduce((sum, i) => sum + i.fussellVesely, 0);
  return fv * evaluation.availability.unavailability.structural * MINUTES_PER_YEAR;
}

/**
 * Tiers that do not survive the loss of one zone: every instance in one zone of a region that has
 * others (`tier-in-one-zone`), or more instances needed than are left when the zone with the most
 * of them fails (`tier-not-zone-redundant`). Tiers already reported as single points of failure
 * are left to that finding.
 */
export function zoneFindings(ctx: AdviceContext, reported: ReadonlySet<string>): DraftFinding[] {
  const { name: n } = ctx;
  const findings: DraftFinding[] = [];
  for (const tierId of ctx.structure.tiers.keys()) {
    if (reported.has(tierId)) continue;
    const region = ctx.graph.regionOf.get(tierId);
    const zones = region === undefined ? 0 : (ctx.graph.zonesOf.get(region)?.length ?? 0);
    if (region === undefined || zones < 2) continue;
    const { instances, minHealthy } = tierSize(ctx.graph.byId.get(tierId) as ModelNode);
    const zone = ctx.graph.zoneOf.get(tierId);
    const needed = zoneTolerantInstances(minHealthy, zones, instances);
    if (zone !== undefined) {
      findings.push({
        code: 'tier-in-one-zone',
        severity: capsTarget(ctx, [zone]) ? 'high' : 'medium',
        nodeIds: [tierId, zone],
        subject: tierId,
        title: `All instances of ${n(tierId)} sit in ${n(zone)}`,
        message: `${n(tierId)} runs ${instances === 1 ? 'one instance' : `${formatCount(instances, 'instance')}, all`} in ${n(zone)}: an outage of that zone stops the whole tier although ${n(region)} has ${formatCount(zones, 'zone')}. Placed in ${n(region)}, instance i goes to zone i mod ${formatNumber(zones)}.`,
        principle: 'redundancy',
        fix: {
          label: `Place ${n(tierId)} in ${n(region)} with ${formatCount(needed, 'instance')} spread over its ${formatCount(zones, 'zone')}`,
          op: { kind: 'spread-tier', nodeId: tierId, regionId: region, instances: needed },
        },
      });
    } else if (instances - Math.ceil(instances / zones) < minHealthy) {
      findings.push({
        code: 'tier-not-zone-redundant',
        severity: 'medium',
        nodeIds: [tierId, region],
        subject: tierId,
        title: `${n(tierId)} stops when a zone of ${n(region)} fails`,
        message: `${n(tierId)} needs ${formatNumber(minHealthy)} of its ${formatCount(instances, 'instance')}, spread over ${formatCount(zones, 'zone')}: losing the zone that holds ${formatNumber(Math.ceil(instances / zones))} of them leaves ${formatNumber(instances - Math.ceil(instances / zones))}, too few to work. ${formatCount(needed, 'instance')} leave ${formatNumber(needed - Math.ceil(needed / zones))}.`,
        principle: 'redundancy',
        fix: {
          label: `Run ${formatCount(needed, 'instance')} of ${n(tierId)}`,
          op: { kind: 'scale-tier', nodeId: tierId, instances: needed },
        },
      });
    }
  }
  return findings;
}
