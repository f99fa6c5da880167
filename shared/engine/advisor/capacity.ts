/**
 * N+1 capacity: after losing any one zone, or any one region, the instances left must carry the
 * load routed to them. Each loss is run through the scenario engine (the same routing and
 * capacity rules as `runScenario`); for every tier that refuses requests, the instances it needs
 * are found exactly by searching its instance count with every other tier's capacity lifted,
 * so that each tier's own need is measured, not its neighbours'.
 */
import type { ModelNode, Scenario, Variant } from '../../model/types';
import { MAX_INSTANCES } from '../../schema/nines-v1';
import { resolveGraph, buildStructure, trafficShares } from '../structure';
import { runScenario } from '../scenarios';
import { findingKey, type AdviceContext, type DraftFinding } from './context';
import { formatCount, formatNumber, formatRate, formatShare } from '../../text';

/** Served shares closer to the full load than this count as full. */
const FULL = 1 - 1e-9;

export interface Loss {
  readonly kind: 'zone' | 'region';
  readonly id: string;
  readonly scenario: Scenario;
}

/** Result of a scenario on a variant: does it survive, and what share of requests is served. */
function served(
  ctx: AdviceContext,
  variant: Variant,
  scenario: Scenario,
): { survives: boolean; share: number } {
  const result = ctx.scenarioOnVariant(variant, scenario);
  if (!result) return { survives: false, share: 0 };
  return { survives: result.survives, share: result.survives ? result.capacityShare : 0 };
}

function withNodes(variant: Variant, map: (n: ModelNode) => ModelNode): Variant {
  return { ...variant, nodes: variant.nodes.map(map) };
}

/** The node without its capacity limit. */
function unlimited(node: ModelNode): ModelNode {
  if (node.kind !== 'service' && node.kind !== 'datastore' && node.kind !== 'queue') return node;
  const { capacityRps: _dropped, ...rest } = node;
  return rest;
}

/**
 * Smallest instance count of `tierId` (above `current`) with which the tier stops refusing
 * requests in `loss`, every other tier's capacity lifted; undefined when the tier is not short
 * or when even the largest tier allowed would not be enough. `full` is the share served in
 * `loss` with every capacity lifted.
 */
function instancesNeeded(
  ctx: AdviceContext,
  tierId: string,
  current: number,
  loss: Loss,
  full: number,
  search: boolean,
): number | undefined {
  const others = withNodes(ctx.variant, (n) => (n.id === tierId ? n : unlimited(n)));
  const at = (instances: number): number =>
    served(
      ctx,
      withNodes(others, (n) => (n.id === tierId ? ({ ...n, instances } as ModelNode) : n)),
      loss.scenario,
    ).share;
  if (at(current) >= full * FULL || at(MAX_INSTANCES) < full * FULL) return undefined;
  if (!search) return MAX_INSTANCES;
  let low = current; // too few
  let high = MAX_INSTANCES; // enough
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (at(mid) >= full * FULL) high = mid;
    else low = mid;
  }
  return high;
}

/** The N+1 check of a variant as steps: one per loss, then one per tier and kind of loss. */
export interface CapacityCheck {
  /** Steps `run` yields (0 without a workload or a tier with a capacity). */
  readonly steps: number;
  /** Most findings `run` can return: one per tier and kind of loss. */
  readonly maxFindings: number;
  /** Runs the check, yielding after each step; returns the findings. */
  run(): Generator<void, DraftFinding[], void>;
}

/**
 * N+1 findings: tiers that cannot carry the load after the loss of a zone or of a region. Given
 * `known` (the keys of the findings of the design before a fix, `findingKey`), the check only
 * identifies the findings not among them, without searching their instance count (their
 * messages then carry no count): the re-check of a fix.
 */
export function capacityCheck(ctx: AdviceContext, known?: ReadonlySet<string>): CapacityCheck {
  const none: CapacityCheck = {
    steps: 0,
    maxFindings: 0,
    run: () => capacityFindings(ctx, [], [], known),
  };
  if (!ctx.doc.workload?.requestsPerSecond) return none;
  const tiers = [...ctx.structure.tiers.keys()].filter((id) => {
    const node = ctx.graph.byId.get(id);
    return node !== undefined && 'capacityRps' in node && node.capacityRps !== undefined;
  });
  if (tiers.length === 0) return none;
  const losses: Loss[] = [
    ...ctx.graph.regions.flatMap((r) =>
      (ctx.graph.zonesOf.get(r) ?? []).map((z) => ({
        kind: 'zone' as const,
        id: z,
        scenario: { id: `advisor-zone-${z}`, name: `Loss of ${ctx.name(z)}`, fail: [z] },
      })),
    ),
    ...(ctx.graph.regions.length < 2
      ? []
      : ctx.graph.regions.map((r) => ({
          kind: 'region' as const,
          id: r,
          scenario: { id: `advisor-region-${r}`, name: `Loss of ${ctx.name(r)}`, fail: [r] },
        }))),
  ];
  return {
    steps: losses.length + 2 * tiers.length,
    maxFindings: 2 * tiers.length,
    run: () => capacityFindings(ctx, tiers, losses, known),
  };
}

