/**
 * `runScenario`: what one failure scenario does to one variant — whether it applies, what stops,
 * how much of the service is back and when (status, served share, time to service, time to full
 * capacity, the RTO against `targets.minServedShare`), the data lost (RPO), the latency change
 * for rerouted users, and pass / fail against the targets. Semantics: docs/scenarios.md; the
 * recovery chains are in `recovery.ts`, the data loss in `data-loss.ts`, the timeline in
 * `timeline.ts`, the time formulas in `timing.ts`.
 *
 * The scenario's events are forced down and every other basic event is taken as working; the
 * structure of the availability engine then says what works.
 */
import { NODE_DEFAULTS, TARGET_DEFAULTS } from '../../model/defaults';
import { TIER_KINDS, tierSize } from '../../model/nodes';
import { formatDuration } from '../../text';
import type { ModelNode, NinesDocument, Scenario } from '../../model/types';
import type { Structure } from '../structure';
import { corruptionLoss, failureLoss } from './data-loss';
import { addScenarioNotes } from './notes';
import { repair, repairAll, restore, resync, takeover } from './recovery';
import type {
  Decomposition,
  EdgeTraffic,
  ScenarioContext,
  ScenarioResult,
  ScenarioStatus,
  TimePart,
} from './result';
import { evaluateExprs } from '../structure';
import { CAUSE_PREFIX, OPERATIONS_NODE, ScenarioState, linkName } from './state';
import { buildTimeline, chainOf, type TimelineStep } from './timeline';
import { routeScenarioTraffic, type ScenarioTraffic } from './traffic';

/** Runs `scenario` on the variant of `context`. Pure and deterministic. */
export function runScenario(context: ScenarioContext, scenario: Scenario): ScenarioResult {
  const missing = missingNames(context, scenario);
  if (missing) return notApplicable(scenario, missing);
  const forced = forceEvents(context, scenario);
  const state = new ScenarioState(context, scenario, forced.down);
  const corrupted = scenario.corrupt ?? [];
  const traffic = routeScenarioTraffic(context, scenario, state.values, state.down);
  const baseline = normalTraffic(context).servedShare;
  const neverFull = { reason: '' };
  const steps =
    corrupted.length > 0
      ? corruptionSteps(state, corrupted, baseline)
      : state.serviceUp
        ? takeoverSteps(state, traffic, baseline, neverFull)
        : repairSteps(state, baseline);
  const targets = context.doc.targets ?? {};
  const minServedShare =
    targets.minServedShare ?? (TARGET_DEFAULTS.minServedShare?.value as number);
  const timeline = buildTimeline(
    steps,
    minServedShare,
    targets.downtimeCostPerHour,
    neverFull.reason || 'nothing in the model brings every request back',
  );
  const survives = state.serviceUp && corrupted.length === 0 && traffic.servedShare > 0;
  const servedShare = survives ? traffic.servedShare : 0;
  const status: ScenarioStatus = !survives ? 'down' : servedShare >= 1 - 1e-9 ? 'full' : 'degraded';
  const rpo = corrupted.length > 0 ? corruptionLoss(state, corrupted) : failureLoss(state);
  addScenarioNotes(state, traffic.servedShare);
  for (const figure of [timeline.rto, timeline.fullCapacity, rpo]) {
    if (figure.seconds === null && figure.reason) state.addNote(figure.reason);
  }

  const meets = (value: number | null, target: number | undefined): boolean =>
    target === undefined || (value !== null && value <= target);
  const stops = stoppedNodes(state, forced.nodes);
  const meetsMtd = meets(timeline.fullCapacity.seconds, targets.mtdSeconds);
  const issues =
    meetsMtd || targets.mtdSeconds === undefined
      ? []
      : [
          {
            code: 'rto-exceeds-mtd',
            severity: 'error' as const,
            nodeIds: stops,
            message: `${scenario.name}: every request is served again only after ${formatSeconds(timeline.fullCapacity.seconds)}, beyond the maximum tolerable downtime (${formatSeconds(targets.mtdSeconds)}); NIST SP 800-34 Rev. 1 (3.2.1): the RTO must normally be shorter than the MTD`,
          },
        ];
  return {
    id: scenario.id,
    name: scenario.name,
    applies: true,
    status,
    servedShare,
    survives,
    capacityShare: servedShare,
    timeToServiceSeconds: timeline.service.seconds,
    timeToFullCapacitySeconds: timeline.fullCapacity.seconds,
    rtoSeconds: timeline.rto.seconds,
    rpoSeconds: rpo.seconds,
    rto: timeline.rto,
    fullCapacity: timeline.fullCapacity,
    rpo,
    meetsRto: meets(timeline.rto.seconds, targets.rtoSeconds),
    meetsRpo: meets(rpo.seconds, targets.rpoSeconds),
    meetsMtd,
    phases: timeline.phases,
    downtimeCostUsd: timeline.downtimeCostUsd,
    latencyChangeMs: traffic.latencyChangeMs,
    edgeTraffic: edgeTraffic(context, traffic),
    stops,
    notes: state.notes,
    issues,
  };
}

