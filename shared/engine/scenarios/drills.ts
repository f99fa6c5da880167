/**
 * Scenarios built from what they name, with ids and names that read well, and the standard
 * drills of a design: one zone outage, an outage of every region, a partition of every pair of
 * regions that a dependency or a replication joins, and a corruption of every datastore.
 *
 * Pure: the editor adds the drills of what an edit brought in (`withNewDrills`, one undo step
 * with the edit), the Scenarios section adds a scenario through pickers (`scenarioFor`), and the
 * CLI can list a document's missing drills (`standardDrills`).
 */
import type { ModelNode, NinesDocument, Scenario } from '../../model/types';
import { formatShare } from '../../text';

/** What a scenario names, one kind at a time: the ids of nodes, never free text. */
export type ScenarioRequest =
  | { readonly kind: 'zone-outage'; readonly zone: string }
  | { readonly kind: 'region-outage'; readonly region: string }
  | { readonly kind: 'partition'; readonly regions: readonly [string, string] }
  | {
      readonly kind: 'traffic-shift';
      readonly from: string;
      /** Absent: the share is spread over the other regions. */
      readonly to?: string;
      /** Share of `from`'s requests moved, in [0, 1]. */
      readonly share: number;
    }
  | { readonly kind: 'component-failure'; readonly component: string }
  | { readonly kind: 'corruption'; readonly datastore: string }
  /** A common-cause event of the variant (`commonCause[].id`) happens. */
  | { readonly kind: 'common-cause'; readonly cause: string };

/** The kinds of scenario, in the order a person meets them, with their labels. */
export const SCENARIO_KINDS: readonly {
  readonly kind: ScenarioRequest['kind'];
  readonly label: string;
}[] = [
  { kind: 'zone-outage', label: 'Zone outage' },
  { kind: 'region-outage', label: 'Region outage' },
  { kind: 'partition', label: 'Partition between regions' },
  { kind: 'traffic-shift', label: 'Traffic shift' },
  { kind: 'component-failure', label: 'Component failure' },
  { kind: 'corruption', label: 'Data corruption' },
  { kind: 'common-cause', label: 'Common cause' },
];

/** Longest scenario id and name the file format takes (shared/schema/nines-v1.ts). */
const MAX_ID = 64;
const MAX_NAME = 200;

/** Every node of the document by id, first variant first (a node copied into several variants
 * is named by its first copy). */