/**
 * True when `instances` of `tierId` leave at least one instance to spare after `loss`: with every
 * other tier's capacity lifted, the tier still serves `full` when one more of the instances that
 * the loss leaves also fails. (The smallest count that carries the load leaves none: N, not N+1.)
 */
export function hasSpare(
  ctx: AdviceContext,
  tierId: string,
  instances: number,
  loss: Loss,
  full: number,
): boolean {
  const variant = withNodes(ctx.variant, (n) =>
    n.id === tierId ? ({ ...n, instances } as ModelNode) : unlimited(n),
  );
  const graph = resolveGraph(variant, []);
  if (!graph) return false;
  const structure = buildStructure(graph, []);
  const name = (event: number | undefined): string | undefined =>
    event === undefined ? undefined : structure.events[event]?.name;
  const tier = structure.tiers.get(tierId);
  if (!tier || name(tier.regionEvent) === loss.id) return false;
  const left = tier.instances.find((i) => name(i.zoneEvent) !== loss.id);
  const extra = left && name(left.event);
  if (extra === undefined) return false;
  const result = runScenario(
    { doc: ctx.doc, graph, structure, traffic: trafficShares(ctx.doc, graph) },
    { ...loss.scenario, fail: [...(loss.scenario.fail ?? []), extra] },
  );
  return result.survives && result.capacityShare >= full * FULL;
}

/** `n instances`, `1 instance`. */
function instancesText(n: number): string {
  return formatCount(n, 'instance');
}

/**
 * The label of a capacity fix: "N+1" only when the instances left after the loss carry the load
 * with at least one to spare; otherwise what it is, enough with none to spare.
 */
export function capacityFixLabel(
  tierId: string,
  instances: number,
  kind: 'zone' | 'region',
  spare: boolean,
): string {
  return spare
    ? `Run ${instancesText(instances)} of ${tierId} (N+1 for the loss of a ${kind})`
    : `Run ${instancesText(instances)} of ${tierId}: enough to carry the load after the loss of a ${kind}, none to spare`;
}

/** The check itself: `losses` run once each, then each tier searched in each kind of loss. */
function* capacityFindings(
  ctx: AdviceContext,
  tiers: readonly string[],
  losses: readonly Loss[],
  known: ReadonlySet<string> | undefined,
): Generator<void, DraftFinding[], void> {
  // The design as it is, and with every capacity lifted, in each loss: the same for every tier.
  const asIs = new Map<string, { survives: boolean; share: number }>();
  for (const loss of losses) {
    asIs.set(loss.id, served(ctx, ctx.variant, loss.scenario));
    yield;
  }
  const lifted = withNodes(ctx.variant, unlimited);
  const full = new Map<string, number>();
  const fullIn = (loss: Loss): number => {
    if (!full.has(loss.id)) full.set(loss.id, served(ctx, lifted, loss.scenario).share);
    return full.get(loss.id) as number;
  };
  const { name: n } = ctx;
  const findings: DraftFinding[] = [];
  for (const kind of ['zone', 'region'] as const) {
    const code = kind === 'zone' ? 'capacity-after-zone-loss' : 'capacity-after-region-loss';
    for (const tierId of tiers) {
      if (known?.has(findingKey({ code, nodeIds: [], subject: tierId }))) continue;
      const node = ctx.graph.byId.get(tierId) as ModelNode & {
        instances?: number;
        capacityRps: number;
      };
      const current = node.instances ?? 1;
      let worst: { loss: Loss; needed: number; share: number } | undefined;
      for (const loss of losses.filter((l) => l.kind === kind)) {
        const now = asIs.get(loss.id) as { survives: boolean; share: number };
        if (!now.survives || now.share >= FULL) continue;
        const needed = instancesNeeded(ctx, tierId, current, loss, fullIn(loss), !known);
        if (needed !== undefined && (!worst || needed > worst.needed)) {
          worst = { loss, needed, share: now.share };
        }
      }
      yield;
      if (!worst) continue;
      const { loss, needed, share } = worst;
      const region = ctx.graph.regionOf.get(tierId);
      const spare = !known && hasSpare(ctx, tierId, needed, loss, fullIn(loss));
      const more = needed - current;
      const type =
        node.kind !== 'region' && 'instanceType' in node && node.instanceType
          ? ` ${node.instanceType}`
          : '';
      findings.push({
        code,
        severity: 'medium',
        nodeIds: [tierId, loss.id],
        subject: tierId,
        title: `${n(tierId)} cannot carry the load after losing ${n(loss.id)}`,
        message: `After the loss of ${n(loss.id)}, ${formatShare(share)} of the ${formatRate(ctx.doc.workload?.requestsPerSecond ?? 0, 'requests/s')} are served: ${n(tierId)} (${instancesText(current)} × ${formatRate(node.capacityRps, 'requests/s')}${region ? ` in ${n(region)}` : ''}) refuses the rest. It needs ${instancesText(needed)} (${formatNumber(more)} more${type}) to keep serving every request${spare ? ', with one to spare after the loss' : ', with none to spare after the loss'}.`,
        principle: 'capacity',
        probes: ctx.probe(loss.scenario),
        fix: {
          label: capacityFixLabel(n(tierId), needed, kind, spare),
          op: { kind: 'scale-tier', nodeId: tierId, instances: needed },
        },
      });
    }
  }
  return findings;
}