// ---- applicability ---------------------------------------------------------------------------

/** What the scenario names that the variant lacks, as one sentence; undefined when it applies. */
function missingNames(context: ScenarioContext, scenario: Scenario): string | undefined {
  const { byId } = context.graph;
  const missing: string[] = [];
  const need = (id: string | undefined, kind?: ModelNode['kind']): void => {
    if (id === undefined) return;
    const node = byId.get(id);
    if (!node || (kind !== undefined && node.kind !== kind)) missing.push(id);
  };
  for (const target of scenario.fail ?? []) {
    const [id = '', instance] = target.split('#');
    const node = byId.get(id);
    if (!node) missing.push(id);
    else if (instance !== undefined && Number(instance) >= tierSize(node).instances)
      missing.push(target);
  }
  for (const [a, b] of scenario.partition ?? []) {
    need(a, 'region');
    need(b, 'region');
  }
  for (const id of scenario.corrupt ?? []) need(id, 'datastore');
  const causes = new Set((context.graph.variant.commonCause ?? []).map((c) => c.id));
  for (const id of scenario.commonCause ?? []) if (!causes.has(id)) missing.push(id);
  const shift = scenario.shift;
  if (shift) {
    need(shift.from, 'region');
    need(shift.to, 'region');
    const others = context.graph.variant.nodes.filter(
      (n) => n.kind === 'region' && n.id !== shift.from,
    );
    if (missing.length === 0 && others.length === 0)
      return `there is no other region to shift ${shift.from}'s traffic to`;
  }
  if (missing.length === 0) return undefined;
  const names = [...new Set(missing)];
  return `names ${names.join(', ')}, which this variant lacks`;
}

function notApplicable(scenario: Scenario, reason: string): ScenarioResult {
  const unknown: Decomposition = { seconds: null, parts: [], reason };
  return {
    id: scenario.id,
    name: scenario.name,
    applies: false,
    reason,
    status: null,
    servedShare: 1,
    survives: true,
    capacityShare: 1,
    timeToServiceSeconds: null,
    timeToFullCapacitySeconds: null,
    rtoSeconds: null,
    rpoSeconds: null,
    rto: unknown,
    fullCapacity: unknown,
    rpo: unknown,
    meetsRto: true,
    meetsRpo: true,
    meetsMtd: true,
    phases: [],
    downtimeCostUsd: null,
    latencyChangeMs: 0,
    edgeTraffic: [],
    stops: [],
    notes: [`does not apply: ${reason}`],
    issues: [],
  };
}

// ---- forcing events --------------------------------------------------------------------------

