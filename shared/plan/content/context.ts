/**
 * What every chapter of the contingency plan is built from: the model, the variant the plan
 * describes, its evaluation, the comparison of all variants, the resolved dependency graph and
 * the open findings; plus the small questions several chapters ask of them (a component's
 * name for a reader, the routers in front of a tier, the order in which tiers come back).
 */
import type { Comparison } from '../../engine';
import type { FailoverGroup, ResolvedGraph } from '../../engine';
import type { ScenarioResult } from '../../engine';
import type { AvailabilityFigures, VariantEvaluation } from '../../engine';
import type {
  DatastoreNode,
  ModelNode,
  NinesDocument,
  RouterNode,
  Scenario,
  Variant,
} from '../../model/types';
import { derivedEventLabel, TIER_KINDS } from '../../model/nodes';
import { displayName } from '../diagram';

/** A design finding the plan lists as an open risk, with the fix that closes it. */
export interface PlanFinding {
  readonly severity: 'high' | 'medium' | 'low';
  /** One line, e.g. `dns is a single point of failure`. */
  readonly title: string;
  /** What is wrong, with the numbers. */
  readonly detail: string;
  /** The fix, imperative, one line. */
  readonly fix: string;
  /** The fix's effect measured by the engine, e.g. `99.99882 % → 99.99901 % (−1.02 min/yr), +$420/month`. */
  readonly effect: string;
}

/** The model and its results, before the findings are drawn from them. */
export interface PlanBasis {
  readonly doc: NinesDocument;
  /** The variant the plan describes. */
  readonly variant: Variant;
  /** Its evaluation, with availability (the builder refuses a variant that was not evaluated). */
  readonly evaluation: VariantEvaluation & { readonly availability: AvailabilityFigures };
  /** Every variant of the document ranked (the options chapter). */
  readonly comparison: Comparison;
  readonly graph: ResolvedGraph;
}

/** Everything a chapter needs; every figure a chapter prints comes from here. */
export interface PlanContext extends PlanBasis {
  /** Open findings of the design advisor, most severe first. */
  readonly findings: readonly PlanFinding[];
}

/** The node `id` of the plan's variant; throws for an id the variant does not hold. */
export function nodeOf(ctx: PlanBasis, id: string): ModelNode {
  const node = ctx.graph.byId.get(id);
  if (!node) throw new Error(`no node "${id}" in variant "${ctx.variant.id}"`);
  return node;
}

/** The provider's location of the region a node sits in (or of the region itself), if any. */
export function locationOf(ctx: PlanBasis, id: string): string | undefined {
  const node = ctx.graph.byId.get(id);
  if (node?.kind === 'region' || node?.kind === 'zone') return node.location;
  const region = ctx.graph.regionOf.get(id);
  const regionNode = region === undefined ? undefined : ctx.graph.byId.get(region);
  return regionNode?.kind === 'region' ? regionNode.location : undefined;
}

/**
 * A node as a reader sees it: its name, with its region's location when the name does not
 * already say it (`Checkout API (us-east-1)`); a region as `Europe (Ireland), eu-west-1`.
 */
export function labelOf(ctx: PlanBasis, id: string): string {
  const node = ctx.graph.byId.get(id);
  if (!node) return id;
  const location = locationOf(ctx, id);
  if (node.name === undefined && node.kind === 'zone') return `zone ${location ?? id}`;
  if (node.name === undefined && node.kind === 'region') return `region ${location ?? id}`;
  const name = displayName(node);
  if (location === undefined || name.includes(location)) return name;
  return node.kind === 'region' ? `${name}, ${location}` : `${name} (${location})`;
}

/**
 * A basic event as a reader sees it: `use1-a` → the zone's label, `app-use1#3` → `instance 4 of
 * Checkout API (us-east-1)`, `link:euw1|use1` → `the network between eu-west-1 and us-east-1`.
 */
export function eventLabel(ctx: PlanBasis, event: string): string {
  // The people's parts of a recovery (a decision, the detection of a corruption).
  if (event === 'operations') return 'the people on call';
  const common = derivedEventLabel(ctx.variant, event, (id) => labelOf(ctx, id));
  if (common !== undefined) return common;
  if (event.startsWith('link:')) {
    const [a = '', b = ''] = event.slice('link:'.length).split('|');
    return `the network between ${locationOf(ctx, a) ?? a} and ${locationOf(ctx, b) ?? b}`;
  }
  const hash = event.lastIndexOf('#');
  if (hash > 0) {
    const index = Number(event.slice(hash + 1));
    return `instance ${index + 1} of ${labelOf(ctx, event.slice(0, hash))}`;
  }
  return labelOf(ctx, event);
}

/** The routers of the variant, file order. */
export function routers(ctx: PlanBasis): RouterNode[] {
  return ctx.variant.nodes.filter((n): n is RouterNode => n.kind === 'router');
}