function nodesOf(doc: NinesDocument): Map<string, ModelNode> {
  const byId = new Map<string, ModelNode>();
  for (const variant of doc.variants) {
    for (const node of variant.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  }
  return byId;
}

/** How a scenario's name calls a node: a region or zone by its location (`eu-west-1`) when it
 * has one, else by its name, else by its id. */
function subjectLabel(node: ModelNode | undefined, id: string): string {
  if (!node) return id;
  if ((node.kind === 'region' || node.kind === 'zone') && node.location) return node.location;
  return node.name ?? node.id;
}

/** The scenario that answers `request`, without its id. */
function scenarioBody(request: ScenarioRequest): Omit<Scenario, 'id' | 'name'> {
  switch (request.kind) {
    case 'zone-outage':
      return { fail: [request.zone] };
    case 'region-outage':
      return { fail: [request.region] };
    case 'component-failure':
      return { fail: [request.component] };
    case 'partition':
      return { partition: [[request.regions[0], request.regions[1]]] };
    case 'traffic-shift':
      return {
        shift: {
          from: request.from,
          ...(request.to === undefined ? {} : { to: request.to }),
          share: request.share,
        },
      };
    case 'corruption':
      return { corrupt: [request.datastore] };
    case 'common-cause':
      return { commonCause: [request.cause] };
  }
}

/** The stem and the subject of a request's id: `region-outage` + `use1`. */
function idParts(request: ScenarioRequest): [string, string] {
  switch (request.kind) {
    case 'zone-outage':
      return ['zone-outage', request.zone];
    case 'region-outage':
      return ['region-outage', request.region];
    case 'component-failure':
      return ['outage', request.component];
    case 'partition':
      return ['partition', [...request.regions].sort().join('-')];
    case 'traffic-shift':
      return ['traffic-shift', [request.from, request.to ?? 'others'].join('-')];
    case 'corruption':
      return ['corruption', request.datastore];
    case 'common-cause':
      return ['common-cause', request.cause];
  }
}

/**
 * The request a scenario answers when it does exactly one thing the kinds above describe (a
 * zone, region or component fails; one pair is cut; one shift; one datastore corrupted), else
 * undefined. `byId` tells a zone from a region from a component.
 */
export function requestOf(
  scenario: Scenario,
  byId: ReadonlyMap<string, ModelNode>,
): ScenarioRequest | undefined {
  const fail = scenario.fail ?? [];
  const partition = scenario.partition ?? [];
  const corrupt = scenario.corrupt ?? [];
  const causes = scenario.commonCause ?? [];
  const things =
    fail.length + partition.length + corrupt.length + causes.length + (scenario.shift ? 1 : 0);
  if (things !== 1) return undefined;
  const [cause] = causes;
  if (cause !== undefined) return { kind: 'common-cause', cause };
  const [failed] = fail;
  if (failed !== undefined) {
    const kind = byId.get(failed)?.kind;
    if (kind === 'zone') return { kind: 'zone-outage', zone: failed };
    if (kind === 'region') return { kind: 'region-outage', region: failed };
    if (kind === undefined || failed.includes('#')) return undefined;
    return { kind: 'component-failure', component: failed };
  }
  const [pair] = partition;
  if (pair) return { kind: 'partition', regions: pair };
  const [datastore] = corrupt;
  if (datastore !== undefined) return { kind: 'corruption', datastore };
  const shift = scenario.shift;
  return shift && { kind: 'traffic-shift', ...shift };
}

/**
 * The name a scenario of `request` gets: `Zone outage (us-east-1a)`, `Region outage
 * (eu-west-1)`, `Partition (us-east-1 ↔ eu-west-1)`, `Traffic shift (us-east-1 → eu-west-1,
 * 50 %)`, `Component failure (API)`, `Data corrupted (orders-db)`, `Common cause (Global deploy)`.
 */
export function scenarioName(doc: NinesDocument, request: ScenarioRequest): string {
  return nameWith(nodesOf(doc), request, causeNames(doc));
}

/** The name of every common cause of the document by id, first variant first. */
function causeNames(doc: NinesDocument): Map<string, string> {
  const names = new Map<string, string>();
  for (const variant of doc.variants) {
    for (const cause of variant.commonCause ?? []) {
      if (!names.has(cause.id)) names.set(cause.id, cause.name);
    }
  }
  return names;
}

/** {@link scenarioName} with the document's nodes (and common causes) already looked up by id. */
function nameWith(
  byId: ReadonlyMap<string, ModelNode>,
  request: ScenarioRequest,
  causes: ReadonlyMap<string, string> = new Map(),
): string {
  const label = (id: string) => subjectLabel(byId.get(id), id);
  let name: string;
  switch (request.kind) {
    case 'zone-outage':
      name = `Zone outage (${label(request.zone)})`;
      break;
    case 'region-outage':
      name = `Region outage (${label(request.region)})`;
      break;
    case 'component-failure':
      name = `Component failure (${label(request.component)})`;
      break;
    case 'partition':
      name = `Partition (${label(request.regions[0])} ↔ ${label(request.regions[1])})`;
      break;
    case 'traffic-shift': {
      const to = request.to === undefined ? 'the other regions' : label(request.to);
      name = `Traffic shift (${label(request.from)} → ${to}, ${formatShare(request.share)})`;
      break;
    }
    case 'corruption':
      name = `Data corrupted (${label(request.datastore)})`;
      break;
    case 'common-cause':
      name = `Common cause (${causes.get(request.cause) ?? request.cause})`;
      break;
  }
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

/**
 * A readable id none of `used` has: `region-outage-use1`, else `region-outage-use1-2`…, or
 * `region-outage-1`… when the subject would make the id longer than the format allows.
 */
function freshScenarioId(stem: string, subject: string, used: ReadonlySet<string>): string {
  const base = `${stem}-${subject}`;
  const root = base.length <= MAX_ID - 4 ? base : stem;
  if (root === base && !used.has(base)) return base;
  for (let n = root === base ? 2 : 1; ; n += 1) {
    const id = `${root}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** The scenario of `request` for `doc`, with an id no scenario of `doc` has and its name. */
export function scenarioFor(doc: NinesDocument, request: ScenarioRequest): Scenario {
  const used = new Set((doc.scenarios ?? []).map((s) => s.id));
  const [stem, subject] = idParts(request);
  return {
    id: freshScenarioId(stem, subject, used),
    name: scenarioName(doc, request),
    ...scenarioBody(request),
  };
}

/** What a scenario does, as a key equal for scenarios that do the same (order aside). */
function effectKey(scenario: Omit<Scenario, 'id' | 'name'>): string {
  const pairs = (scenario.partition ?? []).map((p) => [...p].sort().join('|')).sort();
  return JSON.stringify([
    [...(scenario.fail ?? [])].sort(),
    pairs,
    scenario.shift ? [scenario.shift.from, scenario.shift.to ?? null, scenario.shift.share] : null,
    [...(scenario.corrupt ?? [])].sort(),
    [...(scenario.commonCause ?? [])].sort(),
  ]);
}

/** The scenario of `doc` that does what `scenario` does (order, id and name aside), if any. */
export function equivalentScenario(
  doc: NinesDocument,
  scenario: Omit<Scenario, 'id' | 'name'>,
): Scenario | undefined {
  const key = effectKey(scenario);
  return (doc.scenarios ?? []).find((s) => effectKey(s) === key);
}

/** The region a node is in (itself for a region), or undefined for a global node. */
function regionOf(byId: ReadonlyMap<string, ModelNode>, id: string): string | undefined {
  const seen = new Set<string>();
  for (let node = byId.get(id); node && !seen.has(node.id);) {
    if (node.kind === 'region') return node.id;
    seen.add(node.id);
    node = node.parent === undefined ? undefined : byId.get(node.parent);
  }
  return undefined;
}

/** The subjects of the standard drills in a document, each kind in file order. */
interface DrillSubjects {
  readonly zones: readonly string[];
  readonly regions: readonly string[];
  /** Pairs of regions joined by a `depends` or `replicates` edge, each sorted by id. */
  readonly pairs: readonly (readonly [string, string])[];
  readonly datastores: readonly string[];
}

function drillSubjects(doc: NinesDocument): DrillSubjects {
  const ofKind = (kind: ModelNode['kind']) => [
    ...new Set(
      doc.variants.flatMap((v) => v.nodes.filter((n) => n.kind === kind).map((n) => n.id)),
    ),
  ];
  const pairs = new Map<string, [string, string]>();
  for (const variant of doc.variants) {
    const byId = new Map(variant.nodes.map((n) => [n.id, n]));
    for (const edge of variant.edges) {
      if (edge.kind === 'backs-up') continue;
      const a = regionOf(byId, edge.from);
      const b = regionOf(byId, edge.to);
      if (a === undefined || b === undefined || a === b) continue;
      const pair = [a, b].sort() as [string, string];
      pairs.set(pair.join('|'), pair);
    }
  }
  return {
    zones: ofKind('zone'),
    regions: ofKind('region'),
    pairs: [...pairs.values()],
    datastores: ofKind('datastore'),
  };
}

/** True when a scenario of `doc` fails a zone (a zone outage is already drilled). */
function hasZoneOutage(doc: NinesDocument): boolean {
  const byId = nodesOf(doc);
  return (doc.scenarios ?? []).some((s) =>
    (s.fail ?? []).some((id) => byId.get(id)?.kind === 'zone'),
  );
}

/**
 * The drills of `subjects` that `doc` does not have yet: one per request, none equal in effect
 * to a scenario of `doc`, with ids none of its scenarios has. `zone` is the zone to drill when
 * `doc` has no zone outage.
 */
function missingDrills(
  doc: NinesDocument,
  subjects: DrillSubjects,
  zone: string | undefined,
): Scenario[] {
  const requests: ScenarioRequest[] = [
    ...(zone !== undefined && !hasZoneOutage(doc) ? [{ kind: 'zone-outage', zone } as const] : []),
    ...subjects.regions.map((region) => ({ kind: 'region-outage', region }) as const),
    ...subjects.pairs.map((regions) => ({ kind: 'partition', regions }) as const),
    ...subjects.datastores.map((datastore) => ({ kind: 'corruption', datastore }) as const),
  ];
  const known = new Set((doc.scenarios ?? []).map(effectKey));
  const added: Scenario[] = [];
  let current = doc;
  for (const request of requests) {
    const scenario = scenarioFor(current, request);
    const key = effectKey(scenario);
    if (known.has(key)) continue;
    known.add(key);
    added.push(scenario);
    current = { ...current, scenarios: [...(current.scenarios ?? []), scenario] };
  }
  return added;
}

/**
 * The standard drills `doc` lacks: a zone outage (of its first zone) when no scenario fails a
 * zone, an outage of every region, a partition of every pair of regions joined by a `depends` or
 * `replicates` edge, a corruption of every datastore. A drill whose effect a scenario of `doc`
 * already has is left out; ids are readable and deterministic (`region-outage-use1`).
 */
export function standardDrills(doc: NinesDocument): Scenario[] {
  const subjects = drillSubjects(doc);
  return missingDrills(doc, subjects, subjects.zones[0]);
}

/**
 * The standard drills of what `after` has and `before` had not: an outage of each new region, a
 * zone outage of the first new zone when no scenario fails a zone, a partition of each newly
 * joined pair of regions, a corruption of each new datastore; none equal in effect to a scenario
 * of `after`. What was already there is not drilled again, so a drill that was removed stays
 * removed.
 */
export function newDrills(before: NinesDocument, after: NinesDocument): Scenario[] {
  const old = drillSubjects(before);
  const now = drillSubjects(after);
  const isNew = <T>(list: readonly T[], key: (t: T) => string) => {
    const had = new Set(list.map(key));
    return (t: T) => !had.has(key(t));
  };
  const id = (s: string) => s;
  const pairKey = (p: readonly [string, string]) => p.join('|');
  const fresh: DrillSubjects = {
    zones: now.zones.filter(isNew(old.zones, id)),
    regions: now.regions.filter(isNew(old.regions, id)),
    pairs: now.pairs.filter(isNew(old.pairs, pairKey)),
    datastores: now.datastores.filter(isNew(old.datastores, id)),
  };
  return missingDrills(after, fresh, fresh.zones[0]);
}

/** True when no variant's nodes or edges changed (the same arrays): nothing to drill or rename. */
function sameTopology(before: NinesDocument, after: NinesDocument): boolean {
  return (
    before.variants.length === after.variants.length &&
    before.variants.every((v, i) => {
      const w = after.variants[i];
      return w !== undefined && v.nodes === w.nodes && v.edges === w.edges;
    })
  );
}

/**
 * `after` with the drills of what it brought in added (`newDrills`), and the scenarios whose
 * name is still the one `scenarioName` gave them renamed when what they name was renamed or
 * given a location (a name a person chose is kept). `after` itself when nothing changes.
 */
export function withNewDrills(before: NinesDocument, after: NinesDocument): NinesDocument {
  if (before === after || sameTopology(before, after)) return after;
  const oldNodes = nodesOf(before);
  const newNodes = nodesOf(after);
  let renamed = false;
  const scenarios = (after.scenarios ?? []).map((s) => {
    const request = requestOf(s, oldNodes);
    if (!request || s.name !== nameWith(oldNodes, request)) return s;
    if (requestOf(s, newNodes) === undefined) return s;
    const name = nameWith(newNodes, request);
    if (name === s.name) return s;
    renamed = true;
    return { ...s, name };
  });
  const withNames = renamed ? { ...after, scenarios } : after;
  const drills = newDrills(before, withNames);
  if (drills.length === 0) return withNames;
  return { ...withNames, scenarios: [...(withNames.scenarios ?? []), ...drills] };
}