/** The scenario's events forced down, and the nodes and links it names. */
function forceEvents(
  context: ScenarioContext,
  scenario: Scenario,
): { down: Set<number>; nodes: Set<string> } {
  const { graph, structure } = context;
  const index = eventIndex(structure);
  const down = new Set<number>();
  const nodes = new Set<string>();
  // An event the structure does not contain (a link no dependency needs, a node outside the
  // request path) changes nothing structurally.
  const force = (name: string): void => {
    const i = index.get(name);
    if (i !== undefined) down.add(i);
  };
  for (const target of scenario.fail ?? []) {
    const [id = '', instance] = target.split('#');
    const node = graph.byId.get(id) as ModelNode;
    if (instance !== undefined) {
      force(tierSize(node).instances > 1 ? target : id);
    } else if (node.kind === 'region' || node.kind === 'zone') {
      force(id);
      nodes.add(id);
    } else {
      forceNode(node, force);
      nodes.add(id);
    }
  }
  for (const [a, b] of scenario.partition ?? []) {
    const name = linkName(a, b);
    force(name);
    nodes.add(name);
  }
  // A cause whose nodes are all outside the request path is no event of the structure.
  for (const id of scenario.commonCause ?? []) force(`${CAUSE_PREFIX}${id}`);
  return { down, nodes };
}

/** Forces every instance of `node` down. */
function forceNode(node: ModelNode, force: (name: string) => void): void {
  const { instances } = tierSize(node);
  if (instances === 1) force(node.id);
  else for (let i = 0; i < instances; i += 1) force(`${node.id}#${i}`);
}

const eventIndexes = new WeakMap<Structure, Map<string, number>>();

function eventIndex(structure: Structure): Map<string, number> {
  let index = eventIndexes.get(structure);
  if (!index) {
    index = new Map(structure.events.map((e, i) => [e.name, i]));
    eventIndexes.set(structure, index);
  }
  return index;
}

function stoppedNodes(state: ScenarioState, forced: ReadonlySet<string>): string[] {
  const stopped: string[] = [];
  for (const node of state.graph.variant.nodes) {
    if (forced.has(node.id)) stopped.push(node.id);
    else if (node.kind !== 'region' && node.kind !== 'zone' && !state.nodeWorks(node.id)) {
      stopped.push(node.id);
    }
  }
  for (const name of forced) if (name.startsWith('link:')) stopped.push(name);
  return stopped;
}

// ---- the timeline's steps --------------------------------------------------------------------

/**
 * The service survives: service after the takeover at the share the routing gives; then, when
 * requests are refused, the scale-out of the tiers that can grow, and the repair of what failed.
 */
function takeoverSteps(
  state: ScenarioState,
  traffic: ScenarioTraffic,
  baseline: number,
  neverFull: { reason: string },
): TimelineStep[] {
  const service = takeover(state);
  const steps: TimelineStep[] = [{ decomposition: service, servedShare: traffic.servedShare }];
  if (traffic.servedShare >= baseline - 1e-9) return steps;
  const scale = scaleOut(state, traffic, service);
  if (scale) steps.push(scale);
  if (state.down.size > 0) steps.push({ decomposition: repairAll(state), servedShare: baseline });
  else {
    const short = [...traffic.refusedByTier.keys()].join(', ');
    neverFull.reason = `a traffic shift has no end in the model, and ${short || 'the design'} cannot grow to carry it (no maxInstances)`;
  }
  return steps;
}

/**
 * The tiers that refuse requests and may grow (`maxInstances` above their instances) run their
 * `maxInstances`: by themselves after `scaleOutSeconds`, or after a person's decision when
 * `autoscaling` is false. Undefined when no refusing tier can grow.
 */
function scaleOut(
  state: ScenarioState,
  traffic: ScenarioTraffic,
  service: Decomposition,
): TimelineStep | undefined {
  const scaled = new Map<string, number>();
  let manual = false;
  let slowest: TimePart | undefined;
  for (const tierId of traffic.refusedByTier.keys()) {
    const node = state.graph.byId.get(tierId);
    if (!node || !TIER_KINDS.has(node.kind) || !('maxInstances' in node)) continue;
    const max = node.maxInstances;
    if (max === undefined || max <= tierSize(node).instances) continue;
    scaled.set(tierId, max);
    manual ||=
      (node.autoscaling ?? (NODE_DEFAULTS[node.kind].autoscaling?.value as boolean)) === false;
    const seconds =
      node.scaleOutSeconds ?? (NODE_DEFAULTS[node.kind].scaleOutSeconds?.value as number);
    if (!slowest || (slowest.seconds as number) < seconds)
      slowest = { kind: 'scale-out', nodeId: tierId, seconds };
  }
  if (!slowest) return undefined;
  const grown = routeScenarioTraffic(
    state.context,
    state.scenario,
    state.values,
    state.down,
    scaled,
  );
  // A person who already decided on this incident (a manual promotion) scales out in the same
  // decision; otherwise a manual scale-out begins with one.
  const decided = service.parts.some((p) => p.kind === 'decision');
  const parts: TimePart[] = [
    ...service.parts,
    ...(manual && !decided
      ? [{ kind: 'decision' as const, nodeId: OPERATIONS_NODE, seconds: state.decisionSeconds }]
      : []),
    slowest,
  ];
  return { decomposition: chainOf(parts), servedShare: grown.servedShare };
}