/** The datastores of the variant, file order. */
export function datastores(ctx: PlanBasis): DatastoreNode[] {
  return ctx.variant.nodes.filter((n): n is DatastoreNode => n.kind === 'datastore');
}

/** The components: every node that is not a region or a zone, file order. */
export function components(ctx: PlanBasis): ModelNode[] {
  return ctx.variant.nodes.filter((n) => n.kind !== 'region' && n.kind !== 'zone');
}

/** Routers with at least one `depends` target among `ids`, file order. */
export function routersInFrontOf(ctx: PlanBasis, ids: ReadonlySet<string>): RouterNode[] {
  return routers(ctx).filter((r) => (ctx.graph.dependsOn.get(r.id) ?? []).some((t) => ids.has(t)));
}

/** The active-passive group of a datastore, when it belongs to one of two or more members. */
export function groupOf(ctx: PlanBasis, id: string): FailoverGroup | undefined {
  return ctx.graph.groupOf.get(id);
}

/**
 * The recovery order of the components on the request path: each component's depth is the
 * longest chain of `depends` edges below it (a data tier with no dependency is 0), so ordering by
 * depth brings every dependency back before its consumers; ties keep file order. Components
 * that nothing on the request path reaches (backups, unused nodes) are left out.
 */
export function recoveryOrder(ctx: PlanBasis): { id: string; depth: number }[] {
  const depth = new Map<string, number>();
  const visit = (id: string, path: ReadonlySet<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    let d = 0;
    for (const t of ctx.graph.dependsOn.get(id) ?? []) {
      if (!path.has(t)) d = Math.max(d, visit(t, new Set([...path, t])) + 1);
    }
    depth.set(id, d);
    return d;
  };
  const reached = new Set<string>();
  const walk = (id: string): void => {
    if (reached.has(id)) return;
    reached.add(id);
    for (const t of ctx.graph.dependsOn.get(id) ?? []) walk(t);
    // A consumer of an active-passive group may be served by any of its members.
    for (const m of ctx.graph.groupOf.get(id)?.members ?? []) walk(m);
  };
  walk(ctx.variant.entry);
  const order = components(ctx)
    .filter((n) => reached.has(n.id))
    .map((n, index) => ({ id: n.id, depth: visit(n.id, new Set([n.id])), index }));
  order.sort((a, b) => a.depth - b.depth || a.index - b.index);
  return order.map(({ id, depth: d }) => ({ id, depth: d }));
}

/** The scenarios of the document that concern the plan's variant, document order. */
export function applyingScenarios(ctx: PlanBasis): ScenarioResult[] {
  return ctx.evaluation.scenarios.filter((s) => s.applies);
}

/** The data-tier members that replicate across regions, as unordered pairs in file order. */
export function replicationPairs(ctx: PlanBasis): [DatastoreNode, DatastoreNode][] {
  const pairs: [DatastoreNode, DatastoreNode][] = [];
  const seen = new Set<string>();
  for (const edge of ctx.variant.edges) {
    if (edge.kind !== 'replicates') continue;
    const a = ctx.graph.byId.get(edge.from);
    const b = ctx.graph.byId.get(edge.to);
    if (a?.kind !== 'datastore' || b?.kind !== 'datastore') continue;
    const key = [a.id, b.id].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([a, b]);
  }
  return pairs;
}

/** The link between two regions of the variant, in either order, when the file describes it. */
export function linkBetween(ctx: PlanBasis, a: string, b: string) {
  return (ctx.variant.links ?? []).find(
    (l) => (l.a === a && l.b === b) || (l.a === b && l.b === a),
  );
}

/** The definition of the scenario `id` in the document. */
export function scenarioOf(ctx: PlanBasis, id: string): Scenario | undefined {
  return ctx.doc.scenarios?.find((s) => s.id === id);
}

/**
 * What a scenario touches: the components it stops, every node placed in a zone or region it
 * forces down, the tiers spread over a region that lose a failed zone's instances, and the
 * components named in `fail`. Regional routers span their zones and lose nothing to one zone.
 */
export function affectedNodes(ctx: PlanBasis, s: ScenarioResult): Set<string> {
  const down = new Set(scenarioOf(ctx, s.id)?.fail ?? []);
  const affected = new Set(s.stops);
  for (const id of down) affected.add(id.replace(/#\d+$/, ''));
  for (const node of ctx.variant.nodes) {
    const zone = ctx.graph.zoneOf.get(node.id);
    const region = ctx.graph.regionOf.get(node.id);
    if ((zone !== undefined && down.has(zone)) || (region !== undefined && down.has(region))) {
      affected.add(node.id);
    } else if (
      TIER_KINDS.has(node.kind) &&
      region !== undefined &&
      zone === undefined &&
      (ctx.graph.zonesOf.get(region) ?? []).some((z) => down.has(z))
    ) {
      affected.add(node.id);
    }
  }
  return affected;
}
