/**
 * Small, pure questions about nodes that every consumer asks (engine, inspector, CLI),
 * answered once with the documented defaults of `defaults.ts`.
 */
import { LINK_DEFAULTS, MAINTENANCE_DEFAULTS, NODE_DEFAULTS } from './defaults';
import { nodeKinds } from '../schema/nines-v1';
import type { CommonCause, ModelNode, NodeKind, RegionLink, Variant } from './types';

/** Kinds that contain other nodes on the canvas. */
export const CONTAINER_KINDS: ReadonlySet<NodeKind> = new Set(['region', 'zone']);

/** Kinds of the components inside containers, the ones edges join, in palette order. */
export const COMPONENT_KINDS: readonly NodeKind[] = nodeKinds.filter(
  (kind) => !CONTAINER_KINDS.has(kind),
);

/** Kinds that are k-of-n tiers of instances. */
export const TIER_KINDS: ReadonlySet<NodeKind> = new Set(['service', 'datastore', 'queue']);

/** True for regions and zones. */
export function isContainer(node: ModelNode): boolean {
  return CONTAINER_KINDS.has(node.kind);
}

/** The name a reader sees for a node: its `name`, else its id. */
export function displayName(node: ModelNode): string {
  return node.name ?? node.id;
}

/**
 * The name a reader sees for each node of `variant` (by id), told apart: its `name`, else its id;
 * a name that several nodes share gets their region's location, `Redis (us-east-1)`, or where
 * that does not tell them apart, their id, `Redis (redis-a)`. For prose only (findings, labels):
 * files and JSON keep ids.
 */
export function distinctNames(variant: Variant): ReadonlyMap<string, string> {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const locationOf = (node: ModelNode): string | undefined => {
    const seen = new Set<string>();
    for (let at: ModelNode | undefined = node; at && !seen.has(at.id);) {
      if (at.kind === 'region') return at.location;
      seen.add(at.id);
      at = at.parent === undefined ? undefined : byId.get(at.parent);
    }
    return undefined;
  };
  const sharing = new Map<string, ModelNode[]>();
  for (const node of variant.nodes) {
    const name = displayName(node);
    sharing.set(name, [...(sharing.get(name) ?? []), node]);
  }
  const names = new Map<string, string>();
  for (const [name, nodes] of sharing) {
    const locations = nodes.map(locationOf);
    const byLocation =
      locations.every((l) => l !== undefined) && new Set(locations).size === nodes.length;
    nodes.forEach((node, i) =>
      names.set(
        node.id,
        nodes.length === 1 ? name : `${name} (${byLocation ? locations[i] : node.id})`,
      ),
    );
  }
  return names;
}

/** Instance count n and the number k that must work, defaults applied (1 and 1). */
export function tierSize(node: ModelNode): {
  instances: number;
  minHealthy: number;
} {
  if (
    node.kind === 'service' ||
    node.kind === 'datastore' ||
    node.kind === 'queue' ||
    node.kind === 'router'
  ) {
    return { instances: node.instances ?? 1, minHealthy: node.minHealthy ?? 1 };
  }
  return { instances: 1, minHealthy: 1 };
}

/**
 * True when `node`'s instances are spread over its region's zones round-robin (instance i in
 * zone i mod z): a tier, and a router of two or more instances (a self-managed pair). A router of
 * one instance placed in a region is a managed regional load balancer that spans the zones.
 */
export function spreadsOverZones(node: ModelNode): boolean {
  return TIER_KINDS.has(node.kind) || (node.kind === 'router' && tierSize(node).instances > 1);
}

/**
 * Seconds a router of two or more instances needs to move its floating address to another
 * instance when the one holding it (instance #0) fails (`failoverSeconds`, default applied);
 * undefined for any other node.
 */
export function routerFailoverSeconds(node: ModelNode): number | undefined {
  if (node.kind !== 'router' || tierSize(node).instances < 2) return undefined;
  return node.failoverSeconds ?? (NODE_DEFAULTS.router.failoverSeconds?.value as number);
}

/** Seconds a promoted datastore needs before it serves at full speed (`warmupSeconds`, default applied); 0 for other kinds. */
export function warmupSeconds(node: ModelNode): number {
  return node.kind === 'datastore'
    ? (node.warmupSeconds ?? (NODE_DEFAULTS.datastore.warmupSeconds?.value as number))
    : 0;
}

/**
 * The failure figure of one basic event: its steady-state availability and, when it is known
 * through MTBF and MTTR, its failure frequency.
 */
export interface FailureFigure {
  /** Steady-state availability A = MTBF / (MTBF + MTTR), or the given availability, in [0, 1]. */
  readonly availability: number;
  /** Mean time between failures, hours; undefined when only an availability is given. */
  readonly mtbfHours?: number;
  /** Mean time to repair, hours; undefined when only an availability is given. */
  readonly mttrHours?: number;
}

interface FailureFields {
  availability?: number;
  mtbfHours?: number;
  mttrHours?: number;
}

function figureFrom(
  fields: FailureFields,
  defaults: Readonly<Record<string, { value: unknown }>>,
): FailureFigure {
  if (fields.availability !== undefined) return { availability: fields.availability };
  const mtbf = fields.mtbfHours ?? numeric(defaults.mtbfHours?.value);
  const mttr = fields.mttrHours ?? numeric(defaults.mttrHours?.value);
  if (mtbf !== undefined && mttr !== undefined) {
    return {
      availability: mtbf / (mtbf + mttr),
      mtbfHours: mtbf,
      mttrHours: mttr,
    };
  }
  return { availability: numeric(defaults.availability?.value) ?? 1 };
}