/**
 * The service is down: it returns with the repair of the forced event whose return alone
 * restores it soonest, at the share the routing then gives; every request once all are repaired.
 */
function repairSteps(state: ScenarioState, baseline: number): TimelineStep[] {
  const first = repair(state);
  const event = first.parts[0]?.nodeId;
  const index = state.structure.events.findIndex((e) => e.name === event);
  const without = new Set(state.down);
  without.delete(index);
  const values = evaluateExprs(state.structure, without);
  const share =
    values[state.structure.top] === true
      ? routeScenarioTraffic(state.context, state.scenario, values, without).servedShare
      : baseline;
  return [
    { decomposition: first, servedShare: share },
    { decomposition: repairAll(state), servedShare: baseline },
  ];
}

/**
 * A corruption: nothing correct is served until the restore; the restored member serves its
 * users while the other members of its group re-sync, then every request is served.
 */
function corruptionSteps(
  state: ScenarioState,
  corrupted: readonly string[],
  baseline: number,
): TimelineStep[] {
  const restored = restore(state, corrupted);
  const sync = resync(state, corrupted);
  if (!sync) return [{ decomposition: restored, servedShare: baseline }];
  // While they re-sync the other members serve nobody: route with them down.
  const index = eventIndex(state.structure);
  const down = new Set(state.down);
  for (const id of corrupted) {
    for (const peer of state.graph.replicaPeers.get(id) ?? []) {
      forceNode(state.graph.byId.get(peer) as ModelNode, (name) => {
        const i = index.get(name);
        if (i !== undefined) down.add(i);
      });
    }
  }
  const values = evaluateExprs(state.structure, down);
  const share =
    values[state.structure.top] === true
      ? routeScenarioTraffic(state.context, state.scenario, values, down).servedShare
      : 0;
  return [
    { decomposition: restored, servedShare: share },
    { decomposition: chainOf([...restored.parts, sync], restored.reason), servedShare: baseline },
  ];
}

// ---- traffic ---------------------------------------------------------------------------------

/** The requests with nothing failed, by structure: every scenario of a variant shares them. */
const normalRoutes = new WeakMap<
  Structure,
  { readonly doc: NinesDocument; readonly traffic: ScenarioTraffic }
>();

function normalTraffic(context: ScenarioContext): ScenarioTraffic {
  const cached = normalRoutes.get(context.structure);
  if (cached && cached.doc === context.doc) return cached.traffic;
  const nothingDown = new Set<number>();
  const traffic = routeScenarioTraffic(
    context,
    { id: '', name: '' },
    evaluateExprs(context.structure, nothingDown),
    nothingDown,
  );
  normalRoutes.set(context.structure, { doc: context.doc, traffic });
  return traffic;
}

/** The scenario's requests per edge beside the requests with nothing failed. */
function edgeTraffic(context: ScenarioContext, traffic: ScenarioTraffic): EdgeTraffic[] {
  const normal = normalTraffic(context).edgeShares;
  const out: EdgeTraffic[] = [];
  for (const edge of context.graph.variant.edges) {
    if (edge.kind !== 'depends') continue;
    const key = `${edge.from}>${edge.to}`;
    const share = traffic.edgeShares.get(key) ?? 0;
    const normalShare = normal.get(key) ?? 0;
    if (share > 0 || normalShare > 0)
      out.push({ from: edge.from, to: edge.to, share, normalShare });
  }
  return out;
}

function formatSeconds(seconds: number | null | undefined): string {
  return formatDuration(seconds ?? null, { unbounded: 'never' });
}
