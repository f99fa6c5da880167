/**
 * Scenario → experiment plan: which scenarios of a variant are faults a service can inject
 * (zones, regions, components and instances forced down; region pairs partitioned), which are
 * not (a traffic shift, a logical corruption: runbook steps for a person), and which name
 * nothing of the variant (left out, as the engine leaves them out).
 */
import type { ScenarioResult } from '../engine';
import type {
  ModelNode,
  NinesDocument,
  RegionNode,
  Scenario,
  Variant,
  ZoneNode,
} from '../model/types';
import { faultDuration } from './duration';
import { shiftSteps, restoreSteps } from './runbook';
import type { ExperimentPlan, Fault, ScenarioPlan } from './types';

/** Node kinds that run instances a fault service can stop (the tiers). */
const TIER_KINDS = new Set(['service', 'datastore', 'queue']);

/** The region a node sits in (itself for a region), or undefined for a global node. */
export function regionOf(variant: Variant, node: ModelNode): RegionNode | undefined {
  let current: ModelNode | undefined = node;
  for (let hops = 0; current && hops < variant.nodes.length; hops += 1) {
    if (current.kind === 'region') return current;
    const parent: string | undefined = current.parent;
    current = parent === undefined ? undefined : variant.nodes.find((n) => n.id === parent);
  }
  return undefined;
}

/** The zones of a region, in file order. */
export function zonesOf(variant: Variant, region: RegionNode): ZoneNode[] {
  return variant.nodes.filter((n): n is ZoneNode => n.kind === 'zone' && n.parent === region.id);
}

/**
 * The tiers a zone or region outage reaches: tiers placed in the zone itself, or in its region
 * without a zone (spread over the region's zones); for a region, every tier inside it.
 */
export function tiersIn(variant: Variant, region: RegionNode, zone?: ZoneNode): ModelNode[] {
  return variant.nodes.filter((n) => {
    if (!TIER_KINDS.has(n.kind) || regionOf(variant, n)?.id !== region.id) return false;
    return zone === undefined || n.parent === zone.id || n.parent === region.id;
  });
}

/** Resolves one `fail` entry to a fault; undefined when the variant has no such element. */
function failFault(variant: Variant, entry: string): Fault | undefined {
  const hash = entry.lastIndexOf('#');
  const id = hash > 0 ? entry.slice(0, hash) : entry;
  const node = variant.nodes.find((n) => n.id === id);
  if (!node) return undefined;
  if (hash > 0) return { kind: 'instance', node, index: Number(entry.slice(hash + 1)) };
  if (node.kind === 'region')
    return { kind: 'region', region: node, zones: zonesOf(variant, node) };
  if (node.kind === 'zone') {
    const region = regionOf(variant, node);
    return region ? { kind: 'zone', zone: node, region } : { kind: 'component', node };
  }
  return { kind: 'component', node };
}

/** The MTTR of the link between two regions of a variant, hours, when the model gives one. */
function linkMttr(variant: Variant, a: string, b: string): number | undefined {
  return variant.links?.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a))
    ?.mttrHours;
}

/** What to do with one scenario on one variant, given the engine's result for it. */
export function planScenario(
  doc: NinesDocument,
  variant: Variant,
  scenario: Scenario,
  result: ScenarioResult,
): ScenarioPlan {
  if (!result.applies) {
    return {
      kind: 'skipped',
      variant,
      scenario,
      reason: result.reason ?? 'it names nothing of this variant',
    };
  }
  if (scenario.shift || (scenario.corrupt && scenario.corrupt.length > 0)) {
    const steps = [
      ...(scenario.shift ? shiftSteps(variant, scenario.shift) : []),
      ...(scenario.corrupt ?? []).flatMap((id) => restoreSteps(doc, variant, id)),
    ];
    const what = scenario.shift ? 'a traffic shift' : 'a logical corruption';
    return {
      kind: 'runbook',
      variant,
      scenario,
      result,
      reason: `${what} is not a fault a service can inject safely; run it by hand`,
      steps,
    };
  }
  const faults: Fault[] = [];
  for (const entry of scenario.fail ?? []) {
    const fault = failFault(variant, entry);
    if (fault) faults.push(fault);
  }
  for (const [a, b] of scenario.partition ?? []) {
    const ra = variant.nodes.find((n): n is RegionNode => n.id === a && n.kind === 'region');
    const rb = variant.nodes.find((n): n is RegionNode => n.id === b && n.kind === 'region');
    if (ra && rb) faults.push({ kind: 'partition', a: ra, b: rb });
  }
  if (faults.length === 0) {
    return { kind: 'skipped', variant, scenario, reason: 'it forces nothing of this variant down' };
  }
  const duration = faultDuration(faults, (a, b) => linkMttr(variant, a, b));
  return { kind: 'experiment', variant, scenario, result, faults, duration };
}

/**
 * Regions the plan's faults touch whose provider is set and is not `provider`, as `id (provider)`:
 * a cloud's fault service reaches only its own cloud.
 */
export function foreignRegions(plan: ExperimentPlan, provider: string): string[] {
  const regions = new Set<string>();
  for (const fault of plan.faults) {
    const touched =
      fault.kind === 'zone' || fault.kind === 'region'
        ? [fault.region]
        : fault.kind === 'partition'
          ? [fault.a, fault.b]
          : [regionOf(plan.variant, fault.node)];
    for (const r of touched) {
      if (r?.provider !== undefined && r.provider !== provider)
        regions.add(`${r.id} (${r.provider})`);
    }
  }
  return [...regions];
}