function numeric(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/**
 * The failure figure of one instance of `node`: its own `availability`, else `mtbfHours` and
 * `mttrHours` (each defaulting to its kind's documented value), else the kind's default
 * availability. A = MTBF / (MTBF + MTTR) is the steady-state availability of an alternating
 * renewal process (e.g. Trivedi, Probability and Statistics with Reliability, §8).
 */
export function nodeFailureFigure(node: ModelNode): FailureFigure {
  const defaults = NODE_DEFAULTS[node.kind];
  // A kind whose defaults are an availability keeps it unless the node gives MTBF or MTTR.
  if (node.mtbfHours === undefined && node.mttrHours === undefined && defaults.availability) {
    return {
      availability: node.availability ?? (defaults.availability.value as number),
    };
  }
  return figureFrom(node, defaults);
}

/** The failure figure of the network between two regions (a partition event). */
export function linkFailureFigure(link: RegionLink | undefined): FailureFigure {
  return figureFrom(link ?? {}, LINK_DEFAULTS);
}

/**
 * The beta factor β of a tier (`betaFactor`, default 0): the share of one instance's failure
 * rate that fails every instance at once. 0 for other kinds and for a tier of one instance, whose
 * every failure takes the tier down anyway.
 */
export function betaFactor(node: ModelNode): number {
  if (!TIER_KINDS.has(node.kind) || tierSize(node).instances < 2) return 0;
  return 'betaFactor' in node
    ? (node.betaFactor ?? (NODE_DEFAULTS[node.kind].betaFactor?.value as number))
    : 0;
}

/**
 * The beta-factor model (IEC 61508-6 Annex D; NUREG/CR-5485 §5): an instance's failure rate λ
 * splits into an independent part λ_ind = (1 − β)λ, one event per instance, and a common part
 * λ_ccf = βλ, one event for the whole tier; both repair in the instance's MTTR. So
 * MTBF_ind = MTBF / (1 − β) and MTBF_ccf = MTBF / β. A figure given only as an availability A
 * splits its odds of being down, (1 − A) / A = λ · MTTR, the same way. β = 0 (or 1) leaves the
 * common (or independent) part always working.
 */
export function betaSplit(
  figure: FailureFigure,
  beta: number,
): { readonly independent: FailureFigure; readonly common: FailureFigure } {
  const part = (share: number): FailureFigure => {
    if (share <= 0) return { availability: 1 };
    if (figure.mtbfHours !== undefined && figure.mttrHours !== undefined) {
      const mtbf = figure.mtbfHours / share;
      return {
        availability: mtbf / (mtbf + figure.mttrHours),
        mtbfHours: mtbf,
        mttrHours: figure.mttrHours,
      };
    }
    if (figure.availability <= 0) return { availability: 0 };
    const odds = (share * (1 - figure.availability)) / figure.availability;
    return { availability: 1 / (1 + odds) };
  };
  return { independent: part(1 - beta), common: part(beta) };
}

/** The failure figure of a common-cause event: its MTBF and MTTR. */
export function commonCauseFigure(cause: CommonCause): FailureFigure {
  return {
    availability: cause.mtbfHours / (cause.mtbfHours + cause.mttrHours),
    mtbfHours: cause.mtbfHours,
    mttrHours: cause.mttrHours,
  };
}

/**
 * An event that is not a node, zone or link as a reader sees it: `cause:<id>` by the cause's
 * name, `<tier>#ccf` as "<tier>, every instance at once", `<tier>#maint` as "<tier>, planned
 * maintenance" (`nameOf` names the tier); undefined for any other event.
 */
export function derivedEventLabel(
  variant: Pick<Variant, 'commonCause'>,
  event: string,
  nameOf: (id: string) => string,
): string | undefined {
  if (event.startsWith('cause:')) {
    const id = event.slice('cause:'.length);
    return (variant.commonCause ?? []).find((c) => c.id === id)?.name ?? id;
  }
  if (event.endsWith('#ccf'))
    return `${nameOf(event.slice(0, -'#ccf'.length))}, every instance at once`;
  if (event.endsWith(MAINTENANCE_SUFFIX))
    return `${nameOf(event.slice(0, -MAINTENANCE_SUFFIX.length))}, planned maintenance`;
  return undefined;
}

/** Hours in a year of 365 days: the year maintenance windows are counted over. */
const HOURS_PER_YEAR = 8760;

/** The suffix of a tier's maintenance event: `<tier>#maint`. */
export const MAINTENANCE_SUFFIX = '#maint';

/** A tier's planned maintenance as the engine reads it (docs/availability.md). */
export interface MaintenanceFigure {
  /** The window as an alternating renewal event: down `windowMinutes`, `perYear` times a year. */
  readonly figure: FailureFigure;
  /** True: one working instance at a time is out; false: the whole node. */
  readonly rolling: boolean;
}

/**
 * The planned maintenance of `node` (undefined without `maintenance`): one event per tier,
 * down for each window of `windowMinutes`, `perYear` times a year, independently of failures
 * and of other windows. As an alternating renewal process its mean time down is the window w
 * and its cycle a year over the frequency f, so its unavailability is w × f / 8,760 h, its mean
 * time up 8,760 / f − w hours. `rolling` defaults to false (`MAINTENANCE_DEFAULTS`).
 */
export function maintenanceOf(node: ModelNode): MaintenanceFigure | undefined {
  const maintenance = 'maintenance' in node ? node.maintenance : undefined;
  if (maintenance === undefined) return undefined;
  const windowHours = maintenance.windowMinutes / 60;
  const cycleHours = HOURS_PER_YEAR / maintenance.perYear;
  return {
    figure: {
      availability: 1 - windowHours / cycleHours,
      mtbfHours: cycleHours - windowHours,
      mttrHours: windowHours,
    },
    rolling: maintenance.rolling ?? (MAINTENANCE_DEFAULTS.rolling?.value as boolean),
  };
}
